package dev.bulwark.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link StringSettings} and {@link TrustedProxiesSettings}: one negative per branch. */
class StringSettingsTest {

  private static StringSettings of(String... pairs) {
    Map<String, String> map = new java.util.HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return StringSettings.of("Test", map, Set.of("a", "b", "trusted-proxies",
        "forwarded-headers"));
  }

  @Test
  void of_unknownName_failsListingKnownNames() {
    assertThatThrownBy(() -> of("c", "x"))
        .hasMessageContaining("unknown Test setting 'c'").hasMessageContaining("[a, b");
  }

  @Test
  void value_blank_isAbsent() {
    assertThat(of("a", "  ").value("a")).isNull();
    assertThat(of("a", " x ").value("a")).isEqualTo("x");
  }

  @Test
  void list_splitsOnCommasAndWhitespace() {
    assertThat(of("a", " x, y\n z ,,").list("a")).containsExactly("x", "y", "z");
    assertThat(of().list("a")).isEmpty();
  }

  @Test
  void bool_trueFalseAnyCase_elseFails() {
    assertThat(of("a", "TRUE").bool("a", false)).isTrue();
    assertThat(of("a", "false").bool("a", true)).isFalse();
    assertThat(of().bool("a", true)).isTrue();
    assertThatThrownBy(() -> of("a", "yes").bool("a", false))
        .hasMessage("a must be true or false");
  }

  @Test
  void wholeNumber_digitsOnly_elseFails() {
    assertThat(of("a", "42").wholeNumber("a", 0)).isEqualTo(42);
    assertThat(of().wholeNumber("a", 7)).isEqualTo(7);
    assertThatThrownBy(() -> of("a", "-1").wholeNumber("a", 0)).hasMessageContaining("a must");
    assertThatThrownBy(() -> of("a", "1234567890").wholeNumber("a", 0))
        .hasMessageContaining("whole number");
  }

  @Test
  void trustedProxies_absent_isNone() {
    assertThat(of().trustedProxies()).isSameAs(TrustedProxies.none());
  }

  @Test
  void trustedProxies_familyWithoutProxies_fails() {
    assertThatThrownBy(() -> of("forwarded-headers", "forwarded").trustedProxies())
        .hasMessageContaining("forwarded-headers").hasMessageContaining("trusted-proxies");
  }

  @Test
  void trustedProxies_unknownFamily_fails() {
    assertThatThrownBy(() -> of("trusted-proxies", "10.0.0.0/8", "forwarded-headers", "x")
        .trustedProxies()).hasMessageContaining("x-forwarded or forwarded");
  }

  @Test
  void trustedProxies_listAndFamily_areRead() {
    TrustedProxies proxies = of("trusted-proxies", "10.0.0.0/8, ::1", "forwarded-headers",
        "Forwarded").trustedProxies();
    assertThat(proxies.trusted()).hasSize(2);
    assertThat(proxies.headerFamily()).isEqualTo(TrustedProxies.HeaderFamily.FORWARDED);
  }
}
