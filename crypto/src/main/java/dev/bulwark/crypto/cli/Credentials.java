package dev.bulwark.crypto.cli;

import dev.bulwark.crypto.envelope.KeysetProtection;
import dev.bulwark.secrets.Secret;
import dev.bulwark.secrets.Secrets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where the tool gets the secret a keyset is encrypted under. A master secret (key material)
 * comes from {@code BULWARK_MASTER_SECRET} or {@code BULWARK_MASTER_SECRET_FILE}; a passphrase
 * from {@code BULWARK_PASSPHRASE} or {@code BULWARK_PASSPHRASE_FILE}, or is typed at a prompt on
 * a terminal. {@code rekey} takes the new one from the same names with {@code NEW_} after
 * {@code BULWARK_}, or from the prompt. Which kind opens a keyset is read from its header.
 */
final class Credentials {

  static final String MASTER_SECRET = "bulwark.master.secret";
  static final String PASSPHRASE = "bulwark.passphrase";
  static final String NEW_MASTER_SECRET = "bulwark.new.master.secret";
  static final String NEW_PASSPHRASE = "bulwark.new.passphrase";

  /** Reads a line without echo, or returns {@code null} when there is no terminal. */
  interface Prompt {
    char @Nullable [] read(String prompt);
  }

  private final Secrets secrets;
  private final Prompt prompt;

  Credentials(Map<String, String> env, Prompt prompt) {
    this.secrets = Secrets.builder().environment(env).refusePlaceholders().build();
    this.prompt = prompt;
  }

  /** The secret that opens a keyset whose header asks for {@code kind}. */
  Secret toOpen(KeysetProtection.Kind kind) throws CliException {
    if (kind == KeysetProtection.Kind.MASTER_SECRET) {
      Optional<Secret> found = secrets.find(MASTER_SECRET);
      if (found.isPresent()) {
        return found.get();
      }
      return typed("Master secret: ").orElseThrow(() -> new CliException(ExitCodes.KEYSET,
          "no master secret: set BULWARK_MASTER_SECRET or BULWARK_MASTER_SECRET_FILE (the "
              + "keyset is encrypted under a master secret), or run on a terminal to type it"));
    }
    Optional<Secret> found = secrets.find(PASSPHRASE);
    if (found.isPresent()) {
      return found.get();
    }
    return typed("Keyset passphrase: ").orElseThrow(() -> new CliException(ExitCodes.KEYSET,
        "no passphrase: set BULWARK_PASSPHRASE or BULWARK_PASSPHRASE_FILE (the keyset is "
            + "encrypted under a passphrase), or run on a terminal to type it"));
  }

  /**
   * What a new keyset ({@code keygen}) or a re-keyed one ({@code rekey}) is encrypted under:
   * a master secret if one is set, else a passphrase (set, or typed twice).
   */
  KeysetProtection forNew(boolean rekey, Argon2Options argon2) throws CliException {
    String masterName = rekey ? NEW_MASTER_SECRET : MASTER_SECRET;
    String passphraseName = rekey ? NEW_PASSPHRASE : PASSPHRASE;
    String prefix = rekey ? "BULWARK_NEW_" : "BULWARK_";
    Optional<Secret> master = secrets.find(masterName);
    Optional<Secret> passphrase = secrets.find(passphraseName);
    try {
      if (master.isPresent() && passphrase.isPresent()) {
        throw new CliException(ExitCodes.KEYSET, "both " + prefix + "MASTER_SECRET and "
            + prefix + "PASSPHRASE are set; set only the one the keyset is to be encrypted "
            + "under");
      }
      if (master.isPresent()) {
        if (argon2.given()) {
          throw Args.usage("--argon2-* options apply to passphrases, not to a master secret");
        }
        return KeysetProtection.masterSecret(master.get());
      }
      Secret chosen = passphrase.isPresent() ? passphrase.get() : typedTwice(rekey, prefix);
      return argon2.protect(chosen);
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitCodes.KEYSET, e.getMessage()); // names a length or parameter
    }
  }

  private Secret typedTwice(boolean rekey, String prefix) throws CliException {
    String what = rekey ? "New keyset passphrase" : "Keyset passphrase";
    Optional<Secret> first = typed(what + " (at least " + KeysetProtection.MIN_PASSPHRASE_BYTES
        + " characters): ");
    if (first.isEmpty()) {
      throw new CliException(ExitCodes.KEYSET, "no " + (rekey ? "new " : "") + "secret: set "
          + prefix + "MASTER_SECRET (random key material, e.g. openssl rand -base64 48) or "
          + prefix + "PASSPHRASE (or their _FILE variants), or run on a terminal to type a "
          + "passphrase");
    }
    Optional<Secret> again = typed(what + " again: ");
    if (again.isEmpty() || !first.get().equals(again.get())) {
      first.get().destroy();
      again.ifPresent(Secret::destroy);
      throw new CliException(ExitCodes.KEYSET, "the two passphrases differ");
    }
    again.get().destroy();
    return first.get();
  }

  private Optional<Secret> typed(String text) {
    char[] chars = prompt.read(text);
    if (chars == null || chars.length == 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(Secret.ofChars(chars));
    } finally {
      Arrays.fill(chars, '\0');
    }
  }

  /** The {@code --argon2-memory-mib} and {@code --argon2-iterations} options. */
  static final class Argon2Options {
    private final @Nullable String memoryMiB;
    private final @Nullable String iterations;

    Argon2Options(Args args) {
      this.memoryMiB = args.value("--argon2-memory-mib");
      this.iterations = args.value("--argon2-iterations");
    }

    boolean given() {
      return memoryMiB != null || iterations != null;
    }

    KeysetProtection protect(Secret passphrase) throws CliException {
      int memoryKiB = memoryMiB == null ? KeysetProtection.DEFAULT_MEMORY_KIB
          : number("--argon2-memory-mib", memoryMiB, 4096) * 1024;
      int passes = iterations == null ? KeysetProtection.DEFAULT_ITERATIONS
          : number("--argon2-iterations", iterations, 1000);
      return KeysetProtection.passphrase(passphrase, memoryKiB, passes,
          KeysetProtection.DEFAULT_PARALLELISM);
    }

    private static int number(String option, String text, int max) throws CliException {
      try {
        int value = Integer.parseInt(text);
        if (value >= 1 && value <= max) {
          return value;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw Args.usage(option + " must be a whole number from 1 to " + max);
    }
  }
}
