package dev.bulwark.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bulwark.time.NanoClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuzz contracts for the rate-limit parsers: each returns a valid value or throws the
 * documented {@link IllegalArgumentException}. Regression mode in {@code verify} over the seeds
 * in {@code src/test/resources}; {@code JAZZER_FUZZ=1} to fuzz.
 */
class RateLimitParsersFuzzTest {

  @FuzzTest
  void periods_parse(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    Duration period;
    try {
      period = Periods.parse(text);
    } catch (IllegalArgumentException expected) {
      return;
    }
    assertThat(period).isPositive();
    assertThat(period).isLessThanOrEqualTo(RateLimitPolicy.MAX_PERIOD);
  }

  @FuzzTest
  void settings_engine(FuzzedDataProvider data) {
    List<String> names = new ArrayList<>(RateLimitSettings.NAMES);
    names.sort(null);
    Map<String, String> settings = new HashMap<>();
    int count = data.consumeInt(0, 8);
    for (int i = 0; i < count; i++) {
      String name = data.consumeBoolean() ? data.pickValue(names) : data.consumeString(12);
      settings.put(name, data.consumeString(40));
    }
    RateLimitEngine engine;
    try {
      engine = RateLimitSettings.of(settings).engine(NanoClock.system(), RateLimitListener.NONE);
    } catch (IllegalArgumentException expected) {
      return;
    }
    assertThat(engine.rules()).hasSize(1);
    RateLimitPolicy policy = engine.rules().get(0).limiter().policy();
    assertThat(policy.limit()).isPositive();
    assertThat(policy.policyHeaderItem()).matches("\"[A-Za-z0-9._-]+\";q=[0-9]+;w=[0-9]+");
  }
}
