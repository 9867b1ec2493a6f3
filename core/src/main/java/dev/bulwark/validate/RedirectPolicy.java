package dev.bulwark.validate;

import dev.bulwark.http.Ascii;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which redirect targets (a {@code next} or {@code returnTo} parameter) are safe: paths on this
 * site, and {@code https} URLs on allow-listed hosts. Prevents open redirects.
 *
 * <p>A target is accepted when, after refusing anything suspicious, it is either
 * <ul>
 *   <li>an absolute path: starts with one {@code /} that is not followed by {@code /} or
 *       {@code \} ({@code //evil.com} and {@code /\evil.com} are read by browsers as another
 *       host), or</li>
 *   <li>an absolute {@code https} URL (and {@code http} only if {@link Builder#allowHttp()})
 *       whose host is on the allow-list (compared with ASCII case folding), with no user
 *       information and no explicit port other than the scheme's default.</li>
 * </ul>
 * Refused outright: anything longer than {@value #MAX_LENGTH} characters, any character that is
 * not printable ASCII (browsers drop tabs and newlines, so {@code /\t/evil.com} becomes
 * {@code //evil.com}; non-ASCII hosts may be look-alikes), any backslash, other schemes
 * ({@code javascript:}, {@code data:}), paths without a leading slash, and encoded variants:
 * the percent-decoded form may not start with {@code //} or contain a control character or
 * backslash, and double or mixed encoding is refused ({@link Canonicalizer}). Encoded spaces
 * and non-ASCII characters inside a path ({@code /caf%C3%A9}) are fine.
 *
 * <p>Deny by default: {@link #relativeOnly()} accepts paths only. Immutable and thread-safe.
 */
public final class RedirectPolicy {

  /** Longest target accepted. */
  public static final int MAX_LENGTH = 2048;

  private static final RedirectPolicy RELATIVE_ONLY = new RedirectPolicy(Set.of(), false);

  private final Set<String> hosts;
  private final boolean allowHttp;

  private RedirectPolicy(Set<String> hosts, boolean allowHttp) {
    this.hosts = Set.copyOf(hosts);
    this.allowHttp = allowHttp;
  }

  /**
   * Returns the policy that accepts paths on this site only.
   *
   * @return the relative-only policy
   */
  public static RedirectPolicy relativeOnly() {
    return RELATIVE_ONLY;
  }

  /**
   * Starts a policy that accepts paths and, once hosts are added, absolute URLs to them.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Tells whether {@code target} is a safe redirect target.
   *
   * @param target the untrusted target
   * @return true when safe to redirect to
   */
  public boolean isSafe(String target) {
    return check(target).isEmpty();
  }

  /**
   * Checks {@code target} and says why it is refused.
   *
   * @param target the untrusted target
   * @return the violation, or empty when safe
   */
  public Optional<Violation> check(String target) {
    Objects.requireNonNull(target, "target");
    if (target.isEmpty() || target.length() > MAX_LENGTH) {
      return fail("must be a path or URL of 1 to " + MAX_LENGTH + " characters");
    }
    Optional<Violation> raw = checkRaw(target);
    if (raw.isPresent() || target.indexOf('%') < 0) {
      return raw;
    }
    if (Canonicalizer.canonicalize(target).isSuspicious()) {
      return fail("must not be encoded more than once");
    }
    String decoded = Canonicalizer.percentDecode(target);
    for (int i = 0; i < decoded.length(); i++) {
      char c = decoded.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\\') {
        return fail("must not contain encoded control characters or backslashes");
      }
    }
    if (decoded.startsWith("//")) {
      return fail("must not start with an encoded // (another host)");
    }
    return Optional.empty();
  }

  private Optional<Violation> checkRaw(String target) {
    if (!UnicodeText.isPrintableAscii(target)) {
      return fail("must contain printable ASCII only (percent-encode other characters)");
    }
    if (target.indexOf('\\') >= 0) {
      return fail("must not contain a backslash");
    }
    if (target.charAt(0) == '/') {
      if (target.length() > 1 && target.charAt(1) == '/') {
        return fail("must not start with // (another host)");
      }
      return Optional.empty();
    }
    int colon = target.indexOf(':');
    int slash = target.indexOf('/');
    if (colon <= 0 || (slash >= 0 && slash < colon)) {
      return fail("must be an absolute path starting with /");
    }
    return checkAbsolute(target);
  }

  private Optional<Violation> checkAbsolute(String target) {
    URI uri;
    try {
      uri = new URI(target);
    } catch (URISyntaxException e) {
      return fail("must be a well-formed URL");
    }
    if (uri.getScheme() == null) {
      // "?ttps://x" has a colon after a non-scheme character: a relative reference. Found by
      // SecurityValidatorsFuzzTest (it threw NullPointerException before).
      return fail("must be an absolute path starting with /");
    }
    String scheme = Ascii.toLowerCase(uri.getScheme());
    boolean https = scheme.equals("https");
    if (!https && !(allowHttp && scheme.equals("http"))) {
      return fail("must be a path or an https URL");
    }
    String host = uri.getHost();
    if (host == null || uri.getRawUserInfo() != null || uri.getRawAuthority() == null
        || !hosts.contains(Ascii.toLowerCase(host))) {
      return fail("must point to this site or an allowed host");
    }
    int port = uri.getPort();
    if (port != -1 && port != (https ? 443 : 80)) {
      return fail("must not name a port");
    }
    return Optional.empty();
  }

  private static Optional<Violation> fail(String message) {
    return Optional.of(new Violation("unsafe_redirect", "redirect target " + message));
  }

  /** Builds a {@link RedirectPolicy}; checked in {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private final List<String> hosts = new ArrayList<>();
    private boolean allowHttp;

    private Builder() {}

    /**
     * Allows absolute URLs to these hosts (exact DNS names, no wildcards).
     *
     * @param hosts host names such as {@code app.example.com}
     * @return this builder
     */
    public Builder allowHosts(String... hosts) {
      for (String host : hosts) {
        this.hosts.add(Objects.requireNonNull(host, "host"));
      }
      return this;
    }

    /**
     * Also accepts {@code http} URLs to the allowed hosts (not recommended).
     *
     * @return this builder
     */
    public Builder allowHttp() {
      this.allowHttp = true;
      return this;
    }

    /**
     * Checks the hosts and builds the policy.
     *
     * @return the policy
     * @throws IllegalArgumentException if a host is not a plain DNS name
     */
    public RedirectPolicy build() {
      Set<String> folded = new TreeSet<>();
      for (String host : hosts) {
        String h = Ascii.toLowerCase(host);
        if (!Rules.isDnsName(h)) {
          throw new IllegalArgumentException("allowHosts(\"" + host + "\"): not a plain DNS"
              + " host name; give names such as app.example.com, without scheme, port or *");
        }
        folded.add(h);
      }
      if (allowHttp && folded.isEmpty()) {
        throw new IllegalArgumentException("allowHttp() without allowHosts(...) has no effect;"
            + " add the hosts or remove allowHttp()");
      }
      return new RedirectPolicy(folded, allowHttp);
    }
  }
}
