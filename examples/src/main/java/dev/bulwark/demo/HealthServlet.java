package dev.bulwark.demo;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.sql.SQLException;
import java.security.GeneralSecurityException;
import java.io.IOException;

/**
 * {@code GET /health}: {@code {"status":"UP"}}. Served on plain HTTP too (excluded from the HTTPS
 * redirect) and never rate-limited, so a load balancer can probe it.
 */
final class HealthServlet extends DemoServlet {

  HealthServlet() {
    super("GET", "HEAD");
  }

  @Override
  void handle(String method, HttpServletRequest request, HttpServletResponse response)
      throws ClientError, IOException, SQLException, GeneralSecurityException {
    Responses.write(response, "application/json", "{\"status\":\"UP\"}");
  }
}
