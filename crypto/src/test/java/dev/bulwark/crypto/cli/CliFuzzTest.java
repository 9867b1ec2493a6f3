package dev.bulwark.crypto.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bulwark.crypto.envelope.FuzzInputs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fuzzes what the CLI parses: its command line, the streaming envelope it reads from stdin
 * (header, wrapped-key length and key, Tink stream) for {@code decrypt} and {@code rewrap}, and
 * keyset files. Contract: the command line parses or is a usage error (exit 1); any input to
 * {@code decrypt}/{@code rewrap} exits 0 (with the right plaintext) or 3; any keyset file exits
 * 0 or 4; never 5 (an internal error) and never an exception. Seeds are replayed from
 * {@code src/test/resources/dev/bulwark/crypto/cli/CliFuzzTestInputs}; run with
 * {@code JAZZER_FUZZ=1} to search for new inputs.
 */
class CliFuzzTest {

  private static final byte[] PLAINTEXT = "pg_dump output".getBytes(UTF_8);
  private static final Path DIR = tempDir();
  private static final Path KEYSET = DIR.resolve("fuzz.keyset");
  private static final Map<String, String> ENV = Map.of();
  private static final byte[] VALID = setUp();

  private static Path tempDir() {
    try {
      Path dir = Files.createTempDirectory("bulwark-cli-fuzz");
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] setUp() {
    Result keygen = run(new byte[0], "keygen", "--out", KEYSET.toString(),
        "--insecure-cleartext");
    KEYSET.toFile().deleteOnExit();
    Result enc = run(PLAINTEXT, "encrypt", "--keyset", KEYSET.toString(), "--in", "-",
        "--out", "-", "--insecure-cleartext");
    if (keygen.code != 0 || enc.code != 0) {
      throw new IllegalStateException("fuzz set-up failed: " + keygen.err + enc.err);
    }
    return enc.out;
  }

  record Result(int code, byte[] out, String err) {
  }

  private static Result run(byte[] stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new Main.Run(new ByteArrayInputStream(stdin), out,
        new PrintStream(err, true, UTF_8), ENV, false).execute(args);
    return new Result(code, out.toByteArray(), err.toString(UTF_8));
  }

  @FuzzTest
  void commandLine_anyArguments_parsesOrIsAUsageError(FuzzedDataProvider data) {
    List<String> args = new ArrayList<>();
    int count = data.consumeInt(0, 8);
    for (int i = 0; i < count; i++) {
      args.add(data.consumeBoolean()
          ? data.pickValue(new String[] {"--in", "--out", "--keyset", "--force", "--context",
              "--associated-data", "--insecure-cleartext", "-", "--in=", "--force=x"})
          : data.consumeString(40));
    }
    try {
      Args parsed = Args.parse(args, Set.of("--keyset", "--in", "--out", "--associated-data"),
          Set.of("--force", "--insecure-cleartext"), Map.of("--context", "--associated-data"));
      assertThat(parsed).isNotNull();
    } catch (CliException e) {
      assertThat(e.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(e.getMessage()).doesNotContainPattern("[\\x00-\\x1f]");
    }
  }

  @FuzzTest
  void decryptAndRewrap_anyStdin_exitOkOrNotAuthentic(FuzzedDataProvider data) {
    byte[] input = FuzzInputs.mutatedOrRaw(data, VALID);
    for (String command : new String[] {"decrypt", "rewrap"}) {
      Result r = run(input, command, "--keyset", KEYSET.toString(), "--in", "-", "--out", "-",
          "--insecure-cleartext");
      assertThat(r.code).as(r.err).isIn(ExitCodes.OK, ExitCodes.NOT_AUTHENTIC);
      if (r.code == ExitCodes.OK && command.equals("decrypt")) {
        assertThat(r.out).isEqualTo(PLAINTEXT);
      } else if (r.code != ExitCodes.OK) {
        assertThat(r.err.strip()).doesNotContain("\n");
      }
    }
  }

  @FuzzTest
  void keyset_anyFileContent_exitsOkOrKeysetError(FuzzedDataProvider data) throws IOException {
    boolean cleartext = data.consumeBoolean();
    Path keyset = Files.createTempFile(DIR, "k", ".keyset");
    try {
      Files.write(keyset, data.consumeRemainingAsBytes());
      List<String> args = new ArrayList<>(List.of("encrypt", "--keyset", keyset.toString(),
          "--in", "-", "--out", "-"));
      if (cleartext) {
        args.add("--insecure-cleartext");
      }
      Result r = run(PLAINTEXT, args.toArray(String[]::new));
      // Without the flag there is no master secret in ENV: a non-cleartext file must stop at 4.
      assertThat(r.code).as(r.err).isIn(ExitCodes.OK, ExitCodes.KEYSET);
    } finally {
      Files.deleteIfExists(keyset);
    }
  }
}
