package dev.bulwark.servlet;

/** {@link RateLimitFilter} over real HTTP in embedded Tomcat 11 (own surefire execution). */
class RateLimitFilterTomcatTest extends RateLimitFilterContainerTest {

  @Override
  EmbeddedContainer newContainer() {
    return new TomcatContainer();
  }
}
