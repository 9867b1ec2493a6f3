package dev.bulwark.testkit.cors;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One CORS conformance case: a policy (as settings), a request, and the expected answer.
 *
 * @param name a unique, stable name
 * @param attack the attack or behaviour the case covers, or "" for plain behaviour
 * @param policyName the name of the policy in the vector file
 * @param settings the policy's settings, as read by {@code dev.bulwark.cors.CorsSettings}
 * @param method the request method
 * @param host the {@code Host} header ({@code host[:port]}); the connection is plain HTTP
 * @param remoteAddress the TCP peer's address
 * @param headers the request headers in order, duplicates kept, each {@code [name, value]}
 * @param engineOnly whether the request cannot travel over HTTP/1.1 unchanged
 * @param applicationVary the {@code Vary} value the application sets after the filter, or null
 * @param expectedKind the expected {@code CorsDecision.Kind} name
 * @param expectedReason the expected {@code CorsDecision.Reason} name ({@code NONE} unless
 *     rejected)
 * @param expectedStatus 0 when passed to the application, else 204 or 403
 * @param expectedHeaders header name to exact value, or to null when it must be absent
 * @param expectedVary tokens that must each appear exactly once in {@code Vary}
 */
public record CorsVector(
    String name,
    String attack,
    String policyName,
    Map<String, String> settings,
    String method,
    String host,
    String remoteAddress,
    List<List<String>> headers,
    boolean engineOnly,
    @Nullable String applicationVary,
    String expectedKind,
    String expectedReason,
    int expectedStatus,
    Map<String, @Nullable String> expectedHeaders,
    List<String> expectedVary) {

  /** Copies every collection, so a vector is immutable. */
  public CorsVector {
    settings = Map.copyOf(settings);
    List<List<String>> copied = new java.util.ArrayList<>();
    headers.forEach(h -> copied.add(List.copyOf(h)));
    headers = List.copyOf(copied);
    expectedHeaders = java.util.Collections.unmodifiableMap(
        new java.util.LinkedHashMap<>(expectedHeaders));
    expectedVary = List.copyOf(expectedVary);
  }

  @Override
  public String toString() {
    return name;
  }
}
