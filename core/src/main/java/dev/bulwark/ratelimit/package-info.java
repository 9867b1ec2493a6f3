/**
 * Rate limiting: how many requests a client may make per period.
 *
 * <p>Start with {@link dev.bulwark.ratelimit.RateLimitPolicy#builder()} and a
 * {@link dev.bulwark.ratelimit.LocalRateLimitStore}; {@link dev.bulwark.ratelimit.RateLimiter}
 * decides single keys and returns a {@link dev.bulwark.ratelimit.RateLimitDecision}.
 * For HTTP, {@link dev.bulwark.ratelimit.RateLimitEngine} applies rules by path and method and
 * renders the IETF headers; {@code dev.bulwark.servlet.RateLimitFilter} does exactly that for
 * Servlet applications. Keys come from {@link dev.bulwark.ratelimit.ClientKeys}. Stores plug in
 * through {@link dev.bulwark.ratelimit.spi.RateLimitStore}.
 */
@NullMarked
package dev.bulwark.ratelimit;

import org.jspecify.annotations.NullMarked;
