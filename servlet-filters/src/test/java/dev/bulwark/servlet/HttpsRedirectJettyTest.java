package dev.bulwark.servlet;

/** {@link HttpsRedirectFilter} in embedded Jetty 12 (ee10). */
class HttpsRedirectJettyTest extends HttpsRedirectContainerTest {

  @Override
  EmbeddedContainer newContainer() {
    return new JettyContainer();
  }
}
