package dev.bulwark.servlet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** Embedded Jetty 12 (ee10, Servlet 6.0), no forwarded-header customizer. */
final class JettyContainer implements EmbeddedContainer {

  private final Server server = new Server();
  private final Options options;

  JettyContainer() {
    this(Options.DEFAULT);
  }

  JettyContainer(Options options) {
    this.options = options;
  }

  @Override
  public int start(List<Mount> mounts, HttpServlet application) throws Exception {
    HttpConfiguration http = new HttpConfiguration();
    http.setSendXPoweredBy(options.poweredBy());
    ServerConnector connector =
        new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    ServletHolder app = new ServletHolder("app", application);
    app.setAsyncSupported(true); // the application may read bodies asynchronously
    context.addServlet(app, "/*");
    if (!options.errorPages().isEmpty()) {
      ErrorPageErrorHandler errors = new ErrorPageErrorHandler();
      for (Map.Entry<Object, String> page : options.errorPages().entrySet()) {
        if (page.getKey() instanceof Integer code) {
          errors.addErrorPage(code, page.getValue());
        } else {
          errors.addErrorPage(((Class<?>) page.getKey()).asSubclass(Throwable.class),
              page.getValue());
        }
      }
      context.setErrorHandler(errors);
    }
    for (Mount mount : mounts) {
      FilterHolder holder = mount.instance() != null
          ? new FilterHolder(mount.instance()) : new FilterHolder(CorsFilter.class);
      holder.setName(mount.name());
      holder.setInitParameters(mount.initParams());
      holder.setAsyncSupported(true);
      context.addFilter(holder, "/" + mount.name() + "/*", EnumSet.of(DispatcherType.REQUEST));
    }
    server.setHandler(context);
    server.start();
    return connector.getLocalPort();
  }

  @Override
  public void stop() throws Exception {
    server.stop();
  }
}
