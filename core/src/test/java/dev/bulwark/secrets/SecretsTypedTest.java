package dev.bulwark.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Typed getters, their errors, defaults, and the placeholder check. */
class SecretsTypedTest {

  private static Secrets env(String key, String value) {
    return Secrets.builder().environment(Map.of(key, value)).build();
  }

  private static AbstractThrowableAssert<?, ?> assertMalformed(String value,
      Function<Secrets, Object> getter, String expected) {
    String message = "setting (from environment SETTING) is not " + expected;
    // The exact message proves the value is not in it; the leak check also covers the stack
    // trace, for values long enough not to occur in any stack trace by chance, and not part of
    // the fixed text anyway (such as "s" or "1").
    return assertThatThrownBy(() -> getter.apply(env("SETTING", value)))
        .isInstanceOf(MalformedSecretException.class)
        .hasMessage(message)
        .hasNoCause()
        .satisfies(e -> assertThat(((MalformedSecretException) e).name()).isEqualTo("setting"))
        .satisfies(e -> {
          if (value.strip().length() >= 4 && !message.contains(value.strip())) {
            Leaks.assertNoValue(e, value.strip());
          }
        });
  }

  @Test
  void getString_keepsTheValueExactly() {
    assertThat(env("S", "  spaced \t").getString("s")).isEqualTo("  spaced \t");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"42|42", "' 42 '|42", "+7|7", "-3|-3", "0|0",
      "2147483647|2147483647", "-2147483648|-2147483648", "007|7"})
  void getInt_decimalInteger_isParsed(String text, int expected) {
    assertThat(env("SETTING", text).getInt("setting")).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"4.2", "", "  ", "abc", "0x10", "1e3", "2147483648", "-2147483649",
      "\u0661\u0662", "\uFF11", "+", "-", "1 2", "++1"})
  void getInt_notADecimalInt_namesKeyAndFormNotValue(String text) {
    assertMalformed(text, s -> s.getInt("setting"), Values.INT);
  }

  @Test
  void getLong_rangeBeyondInt_isParsed() {
    assertThat(env("SETTING", "9223372036854775807").getLong("setting"))
        .isEqualTo(Long.MAX_VALUE);
    assertMalformed("9223372036854775808", s -> s.getLong("setting"), Values.LONG);
  }

  @ParameterizedTest
  @CsvSource({"true,true", "TRUE,true", "yes,true", "Yes,true", "on,true", "ON,true", "1,true",
      "false,false", "False,false", "no,false", "NO,false", "off,false", "Off,false", "0,false",
      "' yes ',true"})
  void getBoolean_decoupleWords_areParsed(String text, boolean expected) {
    assertThat(env("SETTING", text).getBoolean("setting")).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "maybe", "tru", "y", "n", "2", "enabled", "TRUE!", "\u0131"})
  void getBoolean_otherWord_isMalformedEvenEmpty(String text) {
    assertMalformed(text, s -> s.getBoolean("setting"), Values.BOOLEAN);
  }

  @ParameterizedTest
  @CsvSource({"PT30S,PT30S", "pt30s,PT30S", "P1D,PT24H", "PT1H30M,PT1H30M", "250ms,PT0.25S",
      "30s,PT30S", "5m,PT5M", "2h,PT2H", "1d,PT24H", "0s,PT0S", "' 10s ',PT10S"})
  void getDuration_isoOrSimpleForm_isParsed(String text, String expected) {
    assertThat(env("SETTING", text).getDuration("setting")).isEqualTo(Duration.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "30", "s", "30 s", "1w", "1.5s", "-5s", "-PT1S", "PT-1S", "P",
      "30S", "1000000000000000000d", "99999999999999999d", "PTxS", "5min"})
  void getDuration_otherForm_isMalformed(String text) {
    assertMalformed(text, s -> s.getDuration("setting"), Values.DURATION);
  }

  @Test
  void getUri_absoluteUri_isParsed() {
    assertThat(env("SETTING", "redis://:pw@cache:6379/0").getUri("setting"))
        .isEqualTo(URI.create("redis://:pw@cache:6379/0"));
  }

  @Test
  void getUri_malformed_doesNotLeakTheCredentialsItContains() {
    assertMalformed("redis://:s3cr3tpw@ca che:6379", s -> s.getUri("setting"), Values.URI_FORM)
        .satisfies(e -> Leaks.assertNoValue(e, "s3cr3tpw"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/relative/path", "cache:6379x y", "", "%"})
  void getUri_relativeOrInvalid_isMalformed(String text) {
    assertMalformed(text, s -> s.getUri("setting"), Values.URI_FORM);
  }

  @Test
  void getList_commaSeparated_itemsAreTrimmed() {
    assertThat(env("SETTING", " a, b ,c ").getList("setting")).containsExactly("a", "b", "c");
    assertThat(env("SETTING", "single").getList("setting")).containsExactly("single");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void getList_emptyValue_isAnEmptyList(String text) {
    assertThat(env("SETTING", text).getList("setting")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"a,,b", "a,", ",a", "a, ,b", ","})
  void getList_emptyItem_isMalformed(String text) {
    assertMalformed(text, s -> s.getList("setting"), Values.LIST);
  }

  @Test
  void getList_result_isUnmodifiable() {
    List<String> list = env("SETTING", "a,b").getList("setting");
    assertThatThrownBy(() -> list.add("c")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void getters_absentWithDefault_returnTheDefault() {
    Secrets secrets = env("OTHER", "x");

    assertThat(secrets.getString("k", "d")).isEqualTo("d");
    assertThat(secrets.getInt("k", 5)).isEqualTo(5);
    assertThat(secrets.getLong("k", 6L)).isEqualTo(6L);
    assertThat(secrets.getBoolean("k", true)).isTrue();
    assertThat(secrets.getDuration("k", Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(7));
    assertThat(secrets.getUri("k", URI.create("https://d"))).isEqualTo(URI.create("https://d"));
    assertThat(secrets.getList("k", List.of("d"))).containsExactly("d");
  }

  @Test
  void getters_absentWithoutDefault_throwMissingSecretException() {
    Secrets secrets = env("OTHER", "x");
    List<Function<Secrets, Object>> getters = List.of(s -> s.getString("k"), s -> s.getInt("k"),
        s -> s.getLong("k"), s -> s.getBoolean("k"), s -> s.getDuration("k"),
        s -> s.getUri("k"), s -> s.getList("k"), s -> s.require("k"));

    for (Function<Secrets, Object> getter : getters) {
      assertThatThrownBy(() -> getter.apply(secrets))
          .isInstanceOf(MissingSecretException.class)
          .hasMessageStartingWith("secret k not found; looked at: environment K,");
    }
  }

  @Test
  void getters_presentButMalformedWithDefault_stillThrow() {
    assertMalformed("x", s -> s.getInt("setting", 1), Values.INT);
    assertMalformed("x", s -> s.getDuration("setting", Duration.ZERO), Values.DURATION);
  }

  @Test
  void getters_nullDefault_isRejectedByName() {
    Secrets secrets = env("OTHER", "x");
    assertThatThrownBy(() -> secrets.getString("k", null)).hasMessage("defaultValue");
    assertThatThrownBy(() -> secrets.getDuration("k", null)).hasMessage("defaultValue");
    assertThatThrownBy(() -> secrets.getUri("k", null)).hasMessage("defaultValue");
    assertThatThrownBy(() -> secrets.getList("k", null)).isInstanceOf(NullPointerException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "changeme", "CHANGEME", " ChangeMe ", "change-me", "changeit",
      "replace_me", "placeholder", "TODO", "xxx", "<your-db-password>", "${DB_PASSWORD}",
      "undefined"})
  void refusePlaceholders_placeholderSecret_isRefused(String value) {
    Secrets secrets = Secrets.builder().environment(Map.of("API_TOKEN", value))
        .refusePlaceholders().build();

    assertThatThrownBy(() -> secrets.require("api.token"))
        .isInstanceOf(UnsafeSecretException.class)
        .hasMessageStartingWith("secret api.token (from environment API_TOKEN) looks like a"
            + " placeholder")
        .satisfies(e -> {
          if (!value.isBlank() && !value.strip().equalsIgnoreCase("placeholder")) {
            Leaks.assertNoValue(e, value.strip());
          }
        });
    assertThatThrownBy(() -> secrets.find("api.token")).isInstanceOf(UnsafeSecretException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"correct horse battery staple", "changeme2", "my-secret-key", "x",
      "<partial", "${", "pässword"})
  void refusePlaceholders_realLookingSecret_isAccepted(String value) {
    Secrets secrets = Secrets.builder().environment(Map.of("API_TOKEN", value))
        .refusePlaceholders().build();

    assertThat(new String(secrets.require("api.token").chars())).isEqualTo(value);
  }

  @Test
  void placeholders_withoutTheOption_areAccepted() {
    assertThat(env("API_TOKEN", "changeme").require("api.token").chars())
        .isEqualTo("changeme".toCharArray());
    assertThat(env("API_TOKEN", "").find("api.token")).isPresent();
  }

  @Test
  void refusePlaceholders_typedGetters_areNotAffected() {
    Secrets secrets = Secrets.builder().environment(Map.of("MODE", "placeholder", "EMPTY", ""))
        .refusePlaceholders().build();

    assertThat(secrets.getString("mode")).isEqualTo("placeholder");
    assertThat(secrets.getList("empty")).isEmpty();
  }
}
