package dev.bulwark.validate;

import dev.bulwark.http.Ascii;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Ready-made {@link Rule}s. Every rule is immutable and thread-safe; every rule bounds its work
 * by the input length, and rules that use a regular expression refuse input longer than a
 * stated maximum before matching.
 */
public final class Rules {

  /** Longest e-mail address accepted (RFC 5321 path limit). */
  public static final int MAX_EMAIL_LENGTH = 254;
  /** Longest URL accepted by {@link #url(String...)}. */
  public static final int MAX_URL_LENGTH = 2048;

  private static final Pattern EMAIL_LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}");
  private static final Pattern DNS_LABEL = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

  private Rules() {}

  /**
   * Requires at least one non-whitespace character.
   *
   * @return the rule
   */
  public static Rule notBlank() {
    return v -> v.isBlank() ? fail("blank", "must not be blank") : ok();
  }

  /**
   * Requires a length, in code points, between {@code min} and {@code max} inclusive.
   *
   * @param min the minimum, at least 0
   * @param max the maximum, at least {@code min}
   * @return the rule
   */
  public static Rule length(int min, int max) {
    if (min < 0 || max < min) {
      throw new IllegalArgumentException("length(" + min + ", " + max + "): need 0 <= min <= max");
    }
    return v -> {
      if (v.length() > 2 * (long) max) {
        return fail("too_long", "must be at most " + max + " characters");
      }
      int n = v.codePointCount(0, v.length());
      if (n < min) {
        return fail("too_short", "must be at least " + min + " characters");
      }
      return n > max ? fail("too_long", "must be at most " + max + " characters") : ok();
    };
  }

  /**
   * Requires a decimal integer (optional leading minus, ASCII digits only) in a range.
   *
   * @param min the smallest accepted value
   * @param max the largest accepted value
   * @return the rule
   */
  public static Rule integer(long min, long max) {
    if (max < min) {
      throw new IllegalArgumentException("integer(" + min + ", " + max + "): need min <= max");
    }
    return v -> {
      boolean digits = !v.isEmpty() && v.length() <= 20;
      for (int i = 0; digits && i < v.length(); i++) {
        char c = v.charAt(i);
        digits = (c >= '0' && c <= '9') || (i == 0 && c == '-' && v.length() > 1);
      }
      long value;
      try {
        value = digits ? Long.parseLong(v) : 0;
      } catch (NumberFormatException e) {
        digits = false;
        value = 0;
      }
      if (!digits) {
        return fail("not_integer", "must be a whole number");
      }
      return value < min || value > max
          ? fail("out_of_range", "must be between " + min + " and " + max) : ok();
    };
  }

  /**
   * Requires a plain decimal number in {@code [min, max]} with at most {@code maxScale}
   * digits after the point, for prices, amounts and measurements sent as text. Accepted:
   * ASCII digits with an optional leading {@code -} and an optional {@code .} followed by at
   * least one digit ({@code 12}, {@code -0.5}, {@code 12.50}). Refused before any
   * {@link java.math.BigDecimal} is made: exponents ({@code 1e999999999}, whose expansion can
   * exhaust memory), {@code +}, whitespace, non-ASCII digits, {@code .5}, {@code 5.}, and
   * values longer than the bounds can need. Parse an accepted value with
   * {@code new BigDecimal(value)}.
   *
   * @param min the smallest accepted value
   * @param max the largest accepted value
   * @param maxScale digits allowed after the point, 0 to 100
   * @return the rule
   * @throws IllegalArgumentException if {@code max < min}, {@code maxScale} is out of range, or
   *     a bound has more than 1000 integer digits
   */
  public static Rule decimal(java.math.BigDecimal min, java.math.BigDecimal max, int maxScale) {
    return new DecimalRule(min, max, maxScale);
  }

  /**
   * Requires the whole value to match {@code pattern}. The value is refused without matching
   * when longer than {@code maxLength}, which bounds the work of any pattern.
   *
   * @param pattern the pattern, matched against the whole value
   * @param maxLength the longest value matched
   * @param description what the pattern accepts, for the message (e.g. "letters and digits")
   * @return the rule
   */
  public static Rule pattern(Pattern pattern, int maxLength, String description) {
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(description, "description");
    if (maxLength < 1 || maxLength > 10_000) {
      throw new IllegalArgumentException("pattern(..., maxLength=" + maxLength
          + "): use a bound between 1 and 10000 so matching time stays bounded");
    }
    return v -> {
      if (v.length() > maxLength) {
        return fail("too_long", "must be at most " + maxLength + " characters");
      }
      return pattern.matcher(v).matches() ? ok() : fail("pattern", "must be " + description);
    };
  }

  /**
   * Requires one of the given values, compared exactly.
   *
   * @param allowed the accepted values
   * @return the rule
   */
  public static Rule oneOf(Collection<String> allowed) {
    Set<String> set = Set.copyOf(allowed);
    String list = String.join(", ", new TreeSet<>(set));
    return v -> set.contains(v) ? ok() : fail("not_allowed", "must be one of: " + list);
  }

  /**
   * Requires the name of a constant of {@code type}, compared with ASCII case folding.
   *
   * @param type the enum type
   * @param <E> the enum
   * @return the rule
   */
  public static <E extends Enum<E>> Rule enumValue(Class<E> type) {
    Set<String> names = new TreeSet<>();
    Set<String> folded = new TreeSet<>();
    for (E constant : type.getEnumConstants()) {
      names.add(constant.name());
      folded.add(Ascii.toLowerCase(constant.name()));
    }
    Set<String> copy = Set.copyOf(folded);
    String list = String.join(", ", names);
    return v -> v.length() <= 100 && copy.contains(Ascii.toLowerCase(v)) ? ok()
        : fail("not_allowed", "must be one of: " + list);
  }

  /**
   * Requires a plain e-mail address: an RFC 5322 dot-atom local part, {@code @}, a DNS name
   * with at least two labels, ASCII only, at most {@value #MAX_EMAIL_LENGTH} characters. Quoted
   * local parts, comments and IP-literal domains are refused on purpose. An internationalised
   * domain is accepted in its A-label form ({@code xn--bcher-kva.example}), not in Unicode:
   * IDNA2003 ({@link java.net.IDN}) and IDNA2008/UTS 46 convert some names differently, so
   * accepting Unicode would let two components disagree on the host (see docs/input.md).
   *
   * @return the rule
   */
  public static Rule email() {
    return v -> {
      int at = v.lastIndexOf('@');
      if (v.length() > MAX_EMAIL_LENGTH || at <= 0 || at != v.indexOf('@')) {
        return fail("email", "must be an e-mail address such as name@example.com");
      }
      String local = v.substring(0, at);
      String domain = v.substring(at + 1);
      boolean ok = EMAIL_LOCAL.matcher(local).matches() && !local.startsWith(".")
          && !local.endsWith(".") && !local.contains("..") && isDnsName(domain)
          && domain.indexOf('.') > 0;
      return ok ? ok() : fail("email", "must be an e-mail address such as name@example.com");
    };
  }

  /**
   * Requires an absolute URL with a host whose scheme is one of {@code schemes}, ASCII only
   * (an internationalised host in its {@code xn--} A-label form, as for {@link #email()}),
   * without user information, at most {@value #MAX_URL_LENGTH} characters.
   *
   * @param schemes the accepted schemes, e.g. {@code "https"}
   * @return the rule
   */
  public static Rule url(String... schemes) {
    if (schemes.length == 0) {
      throw new IllegalArgumentException("url(): name at least one scheme, e.g. url(\"https\")");
    }
    Set<String> allowed = new TreeSet<>();
    for (String scheme : schemes) {
      String s = Ascii.toLowerCase(Objects.requireNonNull(scheme, "scheme"));
      if (s.equals("javascript") || s.equals("vbscript") || s.equals("data")) {
        throw new IllegalArgumentException("url(\"" + scheme + "\"): this scheme runs script;"
            + " remove it");
      }
      allowed.add(s);
    }
    Set<String> copy = Set.copyOf(allowed);
    String message = "must be a URL starting with " + String.join(": or ", allowed) + ":";
    return v -> {
      if (v.length() > MAX_URL_LENGTH || !UnicodeText.isPrintableAscii(v)) {
        return fail("url", message);
      }
      try {
        URI uri = new URI(v);
        String scheme = uri.getScheme();
        boolean ok = scheme != null && copy.contains(Ascii.toLowerCase(scheme))
            && uri.getHost() != null && uri.getRawUserInfo() == null;
        return ok ? ok() : fail("url", message);
      } catch (URISyntaxException e) {
        return fail("url", message);
      }
    };
  }

  /**
   * Refuses control and invisible formatting characters; see {@link UnicodeText}.
   *
   * @param allowLineBreaks whether tab, CR and LF are accepted (multi-line text)
   * @return the rule
   */
  public static Rule noControlCharacters(boolean allowLineBreaks) {
    return v -> UnicodeText.firstControlCharacter(v, allowLineBreaks) < 0 ? ok()
        : fail("control_character", "must not contain control or invisible formatting"
            + " characters");
  }

  /**
   * Requires text already in Unicode Normalization Form C; normalise first with
   * {@link UnicodeText#normalize(String)} when you store the value.
   *
   * @return the rule
   */
  public static Rule normalized() {
    return v -> UnicodeText.isNormalized(v) ? ok()
        : fail("not_normalized", "must be in Unicode normalization form C");
  }

  /**
   * Requires a safe redirect target under {@code policy}.
   *
   * @param policy the redirect policy
   * @return the rule
   */
  public static Rule safeRedirect(RedirectPolicy policy) {
    Objects.requireNonNull(policy, "policy");
    return policy::check;
  }

  /**
   * Requires a safe file name; see {@link FileNames}.
   *
   * @return the rule
   */
  public static Rule safeFileName() {
    return FileNames::check;
  }

  /**
   * Refuses double or mixed encoding; see {@link Canonicalizer}.
   *
   * @return the rule
   */
  public static Rule notMultiplyEncoded() {
    return v -> Canonicalizer.canonicalize(v).isSuspicious()
        ? fail("multiple_encoding", "must not be encoded more than once or in mixed encodings")
        : ok();
  }

  static boolean isDnsName(String name) {
    if (name.isEmpty() || name.length() > 253) {
      return false;
    }
    for (String label : name.split("\\.", -1)) {
      if (label.length() > 63 || !DNS_LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return true;
  }

  static Optional<Violation> fail(String code, String message) {
    return Optional.of(new Violation(code, message));
  }

  static Optional<Violation> ok() {
    return Optional.empty();
  }
}
