package dev.bulwark.crypto.cli;

/**
 * A failure the tool reports as one line and an exit code. The message names the setting, file
 * or option at fault and never a secret or key byte.
 */
final class CliException extends Exception {

  private static final long serialVersionUID = 1L;

  private final int exitCode;

  CliException(int exitCode, String message) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
