package dev.bulwark.servlet;

/** The CORS vectors through {@link CorsFilter} in embedded Jetty 12 (ee10). */
class CorsVectorsJettyTest extends CorsVectorsContainerTest {

  @Override
  EmbeddedContainer newContainer() {
    return new JettyContainer();
  }

  @Override
  String servletApiJar() {
    return "jakarta.servlet-api-6.0.0.jar";
  }
}
