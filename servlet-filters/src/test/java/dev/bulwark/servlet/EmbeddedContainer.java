package dev.bulwark.servlet;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import java.util.List;
import java.util.Map;

/**
 * An embedded Servlet container started once per test class on 127.0.0.1 with an ephemeral
 * port: one application servlet at {@code /*} and, in front of it, one filter per
 * {@link Mount} at {@code /<name>/*}.
 */
interface EmbeddedContainer {

  /**
   * A filter mapped to {@code /<name>/*}: either a ready instance (init-params are then not
   * used) or {@link CorsFilter} configured by the container from {@code initParams}.
   */
  record Mount(String name, Filter instance, Map<String, String> initParams) {

    static Mount initParams(String name, Map<String, String> initParams) {
      return new Mount(name, null, Map.copyOf(initParams));
    }

    static Mount instance(String name, Filter filter) {
      return new Mount(name, filter, Map.of());
    }

    /** A filter created by the test with its no-argument constructor, configured by init-params. */
    static Mount instance(String name, Filter filter, Map<String, String> initParams) {
      return new Mount(name, filter, Map.copyOf(initParams));
    }
  }

  /**
   * What a test may ask of the container beyond the defaults.
   *
   * @param errorPages error pages registered programmatically (as {@code <error-page>} in
   *     {@code web.xml} would): a status code ({@code Integer}) or an exception type
   *     ({@code Class}) to the location of the page, served by the application servlet
   * @param poweredBy whether the container itself adds {@code X-Powered-By} to every response
   *     (Tomcat: the connector's {@code xpoweredBy}; Jetty: {@code sendXPoweredBy})
   */
  record Options(Map<Object, String> errorPages, boolean poweredBy) {

    static final Options DEFAULT = new Options(Map.of(), false);

    public Options {
      errorPages = Map.copyOf(errorPages);
    }
  }

  /**
   * Starts the container.
   *
   * @return the port it listens on
   */
  int start(List<Mount> mounts, HttpServlet application) throws Exception;

  /** Stops the container and removes what it wrote to disk. */
  void stop() throws Exception;
}
