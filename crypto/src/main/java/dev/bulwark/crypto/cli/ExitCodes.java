package dev.bulwark.crypto.cli;

/** The documented exit codes (docs/backups.md). */
final class ExitCodes {

  /** Done. */
  static final int OK = 0;
  /** Unknown command or option, missing or repeated option. */
  static final int USAGE = 1;
  /** Input missing or unreadable, output exists (without {@code --force}) or not writable. */
  static final int IO = 2;
  /** The input does not authenticate: wrong keyset, wrong associated data, tampered or truncated. */
  static final int NOT_AUTHENTIC = 3;
  /** The keyset cannot be used: no or short master secret, wrong master secret, not a keyset. */
  static final int KEYSET = 4;

  private ExitCodes() {
  }
}
