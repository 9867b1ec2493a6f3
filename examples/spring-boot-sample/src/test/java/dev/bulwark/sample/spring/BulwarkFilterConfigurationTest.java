package dev.bulwark.sample.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Start-up with the default settings, and with bad ones. */
class BulwarkFilterConfigurationTest {

  /** As SpringApplication sets it up: Boot's conversions ("1m" to a Duration, lists). */
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withInitializer(context -> context.getBeanFactory()
          .setConversionService(ApplicationConversionService.getSharedInstance()))
      .withUserConfiguration(BulwarkFilterConfiguration.class);

  @Test
  void defaults_withoutCorsOrigins_startWithoutTheCorsFilter() {
    runner.run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context).hasBean("bulwarkSecurityHeaders").hasBean("bulwarkHttpsRedirect")
          .hasBean("bulwarkFetchMetadata").hasBean("bulwarkRateLimit")
          .doesNotHaveBean("bulwarkCors");
    });
  }

  @Test
  void corsOrigins_registerTheCorsFilter() {
    runner.withPropertyValues("bulwark.sample.cors-origins=https://app.example.test")
        .run(context -> assertThat(context).hasNotFailed().hasBean("bulwarkCors"));
  }

  @Test
  void badTrustedProxy_stopsStartUp_namingTheValue() {
    runner.withPropertyValues("bulwark.sample.trusted-proxies=10.0.0.0/33")
        .run(context -> assertThat(context).hasFailed().getFailure()
            .hasStackTraceContaining("10.0.0.0/33"));
  }

  @Test
  void wildcardOriginWithCredentials_stopsStartUp() {
    runner.withPropertyValues("bulwark.sample.cors-origins=*")
        .run(context -> assertThat(context).hasFailed());
  }

  @Test
  void zeroLimit_stopsStartUp() {
    runner.withPropertyValues("bulwark.sample.api-limit=0")
        .run(context -> assertThat(context).hasFailed());
  }
}
