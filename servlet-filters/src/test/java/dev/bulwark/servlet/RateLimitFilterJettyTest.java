package dev.bulwark.servlet;

/** {@link RateLimitFilter} over real HTTP in embedded Jetty 12 (ee10). */
class RateLimitFilterJettyTest extends RateLimitFilterContainerTest {

  @Override
  EmbeddedContainer newContainer() {
    return new JettyContainer();
  }
}
