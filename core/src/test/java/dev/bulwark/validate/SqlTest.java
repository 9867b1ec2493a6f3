package dev.bulwark.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlTest {

  private static final SqlIdentifierAllowList SORT =
      SqlIdentifierAllowList.of(Map.of("name", "u.display_name", "created", "created_at"));

  @Test
  void orderBy_knownKeyAndDirection_givesTerm() {
    assertThat(SORT.orderBy("name", "DESC")).contains("u.display_name DESC");
    assertThat(SORT.orderBy("created", "asc")).contains("created_at ASC");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Name", "name;DROP TABLE u", "u.display_name", "", "1"})
  void orderBy_unknownKey_isEmpty(String key) {
    assertThat(SORT.orderBy(key, "asc")).isEmpty();
    assertThat(SORT.rule().check(key)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ascending", "asc;", "", "de sc", "DESC "})
  void orderBy_unknownDirection_isEmpty(String direction) {
    assertThat(SORT.orderBy("name", direction)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"a;b", "a b", "\"a\"", "a.b.c", "1a", "a--", ""})
  void of_identifierNotPlain_isRefused(String identifier) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SqlIdentifierAllowList.of(Map.of("k", identifier)))
        .withMessageContaining("plain SQL identifier");
  }

  @Test
  void of_empty_isRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> SqlIdentifierAllowList.of(Map.of()));
  }

  @Test
  void likeEscape_wildcardsAndEscape_areEscaped() {
    assertThat(SqlLike.escape("100%_off![x]")).isEqualTo("100!%!_off!!![x]");
    assertThat(SqlLike.escape("100%_off!")).isEqualTo("100!%!_off!!");
    assertThat(SqlLike.contains("a%")).isEqualTo("%a!%%");
    assertThat(SqlLike.startsWith("_")).isEqualTo("!_%");
    assertThat(SqlLike.endsWith("[")).isEqualTo("%![");
  }

  @Test
  void likeEscape_plain_returnsSameInstance() {
    String plain = new String("plain".toCharArray());
    assertThat(SqlLike.escape(plain)).isSameAs(plain);
  }
}
