package dev.bulwark.servlet;

/** {@link SecurityHeadersConfiguredContainerTest} in embedded Tomcat. */
class SecurityHeadersConfiguredTomcatTest extends SecurityHeadersConfiguredContainerTest {

  @Override
  EmbeddedContainer newContainer(EmbeddedContainer.Options options) {
    return new TomcatContainer(options);
  }

  @Override
  boolean addsPoweredByBelowTheServletApi() {
    return false;
  }
}
