package dev.bulwark.validate;

import dev.bulwark.http.Ascii;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Safe file names for user-supplied uploads, checked for every common file system.
 *
 * <p>A safe name: is 1 to {@value #MAX_BYTES} bytes in UTF-8; is in Unicode NFC; contains no
 * path separator ({@code /}, {@code \}), no control or invisible formatting character (see
 * {@link UnicodeText}, including the right-to-left override used to disguise
 * {@code exe.txt} as {@code txt.exe}), none of the Windows-reserved {@code : * ? " < > |};
 * is not {@code .} or {@code ..}; does not end with a dot or space, or start with a space; and
 * is not a Windows device name ({@code CON}, {@code PRN}, {@code AUX}, {@code NUL},
 * {@code COM0}..{@code COM9}, {@code LPT0}..{@code LPT9}, also with superscript digits and with
 * any extension, such as {@code con.txt}).
 *
 * <p>Even a safe name should not be used as given when avoidable: store uploads under a
 * generated name and keep the user's name as metadata. Thread-safe and stateless.
 */
public final class FileNames {

  /** Longest name accepted, in UTF-8 bytes (the common file-system limit). */
  public static final int MAX_BYTES = 255;

  private static final Set<String> DEVICES = Set.of("con", "prn", "aux", "nul", "conin$",
      "conout$", "clock$");

  private FileNames() {}

  /**
   * Tells whether {@code name} is a safe file name.
   *
   * @param name the untrusted name
   * @return true when safe
   */
  public static boolean isSafe(String name) {
    return check(name).isEmpty();
  }

  /**
   * Checks {@code name} and says why it is refused.
   *
   * @param name the untrusted name
   * @return the violation, or empty when safe
   */
  public static Optional<Violation> check(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty() || name.length() > MAX_BYTES
        || name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      return fail("length", "must be 1 to " + MAX_BYTES + " bytes long");
    }
    if (UnicodeText.firstControlCharacter(name, false) >= 0) {
      return fail("control_character", "must not contain control or invisible characters");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '/' || c == '\\') {
        return fail("separator", "must not contain / or \\");
      }
      if (":*?\"<>|".indexOf(c) >= 0) {
        return fail("reserved_character", "must not contain any of : * ? \" < > |");
      }
    }
    if (name.equals(".") || name.equals("..")) {
      return fail("dot_name", "must not be . or ..");
    }
    char last = name.charAt(name.length() - 1);
    if (last == '.' || last == ' ' || name.charAt(0) == ' ') {
      return fail("trailing", "must not start with a space or end with a dot or space");
    }
    if (!UnicodeText.isNormalized(name)) {
      return fail("not_normalized", "must be in Unicode normalization form C");
    }
    if (isDevice(name)) {
      return fail("reserved_name", "must not be a Windows device name such as CON or LPT1");
    }
    return Optional.empty();
  }

  private static boolean isDevice(String name) {
    int dot = name.indexOf('.');
    String stem = Ascii.toLowerCase((dot < 0 ? name : name.substring(0, dot)).stripTrailing());
    if (DEVICES.contains(stem)) {
      return true;
    }
    if (stem.length() == 4 && (stem.startsWith("com") || stem.startsWith("lpt"))) {
      char d = stem.charAt(3);
      return (d >= '0' && d <= '9') || d == '\u00b9' || d == '\u00b2' || d == '\u00b3';
    }
    return false;
  }

  private static Optional<Violation> fail(String code, String message) {
    return Optional.of(new Violation(code, "file name " + message));
  }
}
