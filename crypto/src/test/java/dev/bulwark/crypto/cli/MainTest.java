package dev.bulwark.crypto.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI end to end, in-process: every command, exit code and refusal. */
class MainTest {

  private static final String SECRET = "a-test-master-secret-of-more-than-32-bytes-0123456789";
  /** Offset of the wrapped key's Tink key id: header (0x11, 3, "kek"), length, 0x01 prefix. */
  private static final int KEY_ID_OFFSET = 5 + 4 + 1;

  @TempDir Path dir;
  private final Map<String, String> env = new HashMap<>(Map.of("BULWARK_MASTER_SECRET", SECRET));
  private Path keyset;
  private byte[] plaintext;
  /** What the terminal prompt answers, in order; empty means no terminal. */
  private final Deque<String> answers = new ArrayDeque<>();
  private final List<String> prompts = new ArrayList<>();

  record Result(int code, byte[] out, String err) {
  }

  @BeforeEach
  void keygen() throws IOException {
    keyset = dir.resolve("backup.keyset");
    assertThat(run("keygen", "--out", keyset.toString()).code).isZero();
    plaintext = new byte[3 * 1024 * 1024 + 17]; // more than one 1 MB segment
    new Random(7).nextBytes(plaintext);
  }

  private Result run(String... args) {
    return runWithStdin(new byte[0], args);
  }

  private Result runWithStdin(byte[] stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new Main.Run(new ByteArrayInputStream(stdin), out,
        new PrintStream(err, true, UTF_8), env, false, text -> {
          prompts.add(text);
          String answer = answers.poll();
          return answer == null ? null : answer.toCharArray();
        }).execute(args);
    return new Result(code, out.toByteArray(), err.toString(UTF_8));
  }

