package dev.bulwark.http;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A request for core's own tests (core cannot use bulwark-testkit, which depends on it). */
public record TestRequest(String method, String scheme, String host, int port,
    List<String[]> headerLines, String remoteAddress) implements HttpRequestView {

  public static TestRequest from(String remoteAddress) {
    return new TestRequest("GET", "http", "backend.internal", 8080, new ArrayList<>(),
        remoteAddress);
  }

  public TestRequest with(String name, String value) {
    List<String[]> lines = new ArrayList<>(headerLines);
    lines.add(new String[] {name, value});
    return new TestRequest(method, scheme, host, port, lines, remoteAddress);
  }

  public TestRequest method(String newMethod) {
    return new TestRequest(newMethod, scheme, host, port, headerLines, remoteAddress);
  }

  public TestRequest at(String newScheme, String newHost, int newPort) {
    return new TestRequest(method, newScheme, newHost, newPort, headerLines, remoteAddress);
  }

  @Override
  public String path() {
    return "/";
  }

  @Override
  public @Nullable String query() {
    return null;
  }

  @Override
  public List<String> headers(String name) {
    List<String> values = new ArrayList<>();
    for (String[] line : headerLines) {
      if (Ascii.equalsIgnoreCase(line[0], name)) {
        values.add(line[1]);
      }
    }
    return values;
  }
}
