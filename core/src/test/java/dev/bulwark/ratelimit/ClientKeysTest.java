package dev.bulwark.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.http.HttpRequestView;
import dev.bulwark.http.IpAddress;
import dev.bulwark.http.ResolvedClient;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ClientKeysTest {

  private static RateLimitRequest request(String address, Map<String, String> headers,
      @Nullable String principal) {
    HttpRequestView view = new HttpRequestView() {
      @Override
      public String method() {
        return "GET";
      }

      @Override
      public String scheme() {
        return "http";
      }

      @Override
      public String host() {
        return "app.example";
      }

      @Override
      public int port() {
        return 80;
      }

      @Override
      public String path() {
        return "/items";
      }

      @Override
      public @Nullable String query() {
        return null;
      }

      @Override
      public List<String> headers(String name) {
        String value = headers.get(name);
        return value == null ? List.of() : List.of(value);
      }

      @Override
      public String remoteAddress() {
        return address;
      }
    };
    return new RateLimitRequest(view,
        new ResolvedClient(IpAddress.parse(address), "http", "app.example", 80, false),
        principal);
  }

  @Test
  void address_ipv4_isTheAddress() {
    assertThat(ClientKeys.address().keyFor(request("192.0.2.1", Map.of(), null)))
        .isEqualTo("a:192.0.2.1");
  }

  @Test
  void address_ipv6_isGroupedBySlash64() {
    assertThat(ClientKeys.address().keyFor(request("2001:db8:a:b:c:d:e:f", Map.of(), null)))
        .isEqualTo("a:2001:db8:a:b::/64");
  }

  @Test
  void address_customPrefix_groupsByIt() {
    assertThat(ClientKeys.address(48).keyFor(request("2001:db8:a:b::1", Map.of(), null)))
        .isEqualTo("a:2001:db8:a::/48");
    assertThat(ClientKeys.address(56).keyFor(request("2001:db8:a:bbff::1", Map.of(), null)))
        .isEqualTo("a:2001:db8:a:bb00::/56");
    assertThat(ClientKeys.address(128).keyFor(request("2001:db8::1", Map.of(), null)))
        .isEqualTo("a:2001:db8::1");
  }

  @Test
  void address_prefixOutOfRange_isRefused() {
    assertThatThrownBy(() -> ClientKeys.address(0)).hasMessageContaining("ipv6-prefix");
    assertThatThrownBy(() -> ClientKeys.address(129)).hasMessageContaining("ipv6-prefix");
  }

  @Test
  void principal_anonymous_fallsBackToTheAddress() {
    assertThat(ClientKeys.principal().keyFor(request("192.0.2.1", Map.of(), null)))
        .isEqualTo("a:192.0.2.1");
    assertThat(ClientKeys.principal().keyFor(request("192.0.2.1", Map.of(), "alice")))
        .isEqualTo("p:alice");
  }

  @Test
  void principal_longName_isHashedToABoundedKey() {
    String key = ClientKeys.principal().keyFor(request("192.0.2.1", Map.of(), "x".repeat(10_000)));
    assertThat(key).startsWith("p:#").hasSizeLessThanOrEqualTo(ClientKeys.MAX_KEY_LENGTH);
  }

  @Test
  void principal_hashPrefix_cannotCollideWithAHashedName() {
    String hashed = ClientKeys.principal().keyFor(request("192.0.2.1", Map.of(), "é"));
    String literal = ClientKeys.principal()
        .keyFor(request("192.0.2.1", Map.of(), hashed.substring(2)));
    assertThat(literal).isNotEqualTo(hashed);
  }

  @Test
  void header_value_isStoredOnlyAsADigest() {
    String key = ClientKeys.header("X-Api-Key")
        .keyFor(request("192.0.2.1", Map.of("X-Api-Key", "secret-key-123"), null));
    assertThat(key).startsWith("h:#").doesNotContain("secret");
    assertThat(ClientKeys.header("X-Api-Key").keyFor(request("192.0.2.1", Map.of(), null)))
        .as("absent: keyed by address").isEqualTo("a:192.0.2.1");
  }

  @Test
  void header_invalidName_isRefused() {
    assertThatThrownBy(() -> ClientKeys.header("X Api")).hasMessageContaining("HTTP token");
    assertThatThrownBy(() -> ClientKeys.header("")).hasMessageContaining("HTTP token");
  }

  @Test
  void composite_joinsItsParts() {
    RateLimitKey key = ClientKeys.composite(ClientKeys.address(), ClientKeys.path());
    assertThat(key.keyFor(request("192.0.2.1", Map.of(), null)))
        .isEqualTo("c:a:192.0.2.1|u:/items|");
    assertThatThrownBy(ClientKeys::composite).hasMessageContaining("at least one");
  }

  @Test
  void global_isOneKeyForEveryone() {
    assertThat(ClientKeys.global().keyFor(request("192.0.2.1", Map.of(), null)))
        .isEqualTo(ClientKeys.global().keyFor(request("2001:db8::1", Map.of(), "bob")));
  }
}
