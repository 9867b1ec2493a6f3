package dev.bulwark.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzz contracts for the demo's parsers: the command line returns options or throws
 * {@link IllegalArgumentException}; a request body returns a JSON object or throws
 * {@link ClientError} with 400. Regression mode in {@code verify}; {@code JAZZER_FUZZ=1} to fuzz.
 */
class DemoParsersFuzzTest {

  private static final List<String> NAMES = List.of("--http-port", "--https-port", "--host",
      "--bind", "--data-dir", "--cors-origin", "--trusted-proxy", "--redis", "--login-limit",
      "--api-limit", "--jdbc-url", "--bcrypt-cost", "--help");

  @FuzzTest
  void options_parse(FuzzedDataProvider data) {
    List<String> args = new ArrayList<>();
    int count = data.consumeInt(0, 8);
    for (int i = 0; i < count; i++) {
      args.add(data.consumeBoolean() ? data.pickValue(NAMES) : data.consumeString(40));
    }
    DemoOptions options;
    try {
      options = DemoOptions.parse(args.toArray(new String[0]));
    } catch (IllegalArgumentException expected) {
      assertThat(expected.getMessage()).isNotBlank();
      return;
    }
    assertThat(options.httpPort()).isBetween(0, 65_535);
    assertThat(options.httpsPort()).isBetween(0, 65_535);
    assertThat(options.loginLimit().count()).isPositive();
    assertThat(options.bcryptCost()).isBetween(10, 31);
  }

  @FuzzTest
  void body_parseObject(FuzzedDataProvider data) {
    byte[] body = data.consumeRemainingAsBytes();
    JsonObject object;
    try {
      object = Requests.parseObject(body);
    } catch (ClientError expected) {
      assertThat(expected.status()).isEqualTo(400);
      return;
    }
    assertThat(object).isNotNull();
  }
}
