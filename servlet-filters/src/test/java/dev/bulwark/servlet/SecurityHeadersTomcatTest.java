package dev.bulwark.servlet;

/**
 * {@link SecurityHeadersFilter} in embedded Tomcat 11. Runs in its own surefire execution, with
 * Tomcat's bundled Servlet 6.1 API.
 */
class SecurityHeadersTomcatTest extends SecurityHeadersContainerTest {

  @Override
  EmbeddedContainer newContainer() {
    return new TomcatContainer();
  }
}
