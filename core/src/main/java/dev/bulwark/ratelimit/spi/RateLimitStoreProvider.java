package dev.bulwark.ratelimit.spi;

import dev.bulwark.time.NanoClock;
import java.net.URI;
import java.util.Map;
import java.util.Set;

/**
 * Opens a {@link RateLimitStore} named by a URI, so settings ({@code store=redis://host:6379})
 * can select a store that lives in another module. Found with {@link java.util.ServiceLoader}
 * (a {@code META-INF/services/dev.bulwark.ratelimit.spi.RateLimitStoreProvider} entry) by
 * {@code dev.bulwark.ratelimit.RateLimitSettings}; {@code bulwark-ratelimit-redis} provides
 * {@code redis} and {@code rediss}.
 *
 * <p>Implementations are thread-safe and have a public no-argument constructor.
 */
public interface RateLimitStoreProvider {

  /**
   * The URI schemes this provider opens, lower case.
   *
   * @return the schemes, for example {@code redis} and {@code rediss}
   */
  Set<String> schemes();

  /**
   * Opens a store.
   *
   * @param uri the store's URI, whose scheme is one of {@link #schemes()}
   * @param options the {@code store-*} settings without the {@code store-} prefix (for example
   *     {@code timeout}, {@code key-prefix}, {@code password-secret}, {@code fallback})
   * @param clock the limiter's clock
   * @return the store
   * @throws IllegalArgumentException when the URI or an option is malformed or unknown
   */
  RateLimitStore open(URI uri, Map<String, String> options, NanoClock clock);
}
