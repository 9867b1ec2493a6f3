/**
 * The contract every {@link dev.bulwark.ratelimit.spi.RateLimitStore} passes: extend
 * {@link dev.bulwark.testkit.ratelimit.RateLimitStoreContract} and return your store.
 */
@NullMarked
package dev.bulwark.testkit.ratelimit;

import org.jspecify.annotations.NullMarked;
