package dev.bulwark.demo;

import dev.bulwark.crypto.password.PasswordHasher;
import dev.bulwark.ratelimit.LocalRateLimitStore;
import dev.bulwark.ratelimit.RateLimiter;
import dev.bulwark.ratelimit.redis.RedisRateLimitStore;
import dev.bulwark.ratelimit.spi.RateLimitStore;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The running demo: embedded Jetty 12 with an HTTP and an HTTPS connector, Bulwark's filters
 * ({@link SecurityChain}) and the demo's servlets, over the files of the data directory.
 * {@link #start(DemoOptions)} returns once both ports accept connections; {@link #close()} stops
 * everything and releases the database, so a second start can reuse the directory.
 */
public final class Demo implements AutoCloseable {

  /** The session cookie's name; {@code __Host-} makes browsers insist on Secure and Path=/. */
  public static final String SESSION_COOKIE = "__Host-bulwark-session";

  private final Server server;
  private final int httpPort;
  private final int httpsPort;
  private final URI httpsBase;
  private final Path dataDir;
  private final Path certificatePath;
  private final List<AutoCloseable> resources;

  private Demo(Server server, int httpPort, int httpsPort, URI httpsBase, Path dataDir,
      Path certificatePath, List<AutoCloseable> resources) {
    this.server = server;
    this.httpPort = httpPort;
    this.httpsPort = httpsPort;
    this.httpsBase = httpsBase;
    this.dataDir = dataDir;
    this.certificatePath = certificatePath;
    this.resources = List.copyOf(resources);
  }

  /**
   * Starts the demo, reporting what it creates on standard output.
   *
   * @param options the options
   * @return the running demo
   * @throws Exception when a file cannot be created or read, the database cannot be opened or a
   *     port is taken; the message says which
   */
  public static Demo start(DemoOptions options) throws Exception {
    return start(options, System.out);
  }

  /**
   * Starts the demo.
   *
   * @param options the options
   * @param out where to report what it creates
   * @return the running demo
   * @throws Exception as {@link #start(DemoOptions)}
   */
  public static Demo start(DemoOptions options, PrintStream out) throws Exception {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(out, "out");
    List<AutoCloseable> resources = new ArrayList<>();
    try {
      return start(options, out, resources);
    } catch (Exception | Error e) {
      closeAll(resources);
      throw e;
    }
  }

  private static Demo start(DemoOptions options, PrintStream out, List<AutoCloseable> resources)
      throws Exception {
    SecureRandom random = new SecureRandom();
    DataDir dir = DataDir.open(options.dataDir(), out);
    TlsMaterial tls = TlsMaterial.loadOrCreate(dir, options.host(), random);
    ProfileVault vault = ProfileVault.open(dir, random);
    Database database = Database.open(options.jdbcUrl().orElse(null), dir);
    resources.add(database);
    RateLimitStore store = store(options, out);
    if (store instanceof AutoCloseable closeable) {
      resources.add(closeable);
    }

    Server server = new Server(new QueuedThreadPool(64, 4));
    server.setStopAtShutdown(false);
    resources.add(0, server::stop);
    HttpConfiguration plain = new HttpConfiguration();
    plain.setSendServerVersion(false);
    plain.setSendXPoweredBy(false);
    HttpConfiguration secure = new HttpConfiguration(plain);
    secure.addCustomizer(new SecureRequestCustomizer());
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setKeyStore(tls.keyStore());
    ssl.setKeyStorePassword(tls.keyStorePassword());
    ServerConnector http = new ServerConnector(server, new HttpConnectionFactory(plain));
    ServerConnector https = new ServerConnector(server,
        new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(secure));
    http.setHost(options.bind());
    http.setPort(options.httpPort());
    https.setHost(options.bind());
    https.setPort(options.httpsPort());
    server.addConnector(http);
    server.addConnector(https);
    http.open();
    https.open();
    int httpPort = http.getLocalPort();
    int httpsPort = https.getLocalPort();

    ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
    context.setContextPath("/");
    context.setMaxFormContentSize(Requests.MAX_FORM);
    context.setMaxFormKeys(16);
    context.setErrorHandler(new DemoErrorHandler());
    configureSessions(context.getSessionHandler());
    SecurityChain.install(context, SecurityChain.filters(options, httpPort, httpsPort, store));

    Users users = new Users(database);
    Comments comments = new Comments(database);
    PasswordHasher hasher = PasswordHasher.bcrypt().cost(options.bcryptCost()).longPasswords()
        .build();
    LoginThrottle throttle = new LoginThrottle(
        RateLimiter.of(SecurityChain.loginPolicy(options, "login-user"), store));
    ProfileServlet profile = new ProfileServlet(users, vault);
    CommentServlet commentServlet = new CommentServlet(comments, Clock.systemUTC());
    AccountServlet accounts = new AccountServlet(users, hasher, throttle);
    context.addServlet(new ServletHolder("home", new HomeServlet(comments, profile)), "/");
    context.addServlet(new ServletHolder("accounts", accounts), "/signup");
    context.getServletHandler().addServletWithMapping(
        context.getServletHandler().getServlet("accounts"), "/login");
    context.getServletHandler().addServletWithMapping(
        context.getServletHandler().getServlet("accounts"), "/logout");
    context.addServlet(new ServletHolder("comments", commentServlet), "/comments");
    context.getServletHandler().addServletWithMapping(
        context.getServletHandler().getServlet("comments"), "/api/comments");
    context.addServlet(new ServletHolder("profile", profile), "/api/profile");
    context.addServlet(new ServletHolder("health", new HealthServlet()), "/health");
    server.setHandler(context);
    server.setErrorHandler(new DemoErrorHandler());
    server.start();

    URI base = URI.create("https://" + hostForUri(options.host()) + ":" + httpsPort + "/");
    out.println("Bulwark demo is running:");
    out.println("  " + base + "  (certificate: " + tls.certificateFile() + ")");
    out.println("  http://" + hostForUri(options.host()) + ":" + httpPort
        + "/  (redirects to HTTPS; /health answers here)");
    out.println("Try: curl --cacert " + tls.certificateFile() + " " + base + "health");
    return new Demo(server, httpPort, httpsPort, base, dir.root(), tls.certificateFile(),
        resources);
  }

  private static void configureSessions(SessionHandler sessions) {
    sessions.setSessionCookie(SESSION_COOKIE);
    sessions.setSessionPath("/");
    sessions.setHttpOnly(true);
    sessions.setSecureCookies(true);
    sessions.setSameSite(HttpCookie.SameSite.LAX);
    sessions.setUsingUriParameters(false);
    sessions.setMaxInactiveInterval(30 * 60);
  }

  private static RateLimitStore store(DemoOptions options, PrintStream out) {
    LocalRateLimitStore local = LocalRateLimitStore.create(LocalRateLimitStore.DEFAULT_MAX_KEYS);
    if (options.redis().isEmpty()) {
      return local;
    }
    out.println("Rate limits are kept in Redis (falling back to this process when it is"
        + " unreachable)");
    return RedisRateLimitStore.builder().uri(options.redis().get()).fallback(local).build();
  }

  private static String hostForUri(String host) {
    return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  /** The bound plain-HTTP port. @return the port */
  public int httpPort() {
    return httpPort;
  }

  /** The bound HTTPS port. @return the port */
  public int httpsPort() {
    return httpsPort;
  }

  /** {@code https://<host>:<port>/}. @return the base URI */
  public URI httpsBase() {
    return httpsBase;
  }

  /** The data directory, absolute. @return the directory */
  public Path dataDir() {
    return dataDir;
  }

  /** The self-signed certificate (PEM) clients trust. @return the file */
  public Path certificatePath() {
    return certificatePath;
  }

  /** Blocks until the server stops. @throws InterruptedException when interrupted */
  void join() throws InterruptedException {
    server.join();
  }

  /**
   * Stops the server, closes the rate-limit store and releases the database.
   *
   * @throws IllegalStateException when something did not stop cleanly (the rest is still
   *     closed)
   */
  @Override
  public void close() {
    try {
      closeAll(resources);
    } catch (Exception e) {
      throw new IllegalStateException("the demo did not stop cleanly: " + e, e);
    }
  }

  private static void closeAll(List<AutoCloseable> resources) throws Exception {
    Exception first = null;
    for (AutoCloseable resource : resources) {
      try {
        resource.close();
      } catch (Exception e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
