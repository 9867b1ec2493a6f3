package dev.bulwark.servlet;

/** {@link HttpsRedirectFilter} in embedded Tomcat 11 (own surefire execution). */
class HttpsRedirectTomcatTest extends HttpsRedirectContainerTest {

  @Override
  EmbeddedContainer newContainer() {
    return new TomcatContainer();
  }
}
