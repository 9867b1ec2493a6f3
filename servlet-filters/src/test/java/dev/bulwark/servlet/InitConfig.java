package dev.bulwark.servlet;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A FilterConfig holding only a name and init-params, as {@code web.xml} provides them. */
record InitConfig(String name, Map<String, String> params) implements FilterConfig {

  /** A config from alternating names and values. */
  static InitConfig of(String name, String... nameValuePairs) {
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      params.put(nameValuePairs[i], nameValuePairs[i + 1]);
    }
    return new InitConfig(name, params);
  }

  @Override
  public String getFilterName() {
    return name;
  }

  @Override
  public ServletContext getServletContext() {
    throw new UnsupportedOperationException("filters need no ServletContext at init()");
  }

  @Override
  public String getInitParameter(String param) {
    return params.get(param);
  }

  @Override
  public Enumeration<String> getInitParameterNames() {
    return Collections.enumeration(params.keySet());
  }
}
