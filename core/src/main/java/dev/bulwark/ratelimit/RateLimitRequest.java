package dev.bulwark.ratelimit;

import dev.bulwark.http.HttpRequestView;
import dev.bulwark.http.ResolvedClient;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link RateLimitKey} may look at: the request, the client as resolved behind trusted
 * proxies, and the authenticated principal's name, if any.
 *
 * @param view the request
 * @param client the client, from {@link dev.bulwark.http.ClientResolver}
 * @param principal the authenticated principal's name, or null for an anonymous request
 */
public record RateLimitRequest(
    HttpRequestView view, ResolvedClient client, @Nullable String principal) {

  /**
   * Checks the arguments.
   *
   * @throws NullPointerException when view or client is null
   */
  public RateLimitRequest {
    Objects.requireNonNull(view, "view");
    Objects.requireNonNull(client, "client");
  }
}
