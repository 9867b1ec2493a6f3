package dev.bulwark.demo.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A small web server on a loopback port, for what the browser tests need besides the demo: pages
 * served from other origins (one server per origin), and a beacon sink that records every
 * request it receives. Pages are set with {@link #page(String, String)}; any other path answers
 * 204. Every request's path is recorded in {@link #hits()}.
 *
 * <p>{@link #http(String)} binds a plain-HTTP server at once; {@link #https()} binds an HTTPS
 * one whose certificate is given later, by {@link #startHttps(Path, Path)}, so that its origin
 * (the port) is known before the demo that must allow it is started.
 */
final class LoopbackServer implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor;
  private final String origin;
  private final Map<String, String> pages = new ConcurrentHashMap<>();
  private final List<String> hits = new CopyOnWriteArrayList<>();

  private LoopbackServer(HttpServer server, String scheme, String host) {
    this.server = server;
    this.origin = scheme + "://" + host + ":" + server.getAddress().getPort();
    server.createContext("/", this::handle);
    // Handlers on their own threads: a browser opens several connections at once, and the
    // default (the dispatcher thread) stalls TLS connections behind one another.
    this.executor = Executors.newFixedThreadPool(8);
    server.setExecutor(executor);
  }

  /** A plain-HTTP server, started; {@code host} is the name its origin uses. */
  static LoopbackServer http(String host) throws IOException {
    LoopbackServer s = new LoopbackServer(HttpServer.create(loopback(), 0), "http", host);
    s.server.start();
    return s;
  }

  /** An HTTPS server for {@code https://localhost:<port>}, bound but not started. */
  static LoopbackServer https() throws IOException {
    return new LoopbackServer(HttpsServer.create(loopback(), 0), "https", "localhost");
  }

  private static InetSocketAddress loopback() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
  }

  /** Starts an {@link #https()} server with a PEM certificate and PKCS#8 EC private key. */
  LoopbackServer startHttps(Path certificatePem, Path privateKeyPem)
      throws IOException, GeneralSecurityException {
    Certificate certificate;
    try (InputStream in = Files.newInputStream(certificatePem)) {
      certificate = CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    String pem = Files.readString(privateKeyPem, StandardCharsets.US_ASCII);
    byte[] der = Base64.getMimeDecoder().decode(pem
        .replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", ""));
    PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
    char[] password = "loopback".toCharArray();
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("loopback", key, password, new Certificate[] {certificate});
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, password);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(keys.getKeyManagers(), null, null);
    ((HttpsServer) server).setHttpsConfigurator(new HttpsConfigurator(tls));
    server.start();
    return this;
  }

  /** {@code scheme://host:port}, no trailing slash. */
  String origin() {
    return origin;
  }

  /** Serves {@code html} (as {@code text/html}, no CSP) at {@code path}; returns its URL. */
  String page(String path, String html) {
    pages.put(path, html);
    return origin + path;
  }

  /** The paths (with query) requested so far, in order. */
  List<String> hits() {
    return List.copyOf(hits);
  }

  /** Forgets the requests recorded so far. */
  void clearHits() {
    hits.clear();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      String query = exchange.getRequestURI().getRawQuery();
      hits.add(query == null ? path : path + "?" + query);
      exchange.getRequestBody().readAllBytes();
      String html = pages.get(path);
      if (html == null) {
        exchange.sendResponseHeaders(204, -1);
        return;
      }
      byte[] body = html.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/html;charset=utf-8");
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
