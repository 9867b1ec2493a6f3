package dev.bulwark.servlet;

/**
 * The CORS vectors through {@link CorsFilter} in embedded Tomcat 11. Runs in its own surefire
 * execution, with Tomcat's bundled Servlet 6.1 API instead of jakarta.servlet-api 6.0.0.
 */
class CorsVectorsTomcatTest extends CorsVectorsContainerTest {

  @Override
  EmbeddedContainer newContainer() {
    return new TomcatContainer();
  }

  @Override
  String servletApiJar() {
    return "tomcat-embed-core-11.0.27.jar";
  }
}
