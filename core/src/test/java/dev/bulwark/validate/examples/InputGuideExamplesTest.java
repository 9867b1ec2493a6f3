package dev.bulwark.validate.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.encode.Encoders;
import dev.bulwark.sanitize.HtmlPolicy;
import dev.bulwark.sanitize.SanitizeResult;
import dev.bulwark.sanitize.Sanitizers;
import dev.bulwark.validate.RedirectPolicy;
import dev.bulwark.validate.Rules;
import dev.bulwark.validate.SqlIdentifierAllowList;
import dev.bulwark.validate.SqlLike;
import dev.bulwark.validate.ValidationResult;
import dev.bulwark.validate.Validation;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Java examples of {@code docs/input.md}, compiled and run from outside the packages, so
 * the guide cannot drift from the public API. JDBC calls are replaced by the strings they
 * would receive; otherwise the code is the guide's.
 */
class InputGuideExamplesTest {

  record User(String name) {}

  @Test
  void encoders_example() {
    User user = new User("<Ann & \"Bo\">");
    String query = "a&b c";
    String row = "<td title=\"" + Encoders.forHtmlAttribute(user.name()) + "\">"
        + Encoders.forHtmlContent(user.name()) + "</td>";
    String link = "/search?q=" + Encoders.forUriComponent(query);
    assertThat(row).doesNotContain("<Ann");
    org.jsoup.nodes.Element td = org.jsoup.Jsoup.parse("<table><tr>" + row).selectFirst("td");
    assertThat(td).isNotNull();
    assertThat(td.attr("title")).isEqualTo(user.name());
    assertThat(td.text()).isEqualTo(user.name());
    assertThat(link).isEqualTo("/search?q=a%26b%20c");
  }

  @Test
  void sanitizer_examples() {
    String untrusted = "<p onclick=x>hi <script>x</script><a href=\"https://e.test\">e</a></p>";
    String safe = Sanitizers.RICH_TEXT.sanitize(untrusted);
    assertThat(safe).doesNotContain("onclick").doesNotContain("script").contains("href");

    SanitizeResult result = Sanitizers.BASIC.sanitizeWithReport(untrusted);
    assertThat(result.removedAnything()).isTrue();
    assertThat(result.removedElements()).contains("script", "a");

    HtmlPolicy policy = Sanitizers.BASIC.toBuilder()
        .allowElements("ul", "ol", "li")
        .allowAttributes("title", "p")
        .allowLinks("https")
        .maxInputLength(20_000)
        .build();
    assertThat(policy.sanitize("<ul><li title=x>a</li></ul><p title=\"t\">b</p>"))
        .isEqualTo("<ul><li>a</li></ul><p title=\"t\">b</p>");
  }

  @Test
  void validation_example() {
    Map<String, String> form = Map.of("age", "200", "email", "x@example.com",
        "username", "Bad Name!", "website", "http://example.com");
    ValidationResult result = Validation.builder()
        .field("age", form.get("age"), Rules.integer(0, 150))
        .field("email", form.get("email"), Rules.email())
        .field("username", form.get("username"), Rules.length(3, 30),
            Rules.pattern(Pattern.compile("[a-z0-9_]+"), 30, "lower-case letters, digits or _"))
        .optionalField("website", form.get("website"), Rules.url("https"))
        .validate();
    assertThat(result.isValid()).isFalse();
    assertThat(result.errors()).containsOnlyKeys("age", "username", "website");
  }

  @Test
  void redirect_example() {
    RedirectPolicy redirects = RedirectPolicy.builder().allowHosts("app.example.com").build();
    String param = "//evil.com";
    String next = redirects.isSafe(param) ? param : "/";
    assertThat(next).isEqualTo("/");
  }

  @Test
  void sql_examples() {
    SqlIdentifierAllowList sort = SqlIdentifierAllowList.of(Map.of(
        "name", "u.display_name", "created", "u.created_at"));
    String orderBy = sort.orderBy("created; DROP TABLE users", "asc").orElse("u.id ASC");
    assertThat(orderBy).isEqualTo("u.id ASC");
    assertThat(sort.orderBy("name", "desc")).contains("u.display_name DESC");

    String sql = "SELECT id FROM posts WHERE title LIKE ? " + SqlLike.ESCAPE_CLAUSE;
    assertThat(sql).endsWith("ESCAPE '!'");
    assertThat(SqlLike.contains("50%_off")).isEqualTo("%50!%!_off%");
  }
}
