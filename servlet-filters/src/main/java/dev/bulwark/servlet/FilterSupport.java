package dev.bulwark.servlet;

import dev.bulwark.http.Ascii;
import dev.bulwark.http.ClientResolver;
import dev.bulwark.http.TrustedProxies;
import dev.bulwark.servlet.internal.InitParams;
import jakarta.servlet.ServletException;
import java.util.List;

/** Init-params shared by every Bulwark filter. */
final class FilterSupport {

  private FilterSupport() {}

  /** Builds the resolver from {@code trusted-proxies} and {@code forwarded-headers}. */
  static ClientResolver resolver(InitParams params) throws ServletException {
    List<String> proxies = params.list("trusted-proxies");
    String family = params.value("forwarded-headers");
    if (proxies.isEmpty()) {
      if (family != null) {
        throw new ServletException("init-param 'forwarded-headers' has no effect without"
            + " 'trusted-proxies'; list your proxies' CIDRs or remove it");
      }
      return ClientResolver.direct();
    }
    TrustedProxies.Builder builder = TrustedProxies.builder().trust(proxies);
    if (family != null) {
      switch (Ascii.toLowerCase(family)) {
        case "x-forwarded" -> builder.headers(TrustedProxies.HeaderFamily.X_FORWARDED);
        case "forwarded" -> builder.headers(TrustedProxies.HeaderFamily.FORWARDED);
        default -> throw new ServletException(
            "init-param 'forwarded-headers' must be x-forwarded or forwarded");
      }
    }
    return ClientResolver.of(builder.build());
  }
}
