package dev.bulwark.servlet;

/** {@link SecurityHeadersFilter} in embedded Jetty 12 (ee10). */
class SecurityHeadersJettyTest extends SecurityHeadersContainerTest {

  @Override
  EmbeddedContainer newContainer() {
    return new JettyContainer();
  }
}
