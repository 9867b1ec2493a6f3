#!/usr/bin/env bash
# Makes the password-hashing test data under this directory. Run once, commit the output; the
# tests read the JSON and need none of these programs.
#
# Debian 12: apt-get install -y apache2-utils whois python3-bcrypt php-cli argon2
# Spring Security's hashes come from SpringVectors.java, run on the jars Maven put in
# ~/.m2 (./mvnw -pl benchmarks -am package resolves them): spring-security-crypto 6.5.7,
# spring-jcl 6.2.19, bcprov-jdk18on 1.83. Set M2 to use another local repository.
#
#   bcrypt-interop.json  hashes made by htpasswd -B, mkpasswd -m bcrypt(-a), python3-bcrypt,
#                        PHP password_hash and Spring Security's BCryptPasswordEncoder ({bcrypt}
#                        prefix), for ASCII and non-ASCII (NFC) passwords
#   bcrypt-kat.json      known-answer vectors: fixed salts, each hash computed by python3-bcrypt
#                        and checked by PHP's password_verify (a second implementation); classic
#                        jBCrypt TestBCrypt vectors are kept only if both agree with them
#   argon2id-interop.json  PHC strings made by the argon2 command-line tool (reference C code),
#                        PHP's password_hash(PASSWORD_ARGON2ID) and Spring Security's
#                        Argon2PasswordEncoder ({argon2} prefix); all checked by PHP
set -euo pipefail
cd "$(dirname "$0")"
M2=${M2:-$HOME/.m2/repository}
export SPRING_CP="$M2/org/springframework/security/spring-security-crypto/6.5.7/spring-security-crypto-6.5.7.jar:$M2/org/springframework/spring-jcl/6.2.19/spring-jcl-6.2.19.jar:$M2/org/bouncycastle/bcprov-jdk18on/1.83/bcprov-jdk18on-1.83.jar"
exec /usr/bin/python3 - <<'PY'
import base64, json, os, subprocess, unicodedata, bcrypt

def run(args, stdin=None):
    return subprocess.run(args, input=stdin, capture_output=True, check=True).stdout

PASSWORDS = [
    "correct horse battery staple",
    "pässwörd",                    # Latin-1 range, NFC
    "Ünïcødé-Straße",
    "密码测试",                      # 3-byte UTF-8 characters
    "🔐 emoji key",                # 4-byte UTF-8 character
    "x",
    "a" * 72,                      # exactly the bcrypt limit
    "é" * 36,                      # 72 UTF-8 bytes of 2-byte characters
]
for p in PASSWORDS:
    assert unicodedata.normalize("NFC", p) == p

def php(code, *args):
    return run(["php", "-r", code, "--", *args]).decode()

interop = []
for pw in PASSWORDS:
    b = pw.encode()
    interop.append({"tool": "htpasswd -B -C 5", "password": pw,
        "hash": run(["htpasswd", "-nbB", "-C", "5", "u", pw]).decode().strip().split(":", 1)[1]})
    interop.append({"tool": "mkpasswd -m bcrypt -R 5", "password": pw,
        "hash": run(["mkpasswd", "-m", "bcrypt", "-R", "5", "--stdin"], b).decode().strip()})
    interop.append({"tool": "mkpasswd -m bcrypt-a -R 5", "password": pw,
        "hash": run(["mkpasswd", "-m", "bcrypt-a", "-R", "5", "--stdin"], b).decode().strip()})
    interop.append({"tool": "python3-bcrypt " + bcrypt.__version__, "password": pw,
        "hash": bcrypt.hashpw(b, bcrypt.gensalt(5)).decode()})
    interop.append({"tool": "php password_hash PASSWORD_BCRYPT cost 5", "password": pw,
        "hash": php('echo password_hash($argv[1], PASSWORD_BCRYPT, ["cost" => 5]);', pw)})
spring = run(["java", "-cp", os.environ["SPRING_CP"], "SpringVectors.java"],
             "\n".join(PASSWORDS).encode() + b"\n").decode().splitlines()
spring_argon = []
for line in spring:
    kind, pw, h = line.split("\t")
    if kind == "bcrypt":
        interop.append({"tool": "Spring Security 6.5.7 BCryptPasswordEncoder(5)", "password": pw, "hash": h})
    else:
        spring_argon.append({"tool": "Spring Security 6.5.7 Argon2PasswordEncoder(16,32,1,1024,2)", "password": pw, "hash": h})
