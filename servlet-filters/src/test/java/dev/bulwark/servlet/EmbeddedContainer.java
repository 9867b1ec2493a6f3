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
