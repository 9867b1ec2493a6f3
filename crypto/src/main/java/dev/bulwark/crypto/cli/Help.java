package dev.bulwark.crypto.cli;

import java.util.Map;

/** The {@code --help} texts: the tool's, and one per command. */
final class Help {

  static final String USAGE = String.join("\n",
      "usage: bulwark-crypto COMMAND [OPTIONS]",
      "",
      "commands:",
      "  keygen   --out KEYSET                      make a new keyset",
      "  encrypt  --keyset KEYSET --in FILE --out FILE.enc",
      "  decrypt  --keyset KEYSET --in FILE.enc --out FILE",
      "  rotate   --keyset KEYSET                   add a new primary key",
      "  rewrap   --keyset KEYSET --in OLD.enc --out NEW.enc",
      "                                             re-wrap a file's key under the primary",
      "",
      "FILE may be - for stdin or stdout. The keyset is encrypted under the master secret in",
      "BULWARK_MASTER_SECRET or in the file named by BULWARK_MASTER_SECRET_FILE (at least 32",
      "bytes of random key material), or typed on a terminal.",
      "",
      "exit codes: 0 done, 1 usage, 2 I/O (missing input, output exists), 3 not authentic",
      "(wrong keyset or --associated-data, tampered or truncated), 4 keyset or master secret",
      "unusable, 5 internal error. Run COMMAND --help for its options.");

  static final Map<String, String> COMMANDS = Map.of(
      "keygen", String.join("\n",
          "usage: bulwark-crypto keygen --out KEYSET [--force] [--insecure-cleartext]",
          "  Writes a new keyset (one AES-256-GCM key) encrypted under the master secret.",
          "  --force               replace KEYSET if it exists (its old keys are lost)",
          "  --insecure-cleartext  write the keyset unencrypted (tests only)"),
      "encrypt", String.join("\n",
          "usage: bulwark-crypto encrypt --keyset KEYSET --in FILE --out FILE.enc [OPTIONS]",
          "  --in FILE|-                input (- reads stdin)",
          "  --out FILE|-               output (- writes stdout)",
          "  --associated-data TEXT     bind TEXT into the file; needed again to decrypt",
          "                             (alias --context)",
          "  --force                    replace the output if it exists",
          "  --insecure-cleartext       the keyset is unencrypted"),
      "decrypt", String.join("\n",
          "usage: bulwark-crypto decrypt --keyset KEYSET --in FILE.enc --out FILE [OPTIONS]",
          "  Options as for encrypt. Exit code 3 if the input is not authentic; with --out -",
          "  discard what was written to stdout in that case."),
      "rotate", String.join("\n",
          "usage: bulwark-crypto rotate --keyset KEYSET [--insecure-cleartext]",
          "  Adds a new primary key to KEYSET; files encrypted before still decrypt."),
      "rewrap", String.join("\n",
          "usage: bulwark-crypto rewrap --keyset KEYSET --in OLD.enc --out NEW.enc [OPTIONS]",
          "  Re-wraps the file's data key under the keyset's primary key, copying the payload",
          "  unchanged (checked on the way). Options as for encrypt."));

  private Help() {
  }
}
