package dev.bulwark.crypto.cli;

import dev.bulwark.crypto.envelope.EnvelopeEncryptor;
import dev.bulwark.crypto.envelope.LocalKeyset;
import dev.bulwark.secrets.SecretsException;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The backup tool: {@code keygen}, {@code encrypt}, {@code decrypt}, {@code rotate},
 * {@code rewrap}, and the keyset commands {@code list-keys}, {@code disable-key},
 * {@code enable-key}, {@code destroy-key} and {@code rekey}. Run
 * {@code java -jar bulwark-crypto-VERSION-cli.jar --help}; the guide with the exit codes is
 * {@code docs/backups.md}.
 *
 * <p>Files are encrypted with the streaming envelope of {@link EnvelopeEncryptor} (constant
 * memory, 64 KiB authenticated segments), under a keyset file that is itself encrypted under a
 * master secret ({@code BULWARK_MASTER_SECRET} or {@code BULWARK_MASTER_SECRET_FILE}) or a
 * passphrase ({@code BULWARK_PASSPHRASE}, {@code _FILE}, or typed on a terminal; Argon2id), see
 * {@link Credentials}. Outputs appear whole or not at all and are never replaced without
 * {@code --force}. Errors are one line on stderr, with no stack trace and no secret.
 */
public final class Main {

  private static final String STDIO = "-";

  private static final Set<String> FILE_OPTIONS =
      Set.of("--keyset", "--in", "--out", "--associated-data");
  private static final Set<String> FILE_FLAGS = Set.of("--force", "--insecure-cleartext");
  private static final Map<String, String> ALIASES = Map.of("--context", "--associated-data");
  private static final Set<String> KEYGEN_OPTIONS =
      Set.of("--out", "--argon2-memory-mib", "--argon2-iterations");
  private static final Set<String> REKEY_OPTIONS =
      Set.of("--keyset", "--argon2-memory-mib", "--argon2-iterations");

  private Main() {
  }

  /**
   * Runs the tool and exits with its exit code.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    int code = run(args, System.in, System.out, System.err, System.getenv());
    System.out.flush();
    System.exit(code);
  }

  /** Runs one command in-process; returns the exit code. {@code out} is not closed. */
  static int run(String[] args, InputStream in, OutputStream out, PrintStream err,
      Map<String, String> env) {
    Console console = System.console();
    return new Main.Run(in, out, err, env, console != null).execute(args);
  }

  /** One invocation; {@code terminal} turns on the progress bar and the secret prompt. */
  static final class Run {
    private final InputStream in;
    private final OutputStream out;
    private final PrintStream err;
    private final boolean terminal;
    private final Credentials credentials;

    Run(InputStream in, OutputStream out, PrintStream err, Map<String, String> env,
        boolean terminal) {
      this(in, out, err, env, terminal, text -> {
        Console console = terminal ? System.console() : null;
        return console == null ? null : console.readPassword("%s", text);
      });
    }

    /** With a prompt of the caller's, e.g. a test's answers. */
    Run(InputStream in, OutputStream out, PrintStream err, Map<String, String> env,
        boolean terminal, Credentials.Prompt prompt) {
      this.in = in;
      this.out = out;
      this.err = err;
      this.terminal = terminal;
      this.credentials = new Credentials(Map.copyOf(env), prompt);
    }

    int execute(String[] args) {
      try {
        return dispatch(List.of(args));
      } catch (CliException e) {
        err.println("bulwark-crypto: " + e.getMessage());
        return e.exitCode();
      } catch (NoSuchFileException e) {
        err.println("bulwark-crypto: file not found: " + e.getFile());
        return ExitCodes.IO;
      } catch (AccessDeniedException e) {
        err.println("bulwark-crypto: permission denied: " + e.getFile());
        return ExitCodes.IO;
      } catch (IOException e) {
        err.println("bulwark-crypto: I/O error: " + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + Args.printable(e.getMessage())));
        return ExitCodes.IO;
      } catch (GeneralSecurityException e) {
        err.println("bulwark-crypto: the input does not decrypt with this keyset and "
            + "associated data (wrong keyset or --associated-data, or the file is damaged or "
            + "tampered with)");
        return ExitCodes.NOT_AUTHENTIC;
      } catch (SecretsException e) {
        err.println("bulwark-crypto: " + e.getMessage());
        return ExitCodes.KEYSET;
      } catch (RuntimeException e) {
        err.println("bulwark-crypto: internal error (" + e.getClass().getName() + ")");
        return 5;
      }
    }

