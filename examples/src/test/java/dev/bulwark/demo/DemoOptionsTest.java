package dev.bulwark.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DemoOptionsTest {

  @Test
  void parse_noArguments_givesTheDocumentedDefaults() {
    DemoOptions options = DemoOptions.parse();

    assertThat(options.httpPort()).isEqualTo(8080);
    assertThat(options.httpsPort()).isEqualTo(8443);
    assertThat(options.host()).isEqualTo("localhost");
    assertThat(options.bind()).isEqualTo("127.0.0.1");
    assertThat(options.dataDir()).isEqualTo(Path.of("bulwark-demo-data"));
    assertThat(options.corsOrigins()).isEmpty();
    assertThat(options.trustedProxies()).isEmpty();
    assertThat(options.redis()).isEmpty();
    assertThat(options.jdbcUrl()).isEmpty();
    assertThat(options.loginLimit()).isEqualTo(new RatePerPeriod(5, Duration.ofMinutes(1)));
    assertThat(options.apiLimit()).isEqualTo(new RatePerPeriod(60, Duration.ofMinutes(1)));
    assertThat(options.bcryptCost()).isEqualTo(12);
    assertThat(options.help()).isFalse();
  }

  @Test
  void parse_everyOption_inBothForms() {
    DemoOptions options = DemoOptions.parse("--http-port=0", "--https-port", "0", "--host",
        "demo.example.test", "--data-dir", "/tmp/d", "--cors-origin", "https://a.example",
        "--cors-origin=https://*.b.example", "--trusted-proxy", "10.0.0.0/8",
        "--trusted-proxy", "::1/128", "--redis", "redis://localhost:6379", "--login-limit",
        "10/30s", "--api-limit", "100/PT1H", "--jdbc-url", "jdbc:postgresql://db/demo",
        "--bcrypt-cost", "11", "--bind", "0.0.0.0");

    assertThat(options.httpPort()).isZero();
    assertThat(options.httpsPort()).isZero();
    assertThat(options.host()).isEqualTo("demo.example.test");
    assertThat(options.corsOrigins()).containsExactly("https://a.example", "https://*.b.example");
    assertThat(options.trustedProxies()).containsExactly("10.0.0.0/8", "::1/128");
    assertThat(options.redis()).contains("redis://localhost:6379");
    assertThat(options.loginLimit()).isEqualTo(new RatePerPeriod(10, Duration.ofSeconds(30)));
    assertThat(options.apiLimit()).isEqualTo(new RatePerPeriod(100, Duration.ofHours(1)));
    assertThat(options.jdbcUrl()).contains("jdbc:postgresql://db/demo");
    assertThat(options.bcryptCost()).isEqualTo(11);
    assertThat(options.bind()).isEqualTo("0.0.0.0");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--http-port|70000|--http-port",
      "--http-port|eighty|--http-port",
      "--https-port|-1|--https-port",
      "--host|evil/path|--host",
      "--cors-origin|*|--cors-origin",
      "--cors-origin|https://a.example/path|--cors-origin",
      "--trusted-proxy|10.0.0.0/33|--trusted-proxy",
      "--redis|http://localhost|--redis",
      "--login-limit|5|--login-limit",
      "--login-limit|0/1m|--login-limit",
      "--login-limit|5/forever|--login-limit",
      "--api-limit|x/1m|--api-limit",
      "--jdbc-url|postgresql://db|--jdbc-url",
      "--bcrypt-cost|4|--bcrypt-cost",
      "--no-such-option|1|--no-such-option"})
  void parse_badValue_namesTheOption(String option, String value, String named) {
    assertThatThrownBy(() -> DemoOptions.parse(option, value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(named)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void parse_missingValue_saysSo() {
    assertThatThrownBy(() -> DemoOptions.parse("--data-dir"))
        .hasMessage("--data-dir needs a value; run with --help for its form");
  }

  @Test
  void parse_sameHttpAndHttpsPort_isRefused() {
    assertThatThrownBy(() -> DemoOptions.parse("--http-port", "9000", "--https-port", "9000"))
        .hasMessageContaining("--http-port and --https-port");
  }

  @Test
  void main_badOption_exitsWith2AndOneLine() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code = DemoMain.run(new String[] {"--http-port", "x"}, new PrintStream(
        new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("bulwark-demo: --http-port")
        .hasLineCount(1);
  }

  @Test
  void main_help_printsEveryOptionAndExits0() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int code = DemoMain.run(new String[] {"--help"}, new PrintStream(out, true,
        StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8));

    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("--http-port", "--https-port",
        "--host", "--data-dir", "--cors-origin", "--trusted-proxy", "--redis", "--login-limit",
        "--api-limit", "--jdbc-url", "--bcrypt-cost", "--bind", "--help");
  }
}
