package dev.bulwark.servlet;

import dev.bulwark.headers.SecurityHeadersPolicies;
import dev.bulwark.headers.SecurityHeadersPolicy;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The test server {@code scripts/check-headers.sh} scans with the MDN HTTP Observatory and whose
 * CSPs it feeds to Google's CSP evaluator. Not part of the test suite: started by the script as
 * {@code java dev.bulwark.servlet.HeadersCheckServer <http-port> <https-port> <keystore.p12>
 * <password>}, on 127.0.0.1 only, and stopped by PID.
 *
 * <p>{@code /*} carries {@link SecurityHeadersPolicies#recommended()}, {@code /nonce/*}
 * {@link SecurityHeadersPolicies#recommendedWithNonce()}. Both add
 * {@code Strict-Transport-Security} and plain HTTP is redirected to HTTPS here only because the
 * scanner grades them; in an application {@code HttpsRedirectFilter} owns both.
 */
final class HeadersCheckServer {

  private static final String HSTS = "max-age=63072000; includeSubDomains";

  private HeadersCheckServer() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      throw new IllegalArgumentException(
          "usage: HeadersCheckServer <http-port> <https-port> <keystore.p12> <password>");
    }
    int httpPort = Integer.parseInt(args[0]);
    int httpsPort = Integer.parseInt(args[1]);
    Server server = new Server();

    HttpConfiguration http = new HttpConfiguration();
    http.setSecurePort(httpsPort);
    http.setSendServerVersion(false);
    ServerConnector plain = new ServerConnector(server, new HttpConnectionFactory(http));
    plain.setHost("127.0.0.1");
    plain.setPort(httpPort);

    HttpConfiguration https = new HttpConfiguration(http);
    https.addCustomizer(new SecureRequestCustomizer());
    SslContextFactory.Server tls = new SslContextFactory.Server();
    tls.setKeyStorePath(args[2]);
    tls.setKeyStorePassword(args[3]);
    tls.setKeyStoreType("PKCS12");
    ServerConnector secure = new ServerConnector(server,
        new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory(https));
    secure.setHost("127.0.0.1");
    secure.setPort(httpsPort);
    server.addConnector(plain);
    server.addConnector(secure);

    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(new ServletHolder("page", new Page()), "/*");
    filter(context, "to-https", new ToHttps(httpsPort), "/*");
    filter(context, "nonce", new SecurityHeadersFilter(withHsts(
        SecurityHeadersPolicies.recommendedWithNonce())), "/nonce/*");
    filter(context, "headers", new SecurityHeadersFilter(withHsts(
        SecurityHeadersPolicies.recommended())), "/*");
    server.setHandler(context);
    server.start();
    System.out.println("READY http=" + plain.getLocalPort() + " https=" + secure.getLocalPort());
    server.join();
  }

  private static SecurityHeadersPolicy withHsts(SecurityHeadersPolicy policy) {
    return policy.toBuilder().header("Strict-Transport-Security", HSTS).build();
  }

  private static void filter(ServletContextHandler context, String name, Filter filter,
      String pattern) {
    FilterHolder holder = new FilterHolder(filter);
    holder.setName(name);
    context.addFilter(holder, pattern, EnumSet.of(DispatcherType.REQUEST));
  }

  /** Plain HTTP: a 301 to the same path on HTTPS (the scanner's redirection test). */
  private static final class ToHttps implements Filter {

    private final int httpsPort;

    ToHttps(int httpsPort) {
      this.httpsPort = httpsPort;
    }

    @Override
    public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res,
        jakarta.servlet.FilterChain chain) throws IOException, jakarta.servlet.ServletException {
      if (req.isSecure()) {
        chain.doFilter(req, res);
        return;
      }
      HttpServletResponse response = (HttpServletResponse) res;
      String port = httpsPort == 443 ? "" : ":" + httpsPort;
      response.setStatus(301);
      response.setHeader("Location",
          "https://localhost" + port + ((HttpServletRequest) req).getRequestURI());
    }
  }

  /** A small HTML page that loads nothing. */
  private static final class Page extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      byte[] body = ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
          + "<title>Bulwark headers check</title></head><body><p>ok</p></body></html>")
          .getBytes(StandardCharsets.UTF_8);
      response.setContentType("text/html;charset=utf-8");
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
    }
  }
}
