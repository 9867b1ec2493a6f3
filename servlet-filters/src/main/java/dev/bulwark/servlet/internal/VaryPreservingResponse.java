package dev.bulwark.servlet.internal;

import dev.bulwark.http.Ascii;
import dev.bulwark.http.HeaderTokens;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.util.ArrayList;
import java.util.List;

/**
 * A response whose {@code Vary} header only grows: when the application later calls
 * {@code setHeader("Vary", ...)}, the tokens Bulwark added are kept and merged instead of
 * being overwritten, and no token is repeated.
 */
public final class VaryPreservingResponse extends HttpServletResponseWrapper {

  private final ServletResponseHeaders headers;

  /**
   * Wraps a response.
   *
   * @param response the response Bulwark already wrote its {@code Vary} tokens to
   */
  public VaryPreservingResponse(HttpServletResponse response) {
    super(response);
    this.headers = new ServletResponseHeaders(response);
  }

  @Override
  public void setHeader(String name, String value) {
    if (Ascii.equalsIgnoreCase("Vary", name) && value != null) {
      merge(value);
      return;
    }
    super.setHeader(name, value);
  }

  @Override
  public void addHeader(String name, String value) {
    if (Ascii.equalsIgnoreCase("Vary", name) && value != null) {
      merge(value);
      return;
    }
    super.addHeader(name, value);
  }

  private void merge(String value) {
    List<String> tokens = new ArrayList<>();
    for (String part : value.split(",", -1)) {
      String token = part.strip();
      if (!token.isEmpty()) {
        tokens.add(token);
      }
    }
    if (tokens.contains("*")) {
      super.setHeader("Vary", "*");
      return;
    }
    HeaderTokens.mergeInto(headers, "Vary", tokens.toArray(String[]::new));
  }
}
