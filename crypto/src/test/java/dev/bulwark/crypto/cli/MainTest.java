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
import java.util.Arrays;
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
        new PrintStream(err, true, UTF_8), env, false).execute(args);
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
    for (String command : new String[] {"keygen", "encrypt", "decrypt", "rotate", "rewrap"}) {
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
}
