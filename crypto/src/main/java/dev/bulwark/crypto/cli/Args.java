package dev.bulwark.crypto.cli;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The options of one command: {@code --name value}, {@code --name=value} and flags. Unknown,
 * repeated or value-less options are usage errors; there are no positional arguments.
 */
final class Args {

  private final Map<String, String> values = new HashMap<>();
  private final Set<String> flags = new HashSet<>();

  private Args() {
  }

  /**
   * Parses {@code args} (without the command name).
   *
   * @param valueOptions the options that take a value, e.g. {@code --in}
   * @param flagOptions the options that take none, e.g. {@code --force}
   * @param aliases alternative spellings mapped to their canonical option
   */
  static Args parse(List<String> args, Set<String> valueOptions, Set<String> flagOptions,
      Map<String, String> aliases) throws CliException {
    Args parsed = new Args();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 2) {
        value = arg.substring(eq + 1);
        arg = arg.substring(0, eq);
      }
      String name = aliases.getOrDefault(arg, arg);
      if (flagOptions.contains(name)) {
        if (value != null) {
          throw usage(arg + " takes no value");
        }
        if (!parsed.flags.add(name)) {
          throw usage(arg + " is given twice");
        }
      } else if (valueOptions.contains(name)) {
        if (value == null) {
          if (i + 1 >= args.size()) {
            throw usage(arg + " needs a value");
          }
          value = args.get(++i);
        }
        if (parsed.values.putIfAbsent(name, value) != null) {
          throw usage(arg + " is given twice");
        }
      } else if (arg.startsWith("--")) {
        throw usage("unknown option " + printable(arg)); // the name only, never a value
      } else {
        // Not echoed: a stray argument may be a secret pasted in the wrong place.
        throw usage("unexpected argument; every value follows its option, e.g. --in FILE");
      }
    }
    return parsed;
  }

  boolean flag(String name) {
    return flags.contains(name);
  }

  @Nullable String value(String name) {
    return values.get(name);
  }

  String require(String name) throws CliException {
    String value = values.get(name);
    if (value == null) {
      throw usage("missing option " + name);
    }
    if (value.isEmpty()) {
      throw usage(name + " must not be empty");
    }
    return value;
  }

  static CliException usage(String message) {
    return new CliException(ExitCodes.USAGE, message + " (see --help)");
  }

  /** Echoes an argument back without control characters and at a bounded length. */
  static String printable(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length() && out.length() < 60; i++) {
      char c = text.charAt(i);
      out.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    return out.toString();
  }
}
