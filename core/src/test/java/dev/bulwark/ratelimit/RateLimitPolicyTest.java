package dev.bulwark.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitPolicyTest {

  private static RateLimitPolicy.Builder valid() {
    return RateLimitPolicy.builder().name("api").limit(100).per(Duration.ofMinutes(1));
  }

  @Test
  void build_defaults_burstIsTheLimitAndKeyIsTheAddress() {
    RateLimitPolicy policy = valid().build();
    assertThat(policy.burst()).isEqualTo(100);
    assertThat(policy.key()).isSameAs(ClientKeys.address());
    assertThat(policy.failOpen()).isFalse();
    assertThat(policy.params().emissionIntervalNanos()).isEqualTo(600_000_000L);
    assertThat(policy.policyHeaderItem()).isEqualTo("\"api\";q=100;w=60");
  }

  @Test
  void build_subSecondPeriod_roundsTheWindowUp() {
    assertThat(valid().per(Duration.ofMillis(1_500)).build().policyHeaderItem())
        .isEqualTo("\"api\";q=100;w=2");
  }

  @Test
  void build_missingName_isRefusedNamingIt() {
    assertThatThrownBy(() -> RateLimitPolicy.builder().limit(1).per(Duration.ofSeconds(1))
        .build()).hasMessageContaining("name is required");
  }

  @Test
  void build_nameWithQuote_isRefused() {
    assertThatThrownBy(() -> valid().name("a\"b").build()).hasMessageContaining("name must be");
    assertThatThrownBy(() -> valid().name("x".repeat(65)).build())
        .hasMessageContaining("name must be");
  }

  @Test
  void build_zeroLimit_isRefusedNamingTheFix() {
    assertThatThrownBy(() -> valid().limit(0).build())
        .hasMessageContaining("limit must be at least 1").hasMessageContaining("exempt");
  }

  @Test
  void build_missingPeriod_isRefused() {
    assertThatThrownBy(() -> RateLimitPolicy.builder().name("a").limit(1).build())
        .hasMessageContaining("period is required");
  }

  @Test
  void build_periodOutOfRange_isRefused() {
    assertThatThrownBy(() -> valid().per(Duration.ofNanos(999_999)).build())
        .hasMessageContaining("period must be 1 ms to 366 days");
    assertThatThrownBy(() -> valid().per(Duration.ofDays(367)).build())
        .hasMessageContaining("period must be 1 ms to 366 days");
  }

  @Test
  void build_zeroOrNegativeBurst_isRefused() {
    assertThatThrownBy(() -> valid().burst(0).build()).hasMessageContaining("burst must be");
    assertThatThrownBy(() -> valid().burst(-1).build()).hasMessageContaining("burst must be");
  }

  @Test
  void build_hugeBurst_isRefused() {
    assertThatThrownBy(() -> valid().per(Duration.ofDays(366)).limit(1).burst(Long.MAX_VALUE)
        .build()).hasMessageContaining("burst is too large");
  }

  @Test
  void toBuilder_keepsEverySetting() {
    RateLimitPolicy policy = valid().burst(7).failOpen().key(ClientKeys.global()).build();
    RateLimitPolicy copy = policy.toBuilder().build();
    assertThat(copy.toString()).isEqualTo(policy.toString());
    assertThat(policy.toBuilder().limit(100).build().burst()).isEqualTo(7);
  }
}