    private int dispatch(List<String> args)
        throws CliException, IOException, GeneralSecurityException {
      if (args.isEmpty()) {
        err.println(Help.USAGE);
        return ExitCodes.USAGE;
      }
      String command = args.get(0);
      List<String> rest = args.subList(1, args.size());
      if (command.equals("--help") || command.equals("-h") || command.equals("help")) {
        err.println(Help.USAGE);
        return ExitCodes.OK;
      }
      String help = Help.COMMANDS.get(command);
      if (help == null) {
        throw Args.usage(command.startsWith("-") ? "expected a command before options"
            : "unknown command " + Args.printable(command));
      }
      if (rest.contains("--help") || rest.contains("-h")) {
        err.println(help);
        return ExitCodes.OK;
      }
      switch (command) {
        case "keygen": {
          Args a = Args.parse(rest, KEYGEN_OPTIONS, FILE_FLAGS, Map.of());
          if (a.require("--out").equals(STDIO)) {
            throw Args.usage("keygen writes a keyset file; --out - is not allowed");
          }
          Keysets.generate(path(a.require("--out")), a.flag("--force"),
              a.flag("--insecure-cleartext"), credentials, new Credentials.Argon2Options(a));
          return ExitCodes.OK;
        }
        case "rotate": {
          Args a = Args.parse(rest, Set.of("--keyset"), Set.of("--insecure-cleartext"),
              Map.of());
          Keysets.rotate(path(a.require("--keyset")), a.flag("--insecure-cleartext"),
              credentials);
          return ExitCodes.OK;
        }
        case "list-keys":
          return listKeys(Args.parse(rest, Set.of("--keyset"), Set.of(), Map.of()));
        case "disable-key":
        case "enable-key":
        case "destroy-key": {
          Args a = Args.parse(rest, Set.of("--keyset", "--id"), Set.of(), Map.of());
          String action = command.substring(0, command.indexOf('-'));
          int id = keyId(a.require("--id"));
          Keysets.changeKey(path(a.require("--keyset")), credentials, action, id);
          if (action.equals("destroy")) {
            err.println("bulwark-crypto: destroyed key " + Integer.toUnsignedString(id)
                + "; data whose key it wrapped can no longer be decrypted");
          }
          return ExitCodes.OK;
        }
        case "rekey": {
          Args a = Args.parse(rest, REKEY_OPTIONS, Set.of(), Map.of());
          Keysets.rekey(path(a.require("--keyset")), credentials,
              new Credentials.Argon2Options(a));
          return ExitCodes.OK;
        }
        default:
          return stream(command, Args.parse(rest, FILE_OPTIONS, FILE_FLAGS, ALIASES));
      }
    }

    private int listKeys(Args a) throws CliException, IOException {
      List<LocalKeyset.KeyInfo> keys = Keysets.keys(path(a.require("--keyset")), credentials);
      StringBuilder table = new StringBuilder(String.format("%-10s  %-8s  %s%n", "id",
          "status", "primary"));
      for (LocalKeyset.KeyInfo key : keys) {
        table.append(String.format("%-10s  %-8s  %s%n", Integer.toUnsignedString(key.id()),
            key.enabled() ? "enabled" : "disabled", key.primary() ? "yes" : ""));
      }
      out.write(table.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      return ExitCodes.OK;
    }

    private static int keyId(String text) throws CliException {
      try {
        return Integer.parseUnsignedInt(text);
      } catch (NumberFormatException e) {
        throw Args.usage("--id must be a key id as list-keys prints it");
      }
    }

    /** encrypt, decrypt and rewrap: input to output through the keyset's envelope. */
    private int stream(String command, Args a)
        throws CliException, IOException, GeneralSecurityException {
      Path keyset = path(a.require("--keyset"));
      String input = a.require("--in");
      String output = a.require("--out");
      boolean force = a.flag("--force");
      String context = a.value("--associated-data");
      byte[] associatedData = context == null ? new byte[0]
          : context.getBytes(StandardCharsets.UTF_8);
      Path inPath = input.equals(STDIO) ? null : path(input);
      Path outPath = output.equals(STDIO) ? null : path(output);
      if (inPath != null && !Files.isRegularFile(inPath)) {
        throw new CliException(ExitCodes.IO, (Files.exists(inPath) ? "input is not a file: "
            : "input not found: ") + inPath);
      }
      if (outPath != null) {
        AtomicOutput.refuseExisting(outPath, force); // before asking for the master secret
      }
      EnvelopeEncryptor envelope = Keysets.open(keyset, a.flag("--insecure-cleartext"),
          credentials);
      try (InputStream source = inPath == null ? new NonClosingInput(in)
          : Files.newInputStream(inPath)) {
        Progress progress = terminal && inPath != null && Files.size(inPath) > 0
            ? new Progress(source, err, Files.size(inPath)) : null;
        InputStream from = progress == null ? source : progress;
        try {
          if (outPath == null) {
            apply(envelope, command, from, out, associatedData);
            out.flush();
          } else {
            try (AtomicOutput target = AtomicOutput.open(outPath, force)) {
              apply(envelope, command, from, target.stream(), associatedData);
              target.commit();
            }
          }
        } finally {
          if (progress != null) {
            progress.finish(); // ends the bar's line, so an error starts on a line of its own
          }
        }
      }
      return ExitCodes.OK;
    }

    private static void apply(EnvelopeEncryptor envelope, String command, InputStream from,
        OutputStream to, byte[] associatedData) throws IOException, GeneralSecurityException {
      switch (command) {
        case "encrypt":
          envelope.encrypt(from, to, associatedData);
          break;
        case "decrypt":
          envelope.decrypt(from, to, associatedData);
          break;
        default:
          envelope.rewrap(from, to, associatedData);
          break;
      }
    }

    private static Path path(String name) throws CliException {
      try {
        return Path.of(name);
      } catch (InvalidPathException e) {
        throw Args.usage("not a valid path: " + Args.printable(name));
      }
    }
  }

  /** Stdin belongs to the caller (and to the JVM): never close it. */
  private static final class NonClosingInput extends java.io.FilterInputStream {
    NonClosingInput(InputStream in) {
      super(in);
    }

    @Override
    public void close() {
      // not ours
    }
  }
}
