package dev.bulwark.ratelimit.redis;

/**
 * The Lua script that runs one {@link dev.bulwark.ratelimit.spi.Gcra} step atomically.
 *
 * <p>Redis's Lua numbers are doubles (exact integers up to 2^53), so an absolute time is kept as
 * two numbers, seconds and nanoseconds, and stored as the string {@code "seconds:nanos"}; every
 * duration (distance from full, tolerance, retry-after) is a plain number, which is why the
 * store accepts tolerances up to {@link #MAX_TOLERANCE_NANOS} only.
 *
 * <p>{@code KEYS[1]}: the key. {@code ARGV}: charge (1) or look (0), cost, emission interval
 * ns, burst, use Redis {@code TIME} (1) or the given time (0), seconds, nanoseconds. Returns
 * {@code {allowed, remaining, resetNanos, retryAfterNanos}}. When allowed and charging, stores
 * the new TAT with a {@code PX} expiry at the moment the key is full again (or deletes the key
 * when it is already full).
 */
final class GcraScript {

  /**
   * The script's SHA-1 in hex, the name Redis gives it for {@code EVALSHA}; computed here so
   * every node of a cluster is addressed by the same name without a {@code SCRIPT LOAD}.
   */
  static final String SHA;

  /** 2^53 ns, about 104 days: the largest tolerance the script computes exactly. */
  static final long MAX_TOLERANCE_NANOS = 1L << 53;

  static final String SOURCE = """
      local cost = tonumber(ARGV[2])
      local t = tonumber(ARGV[3])
      local burst = tonumber(ARGV[4])
      local s
      local n
      if ARGV[5] == '1' then
        local now = redis.call('TIME')
        s = tonumber(now[1])
        n = tonumber(now[2]) * 1000
      else
        s = tonumber(ARGV[6])
        n = tonumber(ARGV[7])
      end
      local tol = t * burst
      local d = 0
      local stored = redis.call('GET', KEYS[1])
      if stored then
        local ts, tn = string.match(stored, '^(-?%d+):(%d+)$')
        if ts then
          d = (tonumber(ts) - s) * 1000000000 + (tonumber(tn) - n)
        end
      end
      if d < 0 then d = 0 end
      if d > tol then d = tol end
      local after = d + cost * t
      if after > tol then
        return {0, math.floor((tol - d) / t), d, after - tol}
      end
      if ARGV[1] ~= '1' then
        return {1, math.floor((tol - d) / t), d, 0}
      end
      if after == 0 then
        redis.call('DEL', KEYS[1])
      else
        local total = n + after
        local ns = s + math.floor(total / 1000000000)
        local nn = total % 1000000000
        redis.call('SET', KEYS[1], string.format('%d:%d', ns, nn),
            'PX', math.ceil(after / 1000000))
      end
      return {1, math.floor((tol - after) / t), after, 0}
      """;

  static {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-1")
          .digest(SOURCE.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      SHA = java.util.HexFormat.of().formatHex(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is a required JDK algorithm", e);
    }
  }

  private GcraScript() {}
}
