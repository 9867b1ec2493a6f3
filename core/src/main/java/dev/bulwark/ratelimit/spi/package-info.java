/**
 * The rate-limit store port, version {@value dev.bulwark.ratelimit.spi.RateLimitStore#VERSION}.
 *
 * <p>A store keeps one number per key (the GCRA theoretical arrival time) and runs the whole
 * decision for a key atomically: {@link dev.bulwark.ratelimit.spi.RateLimitStore#acquire} gets
 * the key, the cost, the policy's {@link dev.bulwark.ratelimit.spi.GcraParams} and the time, so
 * a remote store (Redis) decides in one round trip. {@link dev.bulwark.ratelimit.spi.Gcra} is
 * the reference arithmetic every store must agree with; {@code bulwark-testkit}'s
 * {@code RateLimitStoreContract} checks that.
 */
@NullMarked
package dev.bulwark.ratelimit.spi;

import org.jspecify.annotations.NullMarked;