  private Path write(String name, byte[] bytes) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, bytes);
    return file;
  }

  private Path encryptFile(String name) throws IOException {
    Path in = write(name, plaintext);
    Path enc = dir.resolve(name + ".enc");
    Result r = run("encrypt", "--keyset", keyset.toString(), "--in", in.toString(),
        "--out", enc.toString());
    assertThat(r.code).as(r.err).isZero();
    return enc;
  }

  private Result decrypt(Path enc, Path out, String... extra) {
    String[] args = Stream.concat(Stream.of("decrypt", "--keyset", keyset.toString(),
        "--in", enc.toString(), "--out", out.toString()), Stream.of(extra))
        .toArray(String[]::new);
    return run(args);
  }

  private String[] leftovers() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp"))
          .toArray(String[]::new);
    }
  }

  private static void assertOneLine(Result r) {
    assertThat(r.err.strip()).doesNotContain("\n").doesNotContain("\tat ")
        .doesNotContain(SECRET).startsWith("bulwark-crypto: ");
  }

  @Test
  void encryptDecrypt_files_roundTrip() throws IOException {
    Path enc = encryptFile("dump.sql");
    assertThat(Files.readAllBytes(enc)).isNotEqualTo(plaintext);
    Path back = dir.resolve("restored.sql");
    Result r = decrypt(enc, back);
    assertThat(r.code).as(r.err).isZero();
    assertThat(Files.readAllBytes(back)).isEqualTo(plaintext);
    assertThat(leftovers()).isEmpty();
    if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(back)))
          .isEqualTo("rw-------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyset)))
          .isEqualTo("rw-------");
    }
  }

  @Test
  void encryptDecrypt_stdinStdout_roundTrip() {
    Result enc = runWithStdin(plaintext, "encrypt", "--keyset", keyset.toString(),
        "--in", "-", "--out", "-");
    assertThat(enc.code).as(enc.err).isZero();
    assertThat(enc.err).isEmpty();
    Result dec = runWithStdin(enc.out, "decrypt", "--keyset", keyset.toString(),
        "--in", "-", "--out", "-");
    assertThat(dec.code).as(dec.err).isZero();
    assertThat(dec.out).isEqualTo(plaintext);
  }

  @Test
  void encrypt_associatedData_isRequiredToDecrypt() throws IOException {
    Path in = write("t.sql", plaintext);
    Path enc = dir.resolve("t.enc");
    assertThat(run("encrypt", "--keyset", keyset.toString(), "--in", in.toString(), "--out",
        enc.toString(), "--associated-data", "tenant-42").code).isZero();
    Result wrong = decrypt(enc, dir.resolve("a"), "--context", "tenant-43");
    assertThat(wrong.code).isEqualTo(ExitCodes.NOT_AUTHENTIC);
    Result none = decrypt(enc, dir.resolve("b"));
    assertThat(none.code).isEqualTo(ExitCodes.NOT_AUTHENTIC);
    Result right = decrypt(enc, dir.resolve("c"), "--context=tenant-42");
    assertThat(right.code).as(right.err).isZero();
    assertThat(Files.readAllBytes(dir.resolve("c"))).isEqualTo(plaintext);
  }

  @Test
  void encrypt_existingOutput_isRefusedWithoutForceAndReplacedWithIt() throws IOException {
    Path in = write("d.sql", plaintext);
    Path enc = write("d.enc", new byte[] {1, 2, 3});
    Result refused = run("encrypt", "--keyset", keyset.toString(), "--in", in.toString(),
        "--out", enc.toString());
    assertThat(refused.code).isEqualTo(ExitCodes.IO);
    assertThat(refused.err).contains("output exists").contains("--force");
    assertOneLine(refused);
    assertThat(Files.readAllBytes(enc)).containsExactly(1, 2, 3);
    Result forced = run("encrypt", "--keyset", keyset.toString(), "--in", in.toString(),
        "--out", enc.toString(), "--force");
    assertThat(forced.code).as(forced.err).isZero();
    Result dec = decrypt(enc, dir.resolve("back"));
    assertThat(dec.code).isZero();
    assertThat(Files.readAllBytes(dir.resolve("back"))).isEqualTo(plaintext);
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void keygen_existingKeyset_isRefusedWithoutForce() throws IOException {
    byte[] before = Files.readAllBytes(keyset);
    Result r = run("keygen", "--out", keyset.toString());
    assertThat(r.code).isEqualTo(ExitCodes.IO);
    assertThat(Files.readAllBytes(keyset)).isEqualTo(before);
    assertThat(run("keygen", "--out", keyset.toString(), "--force").code).isZero();
    assertThat(Files.readAllBytes(keyset)).isNotEqualTo(before);
  }

  @Test
  void decrypt_tamperedFile_exits3AndLeavesNoOutput() throws IOException {
    Path enc = encryptFile("x.sql");
    byte[] bytes = Files.readAllBytes(enc);
    for (int at : new int[] {0, KEY_ID_OFFSET, 200, bytes.length / 2, bytes.length - 1}) {
      byte[] tampered = bytes.clone();
      tampered[at] ^= 0x40;
      Path bad = write("bad.enc", tampered);
      Path out = dir.resolve("x.restored");
      Result r = decrypt(bad, out, "--force");
      assertThat(r.code).as("byte %d", at).isEqualTo(ExitCodes.NOT_AUTHENTIC);
      assertOneLine(r);
      assertThat(out).doesNotExist();
      assertThat(leftovers()).isEmpty();
    }
  }

  @Test
  void decrypt_truncatedFile_exits3AndLeavesNoOutput() throws IOException {
    Path enc = encryptFile("x.sql");
    byte[] bytes = Files.readAllBytes(enc);
    for (int length : new int[] {0, 5, 40, 1 << 20, bytes.length - 1}) {
      Path bad = write("short.enc", Arrays.copyOf(bytes, length));
      Path out = dir.resolve("x.restored");
      Result r = decrypt(bad, out, "--force");
      assertThat(r.code).as("length %d", length).isEqualTo(ExitCodes.NOT_AUTHENTIC);
      assertThat(out).doesNotExist();
      assertThat(leftovers()).isEmpty();
    }
  }

  @Test
  void decrypt_tamperedStdin_exits3() throws IOException {
    byte[] bytes = Files.readAllBytes(encryptFile("s.sql"));
    bytes[bytes.length - 5] ^= 1;
    Result r = runWithStdin(bytes, "decrypt", "--keyset", keyset.toString(), "--in", "-",
        "--out", "-");
    assertThat(r.code).isEqualTo(ExitCodes.NOT_AUTHENTIC);
  }

  @Test
  void decrypt_otherKeyset_exits3() throws IOException {
    Path enc = encryptFile("y.sql");
    Path other = dir.resolve("other.keyset");
    assertThat(run("keygen", "--out", other.toString()).code).isZero();
    Path out = dir.resolve("y.restored");
    Result r = run("decrypt", "--keyset", other.toString(), "--in", enc.toString(), "--out",
        out.toString());
    assertThat(r.code).isEqualTo(ExitCodes.NOT_AUTHENTIC);
    assertThat(out).doesNotExist();
  }

  @Test
  void decrypt_missingInput_exits2() {
    Result r = decrypt(dir.resolve("nope.enc"), dir.resolve("out"));
    assertThat(r.code).isEqualTo(ExitCodes.IO);
    assertThat(r.err).contains("input not found");
    assertOneLine(r);
    Result noKeyset = run("encrypt", "--keyset", dir.resolve("none.keyset").toString(), "--in",
        "-", "--out", "-");
    assertThat(noKeyset.code).isEqualTo(ExitCodes.IO);
    assertThat(noKeyset.err).contains("keyset not found");
  }

  @Test
  void encrypt_missingOutputDirectory_exits2() throws IOException {
    Path in = write("z.sql", plaintext);
    Result r = run("encrypt", "--keyset", keyset.toString(), "--in", in.toString(), "--out",
        dir.resolve("no/such/dir/z.enc").toString());
    assertThat(r.code).isEqualTo(ExitCodes.IO);
    assertOneLine(r);
  }

  @Test
  void keyset_cleartextWithoutInsecureFlag_isRefused() throws IOException {
    Path clear = dir.resolve("clear.keyset");
    assertThat(run("keygen", "--out", clear.toString(), "--insecure-cleartext").code).isZero();
    Path in = write("c.sql", plaintext);
    Result refused = run("encrypt", "--keyset", clear.toString(), "--in", in.toString(),
        "--out", dir.resolve("c.enc").toString());
    assertThat(refused.code).isEqualTo(ExitCodes.KEYSET);
    assertThat(refused.err).contains("not encrypted").contains("--insecure-cleartext");
    assertThat(dir.resolve("c.enc")).doesNotExist();
    Result allowed = run("encrypt", "--keyset", clear.toString(), "--in", in.toString(),
        "--out", dir.resolve("c.enc").toString(), "--insecure-cleartext");
    assertThat(allowed.code).as(allowed.err).isZero();
    // The flag does not make an encrypted keyset readable as cleartext.
    Result mismatch = run("encrypt", "--keyset", keyset.toString(), "--in", in.toString(),
        "--out", dir.resolve("c2.enc").toString(), "--insecure-cleartext");
    assertThat(mismatch.code).isEqualTo(ExitCodes.KEYSET);
  }

  @Test
  void masterSecret_missingShortOrWrong_exits4WithoutEchoingIt() throws IOException {
    Path in = write("m.sql", plaintext);
    String[] encrypt = {"encrypt", "--keyset", keyset.toString(), "--in", in.toString(),
        "--out", dir.resolve("m.enc").toString()};
    env.clear();
    Result missing = run(encrypt);
    assertThat(missing.code).isEqualTo(ExitCodes.KEYSET);
    assertThat(missing.err).contains("BULWARK_MASTER_SECRET");
    env.put("BULWARK_MASTER_SECRET", "too-short-secret");
    Result shortOne = run(encrypt);
    assertThat(shortOne.code).isEqualTo(ExitCodes.KEYSET);
    assertThat(shortOne.err).doesNotContain("too-short-secret");
    env.put("BULWARK_MASTER_SECRET", SECRET.replace('a', 'b'));
    Result wrong = run(encrypt);
    assertThat(wrong.code).isEqualTo(ExitCodes.KEYSET);
    assertThat(wrong.err).contains("does not open with this master secret")
        .doesNotContain(SECRET.replace('a', 'b'));
    assertThat(dir.resolve("m.enc")).doesNotExist();
    env.put("BULWARK_MASTER_SECRET", "changeme");
    assertThat(run(encrypt).code).isEqualTo(ExitCodes.KEYSET);
  }

  @Test
  void masterSecret_fromFileVariable_works() throws IOException {
    Path secretFile = write("master.secret", (SECRET + "\n").getBytes(UTF_8));
    if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
      Files.setPosixFilePermissions(secretFile, PosixFilePermissions.fromString("rw-------"));
    }
    env.clear();
    env.put("BULWARK_MASTER_SECRET_FILE", secretFile.toString());
    Path enc = encryptFile("f.sql");
    Result r = decrypt(enc, dir.resolve("f.restored"));
    assertThat(r.code).as(r.err).isZero();
  }

  @Test
  void rotateThenRewrap_movesTheKeyToTheNewPrimaryAndStillDecrypts() throws IOException {
    Path old = encryptFile("old.sql");
    assertThat(run("rotate", "--keyset", keyset.toString()).code).isZero();
    if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyset)))
          .isEqualTo("rw-------");
    }
    // Old files still decrypt under the rotated keyset.
    assertThat(decrypt(old, dir.resolve("old.restored")).code).isZero();
    Path fresh = encryptFile("new.sql");
    Path rewrapped = dir.resolve("old.rewrapped.enc");
    Result r = run("rewrap", "--keyset", keyset.toString(), "--in", old.toString(), "--out",
        rewrapped.toString());
    assertThat(r.code).as(r.err).isZero();
    byte[] oldBytes = Files.readAllBytes(old);
    byte[] newBytes = Files.readAllBytes(rewrapped);
    assertThat(keyId(newBytes)).isEqualTo(keyId(Files.readAllBytes(fresh)))
        .isNotEqualTo(keyId(oldBytes));
    // The payload is copied, not re-encrypted: the files share their tail.
    int tail = plaintext.length;
    assertThat(Arrays.copyOfRange(newBytes, newBytes.length - tail, newBytes.length))
        .isEqualTo(Arrays.copyOfRange(oldBytes, oldBytes.length - tail, oldBytes.length));
    Path back = dir.resolve("rewrapped.restored");
    assertThat(decrypt(rewrapped, back).code).isZero();
    assertThat(Files.readAllBytes(back)).isEqualTo(plaintext);
  }

  @Test
  void rewrap_tamperedInput_exits3AndLeavesNoOutput() throws IOException {
    byte[] bytes = Files.readAllBytes(encryptFile("r.sql"));
    bytes[bytes.length / 2] ^= 1;
    Path bad = write("r.bad.enc", bytes);
    Path out = dir.resolve("r.rewrapped");
    Result r = run("rewrap", "--keyset", keyset.toString(), "--in", bad.toString(), "--out",
        out.toString());
    assertThat(r.code).isEqualTo(ExitCodes.NOT_AUTHENTIC);
    assertThat(out).doesNotExist();
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void rotate_cleartextKeyset_needsTheFlag() {
    Path clear = dir.resolve("clear.keyset");
    assertThat(run("keygen", "--out", clear.toString(), "--insecure-cleartext").code).isZero();
    assertThat(run("rotate", "--keyset", clear.toString()).code).isEqualTo(ExitCodes.KEYSET);
    assertThat(run("rotate", "--keyset", clear.toString(), "--insecure-cleartext").code)
        .isZero();
  }

  private static byte[] keyId(byte[] envelope) {
    return Arrays.copyOfRange(envelope, KEY_ID_OFFSET, KEY_ID_OFFSET + 4);
  }

  @Test
  void usage_errors_exit1() {
    assertThat(run().code).isEqualTo(ExitCodes.USAGE);
    assertThat(run("explode").code).isEqualTo(ExitCodes.USAGE);
    assertThat(run("--in", "x").code).isEqualTo(ExitCodes.USAGE);
    assertThat(run("encrypt", "--keyset", keyset.toString(), "--in", "-").code)
        .isEqualTo(ExitCodes.USAGE);
    assertThat(run("encrypt", "--keyset").code).isEqualTo(ExitCodes.USAGE);
    assertThat(run("encrypt", "--keyset", "a", "--keyset", "b").code)
        .isEqualTo(ExitCodes.USAGE);
    assertThat(run("keygen", "--out", "k", "--force=yes").code).isEqualTo(ExitCodes.USAGE);
    assertThat(run("keygen", "--out", "").code).isEqualTo(ExitCodes.USAGE);
    assertThat(run("keygen", "--out", "-").code).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void usage_strayValuesAreNotEchoed() {
    Result option = run("keygen", "--out", "k", "--master-secret=hunter2-hunter2");
    assertThat(option.code).isEqualTo(ExitCodes.USAGE);
    assertThat(option.err).contains("--master-secret").doesNotContain("hunter2");
    Result stray = run("keygen", "--out", "k", "hunter2-hunter2");
    assertThat(stray.code).isEqualTo(ExitCodes.USAGE);
    assertThat(stray.err).doesNotContain("hunter2");
    assertOneLine(stray);
  }

  @Test
  void help_perCommand_exits0() {
    Result global = run("--help");
    assertThat(global.code).isZero();
    assertThat(global.err).contains("exit codes");
    for (String command : new String[] {"keygen", "encrypt", "decrypt", "rotate", "rewrap",
        "list-keys", "disable-key", "enable-key", "destroy-key", "rekey"}) {
      Result r = run(command, "--help");
      assertThat(r.code).isZero();
      assertThat(r.err).startsWith("usage: bulwark-crypto " + command);
    }
  }

  @Test
  void progress_onTerminal_drawsOnStderrOnly() throws IOException {
    Path in = write("p.sql", plaintext);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new Main.Run(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(),
        new PrintStream(err, true, UTF_8), env, true).execute(new String[] {"encrypt",
            "--keyset", keyset.toString(), "--in", in.toString(), "--out",
            dir.resolve("p.enc").toString()});
    assertThat(code).isZero();
    assertThat(err.toString(UTF_8)).contains("100%").contains("\r[").endsWith("\n");
  }

  /** Fast Argon2id parameters (OWASP's 12 MiB x 3 row) for the passphrase tests. */
  private static final String[] FAST_ARGON2 = {"--argon2-memory-mib", "12",
      "--argon2-iterations", "3"};
  private static final String PASSPHRASE = "correct horse battery staple";

  private Result keygenWithPassphrase(Path out, String... extra) {
    List<String> args = new ArrayList<>(List.of("keygen", "--out", out.toString()));
    args.addAll(List.of(FAST_ARGON2));
    args.addAll(List.of(extra));
    return run(args.toArray(String[]::new));
  }

  private Result roundTrip(Path keysetFile) throws IOException {
    Path in = write("rt-" + keysetFile.getFileName(), new byte[] {1, 2, 3});
    Path enc = dir.resolve(in.getFileName() + ".enc");
    Result r = run("encrypt", "--keyset", keysetFile.toString(), "--in", in.toString(),
        "--out", enc.toString(), "--force");
    if (r.code != 0) {
      return r;
    }
    return run("decrypt", "--keyset", keysetFile.toString(), "--in", enc.toString(), "--out",
        "-");
  }

  private List<String[]> listKeys(Path keysetFile) {
    Result r = run("list-keys", "--keyset", keysetFile.toString());
    assertThat(r.code).as(r.err).isZero();
    String[] lines = new String(r.out, UTF_8).split("\n");
    assertThat(lines[0].split("\\s+")).containsExactly("id", "status", "primary");
    List<String[]> rows = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      rows.add(lines[i].trim().split("\\s+"));
    }
    return rows;
  }

  @Test
  void keygen_passphraseFromEnvironment_writesAnArgon2idKeysetThatRoundTrips()
      throws IOException {
    env.clear();
    env.put("BULWARK_PASSPHRASE", PASSPHRASE);
    Path file = dir.resolve("p.keyset");
    Result r = keygenWithPassphrase(file);
    assertThat(r.code).as(r.err).isZero();
    assertThat(Files.readAllBytes(file)).startsWith('B', 'W', 'K', 'S', 2, 2, 0, 0, 0x30, 0,
        0, 0, 0, 3); // Argon2id, 12288 KiB, 3 passes
    Result back = roundTrip(file);
    assertThat(back.code).as(back.err).isZero();
    assertThat(back.out).containsExactly(1, 2, 3);
    env.put("BULWARK_PASSPHRASE", PASSPHRASE + "!");
    Result wrong = roundTrip(file);
    assertThat(wrong.code).isEqualTo(ExitCodes.KEYSET);
    assertThat(wrong.err).contains("does not open with this passphrase");
    assertOneLine(wrong);
  }

  @Test
  void keygen_passphraseTypedTwice_isUsedAndAMismatchIsRefused() throws IOException {
    env.clear();
    answers.addAll(List.of(PASSPHRASE, PASSPHRASE));
    Path file = dir.resolve("typed.keyset");
    Result r = keygenWithPassphrase(file);
    assertThat(r.code).as(r.err).isZero();
    assertThat(prompts).hasSize(2);
    assertThat(prompts.get(0)).startsWith("Keyset passphrase");
    answers.addAll(List.of(PASSPHRASE, PASSPHRASE));
    Result back = roundTrip(file); // encrypt asks once, decrypt once
    assertThat(back.code).as(back.err).isZero();

    answers.clear();
    answers.addAll(List.of(PASSPHRASE, PASSPHRASE + "x"));
    Result mismatch = keygenWithPassphrase(dir.resolve("other.keyset"));
    assertThat(mismatch.code).isEqualTo(ExitCodes.KEYSET);
    assertThat(mismatch.err).contains("differ").doesNotContain(PASSPHRASE);
    assertThat(dir.resolve("other.keyset")).doesNotExist();
  }

  @Test
  void keygen_shortPassphraseWeakParametersOrBothSecrets_areRefused() {
    env.clear();
    env.put("BULWARK_PASSPHRASE", "too short");
    Result shortOne = keygenWithPassphrase(dir.resolve("a.keyset"));
    assertThat(shortOne.code).isEqualTo(ExitCodes.KEYSET);
    assertThat(shortOne.err).contains("at least 12 bytes").doesNotContain("too short");
    env.put("BULWARK_PASSPHRASE", PASSPHRASE);
    Result weak = run("keygen", "--out", dir.resolve("b.keyset").toString(),
        "--argon2-memory-mib", "8", "--argon2-iterations", "1");
    assertThat(weak.code).isEqualTo(ExitCodes.KEYSET);
    assertThat(weak.err).contains("OWASP");
    Result huge = run("keygen", "--out", dir.resolve("c.keyset").toString(),
        "--argon2-memory-mib", "1024");
    assertThat(huge.code).isEqualTo(ExitCodes.KEYSET);
    assertThat(huge.err).contains("outside");
    Result notANumber = run("keygen", "--out", dir.resolve("d.keyset").toString(),
        "--argon2-iterations", "many");
    assertThat(notANumber.code).isEqualTo(ExitCodes.USAGE);
    env.put("BULWARK_MASTER_SECRET", SECRET);
    Result both = run("keygen", "--out", dir.resolve("e.keyset").toString());
    assertThat(both.code).isEqualTo(ExitCodes.KEYSET);
    assertThat(both.err).contains("set only the one");
    assertThat(dir.toFile().list((d, name) -> name.endsWith(".keyset") && !name.equals(
        "backup.keyset"))).isEmpty();
  }

  @Test
  void keygen_existingKeysetOrMissingDirectory_isRefusedBeforeThePrompt() {
    env.clear();
    answers.addAll(List.of(PASSPHRASE, PASSPHRASE));
    Result exists = keygenWithPassphrase(keyset);
    assertThat(exists.code).isEqualTo(ExitCodes.IO);
    assertThat(exists.err).contains("output exists");
    Result noDir = keygenWithPassphrase(dir.resolve("missing/k.keyset"));
    assertThat(noDir.code).isEqualTo(ExitCodes.IO);
    assertThat(noDir.err).contains("output directory does not exist");
    assertThat(prompts).isEmpty();
  }

  @Test
  void keygen_noSecretAndNoTerminal_exits4NamingBothVariables() {
    env.clear();
    Result r = run("keygen", "--out", dir.resolve("n.keyset").toString());
    assertThat(r.code).isEqualTo(ExitCodes.KEYSET);
    assertThat(r.err).contains("BULWARK_MASTER_SECRET").contains("BULWARK_PASSPHRASE");
    assertOneLine(r);
  }

  @Test
  void listKeys_showsIdsStatusAndPrimaryButNoKeyMaterial() throws IOException {
    assertThat(run("rotate", "--keyset", keyset.toString()).code).isZero();
    Result r = run("list-keys", "--keyset", keyset.toString());
    assertThat(r.code).as(r.err).isZero();
    List<String[]> rows = listKeys(keyset);
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0)).hasSize(2).contains("enabled");
    assertThat(rows.get(1)).hasSize(3).endsWith("yes");
    // Only the table: ids, words and spaces, nothing base64-like.
    assertThat(new String(r.out, UTF_8)).matches("(?s)[a-z0-9 \\n]+");
  }

  @Test
  void retire_disableEnableDestroy_endToEnd() throws IOException {
    Path old = encryptFile("old.sql");
    assertThat(run("rotate", "--keyset", keyset.toString()).code).isZero();
    List<String[]> rows = listKeys(keyset);
    String oldId = rows.get(0)[0];
    String primaryId = rows.get(1)[0];

    Result primary = run("disable-key", "--keyset", keyset.toString(), "--id", primaryId);
    assertThat(primary.code).isEqualTo(ExitCodes.USAGE);
    assertThat(primary.err).contains("is the primary");
    assertOneLine(primary);
    Result unknown = run("disable-key", "--keyset", keyset.toString(), "--id", "12345");
    assertThat(unknown.code).isEqualTo(ExitCodes.USAGE);
    assertThat(unknown.err).contains("has no key 12345");
    Result badId = run("disable-key", "--keyset", keyset.toString(), "--id", "-1");
    assertThat(badId.code).isEqualTo(ExitCodes.USAGE);
    Result enabled = run("destroy-key", "--keyset", keyset.toString(), "--id", oldId);
    assertThat(enabled.code).isEqualTo(ExitCodes.USAGE);
    assertThat(enabled.err).contains("disable it first");

    assertThat(run("disable-key", "--keyset", keyset.toString(), "--id", oldId).code).isZero();
    assertThat(listKeys(keyset).get(0)).contains("disabled");
    assertThat(decrypt(old, dir.resolve("r1")).code).isEqualTo(ExitCodes.NOT_AUTHENTIC);
    assertThat(run("enable-key", "--keyset", keyset.toString(), "--id", oldId).code).isZero();
    assertThat(decrypt(old, dir.resolve("r2")).code).isZero();

    assertThat(run("disable-key", "--keyset", keyset.toString(), "--id", oldId).code).isZero();
    Result destroyed = run("destroy-key", "--keyset", keyset.toString(), "--id", oldId);
    assertThat(destroyed.code).as(destroyed.err).isZero();
    assertThat(destroyed.err).contains("destroyed key " + oldId)
        .contains("can no longer be decrypted");
    assertThat(listKeys(keyset)).hasSize(1);
    assertThat(decrypt(old, dir.resolve("r3")).code).isEqualTo(ExitCodes.NOT_AUTHENTIC);
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void rekey_masterSecretToPassphrase_keepsEveryBackupReadable() throws IOException {
    Path old = encryptFile("before-rekey.sql");
    List<String[]> keysBefore = listKeys(keyset);
    env.put("BULWARK_NEW_PASSPHRASE", PASSPHRASE);
    Result r = run("rekey", "--keyset", keyset.toString(), FAST_ARGON2[0], FAST_ARGON2[1],
        FAST_ARGON2[2], FAST_ARGON2[3]);
    assertThat(r.code).as(r.err).isZero();

    Result stale = decrypt(old, dir.resolve("x1"));
    assertThat(stale.code).isEqualTo(ExitCodes.KEYSET);
    assertThat(stale.err).contains("BULWARK_PASSPHRASE");
    env.clear();
    env.put("BULWARK_PASSPHRASE", PASSPHRASE);
    assertThat(decrypt(old, dir.resolve("x2")).code).isZero();
    assertThat(Files.readAllBytes(dir.resolve("x2"))).isEqualTo(plaintext);
    assertThat(listKeys(keyset)).usingRecursiveFieldByFieldElementComparator()
        .isEqualTo(keysBefore);

    // And back to a master secret, typed nowhere: from the environment.
    env.put("BULWARK_NEW_MASTER_SECRET", SECRET);
    assertThat(run("rekey", "--keyset", keyset.toString()).code).isZero();
    env.clear();
    env.put("BULWARK_MASTER_SECRET", SECRET);
    assertThat(decrypt(old, dir.resolve("x3")).code).isZero();
  }

  @Test
  void rekey_wrongCurrentSecretOrNoNewOne_exits4AndLeavesTheKeysetAlone() throws IOException {
    byte[] before = Files.readAllBytes(keyset);
    Result none = run("rekey", "--keyset", keyset.toString());
    assertThat(none.code).isEqualTo(ExitCodes.KEYSET);
    assertThat(none.err).contains("BULWARK_NEW_MASTER_SECRET");
    env.put("BULWARK_MASTER_SECRET", SECRET.replace('a', 'b'));
    env.put("BULWARK_NEW_PASSPHRASE", PASSPHRASE);
    Result wrong = run("rekey", "--keyset", keyset.toString());
    assertThat(wrong.code).isEqualTo(ExitCodes.KEYSET);
    assertThat(wrong.err).contains("does not open with this master secret");
    assertThat(Files.readAllBytes(keyset)).isEqualTo(before);
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void keyset_hostileHeader_exits4BeforeAskingForASecret() throws IOException {
    Path hostile = write("hostile.keyset", new byte[] {'B', 'W', 'K', 'S', 2, 2,
        (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0, 0, 0, 1, 1, 16});
    env.clear();
    answers.add(PASSPHRASE);
    Result r = run("list-keys", "--keyset", hostile.toString());
    assertThat(r.code).isEqualTo(ExitCodes.KEYSET);
    assertThat(r.err).contains("memory 4294967295 KiB is outside");
    assertOneLine(r);
    assertThat(prompts).isEmpty();
  }
}
