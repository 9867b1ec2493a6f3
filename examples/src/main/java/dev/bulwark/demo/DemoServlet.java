package dev.bulwark.demo;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.sql.SQLException;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * The demo's servlets: each handles the methods it lists; a {@link ClientError} becomes its
 * status with a fixed message, anything else a 500 whose details go to the log only. No
 * response ever carries a stack trace. (A plain {@link Servlet}, not {@code HttpServlet}: nothing
 * here is meant to be serialized, and no method is dispatched implicitly.)
 */
abstract class DemoServlet implements Servlet {

  private static final Logger LOG = Logger.getLogger(DemoServlet.class.getName());

  private final Set<String> methods;
  private @Nullable ServletConfig config;

  DemoServlet(String... methods) {
    this.methods = Set.of(methods);
  }

  /** Handles a request whose method is one of this servlet's. */
  abstract void handle(String method, HttpServletRequest request, HttpServletResponse response)
      throws ClientError, IOException, SQLException, GeneralSecurityException;

  @Override
  public final void init(ServletConfig servletConfig) {
    this.config = servletConfig;
  }

  @Override
  public final @Nullable ServletConfig getServletConfig() {
    return config;
  }

  @Override
  public final String getServletInfo() {
    return getClass().getSimpleName();
  }

  @Override
  public final void destroy() {
    // nothing to release: the demo owns the stores
  }

  @Override
  public final void service(ServletRequest req, ServletResponse res) throws IOException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    String path = Requests.path(request);
    String method = request.getMethod();
    try {
      if (!methods.contains(method)) {
        response.setHeader("Allow", String.join(", ", methods));
        throw new ClientError(405, "Method Not Allowed", "This path does not take that method.");
      }
      handle(method, request, response);
    } catch (ClientError e) {
      Responses.error(path, response, e.status(), e.title(), e.getMessage());
    } catch (IOException | SQLException | GeneralSecurityException | RuntimeException e) {
      LOG.log(Level.WARNING, "request failed", e);
      Responses.error(path, response, 500, "Internal Server Error",
          "Something went wrong on the server; it has been logged.");
    }
  }
}
