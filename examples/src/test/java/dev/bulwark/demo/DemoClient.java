package dev.bulwark.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A test client of a running {@link Demo}: java.net.http over HTTPS trusting only the demo's
 * own certificate, with its own cookie jar (one client = one browser), redirects not followed;
 * and a raw socket for requests HttpClient refuses to send (a foreign {@code Host}, malformed
 * request lines).
 */
final class DemoClient {

  /** What a browser sends on a same-origin form post or fetch. */
  static final String[] SAME_ORIGIN = {"Sec-Fetch-Site", "same-origin"};

  private final Demo demo;
  private final SSLContext tls;
  private final HttpClient http;

  /**
   * Starts a demo on free ports with {@code dataDir}, its start-up messages discarded.
   *
   * @param options further command-line options
   */
  static Demo startQuietly(Path dataDir, String... options) throws Exception {
    List<String> args = new ArrayList<>(List.of("--http-port", "0", "--https-port", "0",
        "--data-dir", dataDir.toString()));
    args.addAll(List.of(options));
    return Demo.start(DemoOptions.parse(args.toArray(String[]::new)),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  DemoClient(Demo demo) throws Exception {
    this.demo = demo;
    this.tls = trusting(demo.certificatePath());
    this.http = HttpClient.newBuilder()
        .sslContext(tls)
        .cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  static SSLContext trusting(Path certificate) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    try (InputStream in = Files.newInputStream(certificate)) {
      trust.setCertificateEntry("demo",
          CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }

  URI https(String pathAndQuery) {
    return demo.httpsBase().resolve(pathAndQuery);
  }

  URI http(String pathAndQuery) {
    return URI.create("http://localhost:" + demo.httpPort()).resolve(pathAndQuery);
  }

  HttpResponse<String> get(String path, String... headers) throws Exception {
    return send(HttpRequest.newBuilder(https(path)).GET(), headers);
  }

  HttpResponse<String> send(URI uri, String method, String... headers) throws Exception {
    return send(HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody()),
        headers);
  }

  HttpResponse<String> postForm(String path, Map<String, String> fields, String... headers)
      throws Exception {
    String body = fields.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(https(path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)), headers);
  }

  HttpResponse<String> json(String method, String path, String body, String... headers)
      throws Exception {
    return send(HttpRequest.newBuilder(https(path))
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body)), headers);
  }

  HttpResponse<String> send(HttpRequest.Builder request, String... headers) throws Exception {
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Signs up (which signs in) a new user; fails the test unless the demo answers 303. */
  void signUp(String username, String password) throws Exception {
    HttpResponse<String> response = postForm("/signup",
        Map.of("username", username, "password", password), SAME_ORIGIN);
    if (response.statusCode() != 303) {
      throw new AssertionError("sign-up of " + username + " answered " + response.statusCode()
          + ": " + response.body());
    }
  }

  HttpResponse<String> logIn(String username, String password, String... headers)
      throws Exception {
    List<String> all = new ArrayList<>(List.of(SAME_ORIGIN));
    all.addAll(List.of(headers));
    return postForm("/login", Map.of("username", username, "password", password),
        all.toArray(new String[0]));
  }

  /** Sends bytes as they are on a fresh plain-HTTP connection; returns the whole response. */
  String raw(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", demo.httpPort())) {
      return exchange(socket, request);
    }
  }

  /** Sends bytes as they are on a fresh TLS connection; returns the whole response. */
  String rawTls(String request) throws IOException {
    try (Socket socket = tls.getSocketFactory().createSocket("localhost", demo.httpsPort())) {
      return exchange(socket, request);
    }
  }

  private static String exchange(Socket socket, String request) throws IOException {
    socket.setSoTimeout(10_000);
    OutputStream out = socket.getOutputStream();
    out.write(request.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    ByteArrayOutputStream response = new ByteArrayOutputStream();
    socket.getInputStream().transferTo(response);
    return response.toString(StandardCharsets.ISO_8859_1);
  }

  private static String encode(String text) {
    return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