for v in interop:
    v_hash = v["hash"].removeprefix("{bcrypt}")
    assert bcrypt.checkpw(v["password"].encode(), v_hash.encode()), v
    assert php('echo password_verify($argv[1], $argv[2]) ? "1" : "0";', v["password"], v_hash) == "1", v

# Known answers. Fixed salts, so the hashes are reproducible by anyone.
kat = []
def add_kat(pw, salt, expected, source):
    got = bcrypt.hashpw(pw.encode(), salt.encode()).decode()
    if expected is not None and got != expected:
        print("dropped (python3-bcrypt disagrees):", source, repr(pw))
        return
    if php('echo password_verify($argv[1], $argv[2]) ? "1" : "0";', pw, got) != "1":
        print("dropped (PHP disagrees):", source, repr(pw))
        return
    kat.append({"source": source, "password": pw, "hash": got})

# Classic vectors from jBCrypt's TestBCrypt, kept only if python3-bcrypt and PHP agree.
CLASSIC = [
    ("", "$2a$06$DCq7YPn5Rq63x1Lad4cll.", "$2a$06$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s."),
    ("", "$2a$08$HqWuK6/Ng6sg9gQzbLrgb.", "$2a$08$HqWuK6/Ng6sg9gQzbLrgb.Tl.ZHfXLhvt/SgVyWhQqgqcZ7ZuUtye"),
    ("a", "$2a$06$m0CrhHm10qJ3lXRY.5zDGO", "$2a$06$m0CrhHm10qJ3lXRY.5zDGO3rS2KdeeWLuGmsfGlMfOxih58VYVfxe"),
    ("abc", "$2a$06$If6bvum7DFjUnE9p2uDeDu", "$2a$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i"),
    ("abcdefghijklmnopqrstuvwxyz", "$2a$06$.rCVZVOThsIa97pEDOxvGu", "$2a$06$.rCVZVOThsIa97pEDOxvGuRRgzG64bvtJ0938xuqzv18d3ZpQhstC"),
    ("~!@#$%^&*()      ~!@#$%^&*()PNBFRD", "$2a$06$fPIsBO8qRqkjj273rfaOI.", "$2a$06$fPIsBO8qRqkjj273rfaOI.HtSV9jLDpTbZn782DC6/t7qT67P6FfO"),
]
for pw, salt, expected in CLASSIC:
    add_kat(pw, salt, expected, "jBCrypt TestBCrypt")
SALTS = ["$2b$04$cVWp4XaNU8a4v1uMRum2SO", "$2b$05$abcdefghijklmnopqrstuu", "$2b$06$aAbBcCdDeEfFgGhHiIjJkK",
         "$2y$04$......................", "$2a$05$9999999999999999999999"]
for i, pw in enumerate(PASSWORDS + ["a" * 71, "é" * 35 + "a"]):
    add_kat(pw, SALTS[i % len(SALTS)], None, "fixed salt, python3-bcrypt, checked by PHP")

# Argon2id from the reference command-line tool and PHP (libargon2 or libsodium).
argon = []
for pw in PASSWORDS[:5]:
    salt = base64.b64encode(os.urandom(12)).decode()
    out = run(["argon2", salt, "-id", "-t", "2", "-m", "10", "-p", "1", "-e"], pw.encode()).decode().strip()
    argon.append({"tool": "argon2 CLI -id -t 2 -m 10 -p 1", "password": pw, "hash": out})
    out = run(["argon2", salt, "-id", "-t", "1", "-k", "2048", "-p", "2", "-l", "16", "-e"], pw.encode()).decode().strip()
    argon.append({"tool": "argon2 CLI -id -t 1 -k 2048 -p 2 -l 16", "password": pw, "hash": out})
    out = php('echo password_hash($argv[1], PASSWORD_ARGON2ID, ["memory_cost" => 1024, "time_cost" => 2, "threads" => 1]);', pw)
    argon.append({"tool": "php password_hash PASSWORD_ARGON2ID", "password": pw, "hash": out})
argon += spring_argon
for v in argon:
    assert php('echo password_verify($argv[1], $argv[2]) ? "1" : "0";', v["password"], v["hash"].removeprefix("{argon2}")) == "1", v

def dump(name, rows):
    with open(name, "w", encoding="utf-8") as f:
        json.dump(rows, f, ensure_ascii=False, indent=1)
        f.write("\n")
dump("bcrypt-interop.json", interop)
dump("bcrypt-kat.json", kat)
dump("argon2id-interop.json", argon)
print(len(interop), "interop,", len(kat), "known answers,", len(argon), "argon2id")
PY
