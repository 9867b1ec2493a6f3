/**
 * A distributed {@link dev.bulwark.ratelimit.spi.RateLimitStore} on Redis: start with
 * {@link dev.bulwark.ratelimit.redis.RedisRateLimitStore#builder()}.
 *
 * <p>Each decision is one {@code EVALSHA} of a Lua script that runs the whole GCRA step of
 * {@link dev.bulwark.ratelimit.spi.Gcra} atomically on the Redis server, with the time read from
 * Redis's own {@code TIME}, so nodes that share a Redis agree exactly whatever their clocks.
 */
@NullMarked
package dev.bulwark.ratelimit.redis;

import org.jspecify.annotations.NullMarked;
