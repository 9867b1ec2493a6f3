package dev.bulwark.headers;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz contracts for the CSP parsers: each returns a value or throws the documented
 * {@link IllegalArgumentException}. In {@code verify} these run in regression mode over the
 * seeds in {@code src/test/resources}; set {@code JAZZER_FUZZ=1} to fuzz.
 */
class CspSourceFuzzTest {

  @FuzzTest
  void cspSource_parse(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    String canonical;
    try {
      canonical = CspSource.parse(text);
    } catch (IllegalArgumentException expected) {
      return;
    }
    // Accepted sources cannot break out of the directive or the header, and are canonical.
    assertThat(canonical.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != ';' && c != ','))
        .isTrue();
    assertThat(CspSource.parse(canonical)).isEqualTo(canonical);
  }

  @FuzzTest
  void contentSecurityPolicy_build(FuzzedDataProvider data) {
    ContentSecurityPolicy.Builder builder = ContentSecurityPolicy.builder();
    if (data.consumeBoolean()) {
      builder.scriptNonce();
    }
    int directives = data.consumeInt(0, 4);
    for (int i = 0; i < directives; i++) {
      builder.directive(data.consumeString(20), data.consumeString(40), data.consumeString(40));
    }
    ContentSecurityPolicy policy;
    try {
      policy = builder.build();
    } catch (IllegalArgumentException expected) {
      return;
    }
    String value = policy.render("AAAAAAAAAAAAAAAAAAAAAAAA");
    assertThat(value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)).isTrue();
    assertThat(value).doesNotContain(",");
  }

  @FuzzTest
  void settings_parseCsp(FuzzedDataProvider data) {
    ContentSecurityPolicy policy;
    try {
      policy = SecurityHeadersSettings.parseCsp(data.consumeRemainingAsString()).build();
    } catch (IllegalArgumentException expected) {
      return;
    }
    String value = policy.render("AAAAAAAAAAAAAAAAAAAAAAAA");
    assertThat(value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)).isTrue();
    assertThat(value).doesNotContain(",");
    // The rendered policy reads back as itself.
    assertThat(SecurityHeadersSettings.parseCsp(value).build().render("A")).isEqualTo(
        policy.render("A"));
  }

  @FuzzTest
  void settings_policy(FuzzedDataProvider data) {
    java.util.List<String> names = new java.util.ArrayList<>(SecurityHeadersSettings.NAMES);
    names.sort(null);
    java.util.Map<String, String> settings = new java.util.HashMap<>();
    int count = data.consumeInt(0, 6);
    for (int i = 0; i < count; i++) {
      String name = data.consumeBoolean() ? data.pickValue(names) : data.consumeString(12);
      settings.put(name, data.consumeString(60));
    }
    SecurityHeadersPolicy policy;
    try {
      policy = SecurityHeadersSettings.of(settings).policy();
    } catch (IllegalArgumentException expected) {
      return;
    }
    assertThat(policy.suppresses("X-Powered-By")).isTrue();
    MapHeaders headers = new MapHeaders();
    SecurityHeadersEngine.of(policy, new FixedRandom()).decide("/").applyTo(headers);
    headers.all.forEach((name, values) -> values.forEach(value ->
        assertThat(value.chars().allMatch(c -> c == '\t' || c >= 0x20 && c < 0x7f)).isTrue()));
  }
}
