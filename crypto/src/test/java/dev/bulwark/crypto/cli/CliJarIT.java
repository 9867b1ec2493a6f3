package dev.bulwark.crypto.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Smoke test of the shaded jar as a real process: pipes, exit codes, nothing on stdout but data. */
class CliJarIT {

  private static final String SECRET = "jar-smoke-test-master-secret-0123456789abcdef";

  @TempDir Path dir;

  record Result(int code, byte[] out, String err) {
  }

  private static Result java(byte[] stdin, String... args) throws Exception {
    return java(Map.of("BULWARK_MASTER_SECRET", SECRET), stdin, args);
  }

  private static Result java(Map<String, String> env, byte[] stdin, String... args)
      throws Exception {
    String jar = System.getProperty("bulwark.cli.jar");
    // Failsafe sets it, after package has built the jar (see crypto/pom.xml).
    assumeTrue(jar != null, "bulwark.cli.jar is not set: run through mvn verify");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("BULWARK_MASTER_SECRET");
    builder.environment().remove("BULWARK_PASSPHRASE");
    builder.environment().putAll(env);
    Process process = builder.start();
    CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process, true));
    CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process, false));
    try (OutputStream in = process.getOutputStream()) {
      in.write(stdin);
    } catch (IOException e) {
      // the tool may exit before reading stdin (usage errors)
    }
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), out.get(), new String(err.get(), UTF_8));
  }

  private static byte[] readAll(Process process, boolean stdout) {
    try {
      return (stdout ? process.getInputStream() : process.getErrorStream()).readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void jar_pipesRoundTripAndReportsExitCodes() throws Exception {
    Path keyset = dir.resolve("k.keyset");
    assertThat(java(new byte[0], "keygen", "--out", keyset.toString()).code).isZero();
    byte[] dump = new byte[2_500_000];
    new Random(1).nextBytes(dump);
    Result enc = java(dump, "encrypt", "--keyset", keyset.toString(), "--in", "-", "--out", "-");
    assertThat(enc.code).as(enc.err).isZero();
    Result dec = java(enc.out, "decrypt", "--keyset", keyset.toString(), "--in", "-", "--out",
        "-");
    assertThat(dec.code).as(dec.err).isZero();
    assertThat(dec.out).isEqualTo(dump);

    byte[] tampered = enc.out.clone();
    tampered[tampered.length / 2] ^= 1;
    Path bad = dir.resolve("bad.enc");
    Files.write(bad, tampered);
    Result rejected = java(new byte[0], "decrypt", "--keyset", keyset.toString(), "--in",
        bad.toString(), "--out", dir.resolve("restored").toString());
    assertThat(rejected.code).isEqualTo(3);
    assertThat(rejected.err.strip()).startsWith("bulwark-crypto: ").doesNotContain("\n");
    assertThat(dir.resolve("restored")).doesNotExist();
    assertThat(java(new byte[0], "decrypt", "--keyset", keyset.toString(), "--in",
        dir.resolve("missing").toString(), "--out", "-").code).isEqualTo(2);
    assertThat(java(new byte[0], "frobnicate").code).isEqualTo(1);
  }

  @Test
  void jar_passphraseKeysetWorksAndConcurrentRotationsAllApply() throws Exception {
    // Argon2id comes from the Bouncy Castle classes bundled into the jar.
    Map<String, String> env = Map.of("BULWARK_PASSPHRASE", "jar smoke test passphrase");
    Path keyset = dir.resolve("p.keyset");
    Result keygen = java(env, new byte[0], "keygen", "--out", keyset.toString(),
        "--argon2-memory-mib", "12", "--argon2-iterations", "3");
    assertThat(keygen.code).as(keygen.err).isZero();
    byte[] data = "nightly dump".getBytes(UTF_8);
    Result enc = java(env, data, "encrypt", "--keyset", keyset.toString(), "--in", "-",
        "--out", "-");
    assertThat(enc.code).as(enc.err).isZero();

    // Three processes rotate at once: the file lock orders them, none is lost.
    List<CompletableFuture<Result>> rotations = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      rotations.add(CompletableFuture.supplyAsync(() -> {
        try {
          return java(env, new byte[0], "rotate", "--keyset", keyset.toString());
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }));
    }
    for (CompletableFuture<Result> rotation : rotations) {
      Result r = rotation.get(120, TimeUnit.SECONDS);
      assertThat(r.code).as(r.err).isZero();
    }
    Result list = java(env, new byte[0], "list-keys", "--keyset", keyset.toString());
    assertThat(list.code).as(list.err).isZero();
    assertThat(new String(list.out, UTF_8).strip().split("\n")).hasSize(1 + 4);
    Result dec = java(env, enc.out, "decrypt", "--keyset", keyset.toString(), "--in", "-",
        "--out", "-");
    assertThat(dec.code).as(dec.err).isZero();
    assertThat(dec.out).isEqualTo(data);
  }
}
