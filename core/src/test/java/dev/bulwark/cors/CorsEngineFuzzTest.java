package dev.bulwark.cors;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bulwark.http.HttpResponseHeaders;
import dev.bulwark.http.TestRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzz contract for the CORS engine: any request yields a decision (never an exception), the
 * headers written never contain a control character, and an allowed origin is never one the
 * policy does not list.
 */
class CorsEngineFuzzTest {

  private static final CorsEngine ENGINE = CorsEngine.of(CorsPolicy.builder()
      .allowOrigins("https://app.example.com", "https://*.example.com")
      .allowMethods("GET", "PUT").allowHeaders("Content-Type").allowCredentials()
      .allowPrivateNetwork().build());

  @FuzzTest
  void decide_neverThrows_andWritesCleanHeaders(FuzzedDataProvider data) {
    TestRequest request = TestRequest.from("198.51.100.1")
        .method(data.consumeBoolean() ? "OPTIONS" : data.consumeString(8));
    int lines = data.consumeInt(0, 5);
    String[] names = {"Origin", "Access-Control-Request-Method",
        "Access-Control-Request-Headers", "Access-Control-Request-Private-Network"};
    for (int i = 0; i < lines; i++) {
      request = request.with(data.pickValue(names), data.consumeString(200));
    }
    CorsDecision decision = ENGINE.decide(request);
    List<String> values = new ArrayList<>();
    decision.writeHeaders(new HttpResponseHeaders() {
      @Override
      public List<String> get(String name) {
        return List.of();
      }

      @Override
      public void set(String name, String value) {
        values.add(value);
      }

      @Override
      public void add(String name, String value) {
        values.add(value);
      }
    });
    for (String value : values) {
      assertThat(value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)).as(value).isTrue();
    }
    String allowed = decision.allowOrigin();
    if (allowed != null) {
      assertThat(allowed.equals("https://app.example.com")
          || (allowed.startsWith("https://") && allowed.endsWith(".example.com")
              && allowed.substring(8, allowed.length() - 12).indexOf('.') < 0))
          .as(allowed).isTrue();
    }
  }
}
