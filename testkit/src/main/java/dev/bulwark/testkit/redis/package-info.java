/**
 * A throwaway {@code redis-server} for tests and benchmarks of Redis-backed stores:
 * {@link dev.bulwark.testkit.redis.RedisServer#start()}.
 */
@NullMarked
package dev.bulwark.testkit.redis;

import org.jspecify.annotations.NullMarked;
