package dev.bulwark.servlet;

/** {@link SecurityHeadersConfiguredContainerTest} in embedded Jetty. */
class SecurityHeadersConfiguredJettyTest extends SecurityHeadersConfiguredContainerTest {

  @Override
  EmbeddedContainer newContainer(EmbeddedContainer.Options options) {
    return new JettyContainer(options);
  }

  @Override
  boolean addsPoweredByBelowTheServletApi() {
    return true;
  }
}
