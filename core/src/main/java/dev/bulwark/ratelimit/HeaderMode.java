package dev.bulwark.ratelimit;

/** Which rate-limit headers responses carry. */
public enum HeaderMode {
  /** {@code RateLimit-Policy} and {@code RateLimit} (draft-ietf-httpapi-ratelimit-headers). */
  IETF,
  /** The IETF fields and the legacy {@code X-RateLimit-Limit}, {@code -Remaining}, {@code -Reset}. */
  IETF_AND_LEGACY,
  /** No rate-limit headers ({@code Retry-After} is still sent with a 429). */
  NONE
}
