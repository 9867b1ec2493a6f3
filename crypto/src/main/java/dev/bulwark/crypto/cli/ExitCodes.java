package dev.bulwark.crypto.cli;

/** The documented exit codes (docs/backups.md). */
final class ExitCodes {

  /** Done. */
  static final int OK = 0;
  /**
   * Unknown command or option, missing or repeated option; a key command asked to touch the
   * primary, an unknown key or (destroy) an enabled one.
   */
  static final int USAGE = 1;
  /** Input missing or unreadable, output exists (without {@code --force}) or not writable. */
  static final int IO = 2;
  /** The input does not authenticate: wrong keyset, wrong associated data, tampered or truncated. */
  static final int NOT_AUTHENTIC = 3;
  /**
   * The keyset cannot be used: no, short or wrong master secret or passphrase, not a keyset or
   * a damaged header.
   */
  static final int KEYSET = 4;

  private ExitCodes() {
  }
}
