package dev.bulwark.headers;

/**
 * Named presets. Each returns a built policy; derive your own with
 * {@code SecurityHeadersPolicies.recommended().toBuilder()...build()}. The values and the reason
 * for each are listed in {@code docs/headers.md}.
 */
public final class SecurityHeadersPolicies {

  /** The restrictive {@code Permissions-Policy} of the recommended preset. */
  public static final String PERMISSIONS_POLICY = "accelerometer=(), autoplay=(), camera=(),"
      + " display-capture=(), encrypted-media=(), fullscreen=(self), geolocation=(),"
      + " gyroscope=(), hid=(), idle-detection=(), magnetometer=(), microphone=(), midi=(),"
      + " payment=(), picture-in-picture=(), publickey-credentials-get=(self),"
      + " screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=()";

  private SecurityHeadersPolicies() {}

  /**
   * The recommended preset: {@link #strictCsp()} and every header of Helmet's defaults or a
   * stronger value, {@code X-Powered-By} removed. HSTS is left to {@code HttpsRedirectFilter};
   * COEP is opt-in ({@link SecurityHeadersPolicy.Builder#crossOriginEmbedderPolicy(String)}).
   *
   * @return the policy
   */
  public static SecurityHeadersPolicy recommended() {
    return SecurityHeadersPolicy.builder()
        .contentSecurityPolicy(strictCsp())
        .header("Cross-Origin-Opener-Policy", "same-origin")
        .header("Cross-Origin-Resource-Policy", "same-origin")
        .header("Origin-Agent-Cluster", "?1")
        .header("Referrer-Policy", "no-referrer")
        .header("X-Content-Type-Options", "nosniff")
        .header("X-Frame-Options", "SAMEORIGIN")
        .header("X-DNS-Prefetch-Control", "off")
        .header("X-Download-Options", "noopen")
        .header("X-Permitted-Cross-Domain-Policies", "none")
        .header("X-XSS-Protection", "0")
        .header("Permissions-Policy", PERMISSIONS_POLICY)
        .remove("X-Powered-By")
        .build();
  }

  /**
   * The recommended preset with {@link #nonceCsp()}: scripts run only when they carry the
   * response's nonce.
   *
   * @return the policy
   */
  public static SecurityHeadersPolicy recommendedWithNonce() {
    return recommended().toBuilder().contentSecurityPolicy(nonceCsp()).build();
  }

  /**
   * A strict CSP that needs no template changes: everything from the page's own origin only,
   * no plugins, no inline script or style, no framing by other sites.
   *
   * @return {@code default-src 'self'; base-uri 'self'; object-src 'none';
   *     frame-ancestors 'self'; form-action 'self'; script-src 'self'; script-src-attr 'none';
   *     style-src 'self'; img-src 'self' data:; font-src 'self'; upgrade-insecure-requests}
   */
  public static ContentSecurityPolicy strictCsp() {
    return base(false).build();
  }

  /**
   * Google's strict CSP: {@code script-src 'nonce-<fresh>' 'strict-dynamic'} plus the
   * restrictions of {@link #strictCsp()}. Templates put the nonce from the request attribute
   * {@value ContentSecurityPolicy#NONCE_ATTRIBUTE} on every {@code <script>} element.
   *
   * @return the policy
   */
  public static ContentSecurityPolicy nonceCsp() {
    return base(true).build();
  }

  private static ContentSecurityPolicy.Builder base(boolean nonce) {
    ContentSecurityPolicy.Builder builder = ContentSecurityPolicy.builder()
        .directive("default-src", "'self'")
        .directive("base-uri", "'self'")
        .none("object-src")
        .directive("frame-ancestors", "'self'")
        .directive("form-action", "'self'");
    if (nonce) {
      builder.scriptNonce();
    } else {
      builder.directive("script-src", "'self'");
    }
    return builder
        .none("script-src-attr")
        .directive("style-src", "'self'")
        .directive("img-src", "'self'", "data:")
        .directive("font-src", "'self'")
        .flag("upgrade-insecure-requests");
  }
}
