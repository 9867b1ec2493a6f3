package dev.bulwark.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeaderTokensTest {

  /** A minimal sink for these tests. */
  static final class MapHeaders implements HttpResponseHeaders {
    final Map<String, List<String>> map = new LinkedHashMap<>();

    @Override
    public List<String> get(String name) {
      return map.getOrDefault(name, List.of());
    }

    @Override
    public void set(String name, String value) {
      map.put(name, new ArrayList<>(List.of(value)));
    }

    @Override
    public void add(String name, String value) {
      map.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
  }

  @Test
  void mergeInto_empty_setsTokens() {
    MapHeaders h = new MapHeaders();
    HeaderTokens.mergeInto(h, "Vary", "Origin", "Access-Control-Request-Method");
    assertThat(h.get("Vary")).containsExactly("Origin, Access-Control-Request-Method");
  }

  @Test
  void mergeInto_existingToken_isNotRepeated_caseInsensitively() {
    MapHeaders h = new MapHeaders();
    h.set("Vary", "accept-encoding, ORIGIN");
    HeaderTokens.mergeInto(h, "Vary", "Origin");
    assertThat(h.get("Vary")).containsExactly("accept-encoding, ORIGIN");
  }

  @Test
  void mergeInto_keepsExistingAndAddsMissing() {
    MapHeaders h = new MapHeaders();
    h.set("Vary", "Accept-Encoding");
    HeaderTokens.mergeInto(h, "Vary", "Origin", "Accept-Encoding");
    assertThat(h.get("Vary")).containsExactly("Accept-Encoding", "Origin");
  }

  @Test
  void mergeInto_star_absorbsEverything() {
    MapHeaders h = new MapHeaders();
    h.set("Vary", "*");
    HeaderTokens.mergeInto(h, "Vary", "Origin");
    assertThat(h.get("Vary")).containsExactly("*");
  }

  @Test
  void isToken_acceptsRfc9110TokensOnly() {
    assertThat(HeaderTokens.isToken("X-Request-Id")).isTrue();
    assertThat(HeaderTokens.isToken("!#$%&'*+-.^_`|~09azAZ")).isTrue();
    assertThat(HeaderTokens.isToken("")).isFalse();
    assertThat(HeaderTokens.isToken("a b")).isFalse();
    assertThat(HeaderTokens.isToken("a:b")).isFalse();
    assertThat(HeaderTokens.isToken("a\r\nb")).isFalse();
    assertThat(HeaderTokens.isToken("caf\u00e9")).isFalse();
  }
}
