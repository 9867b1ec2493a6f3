package dev.bulwark.servlet;

import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.ErrorPage;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/** Embedded Tomcat 11 (Servlet 6.1), no RemoteIpValve. */
final class TomcatContainer implements EmbeddedContainer {

  private final Tomcat tomcat = new Tomcat();
  private final Options options;
  private Path baseDir;

  TomcatContainer() {
    this(Options.DEFAULT);
  }

  TomcatContainer(Options options) {
    this.options = options;
  }

  @Override
  public int start(List<Mount> mounts, HttpServlet application) throws Exception {
    baseDir = Files.createTempDirectory("bulwark-tomcat");
    tomcat.setBaseDir(baseDir.toString());
    Connector connector = new Connector();
    connector.setPort(0);
    connector.setProperty("address", "127.0.0.1");
    connector.setXpoweredBy(options.poweredBy());
    tomcat.setConnector(connector);
    StandardContext context = (StandardContext) tomcat.addContext("", null);
    // These leak checks need --add-opens and only print warnings at stop; nothing leaks here.
    context.setClearReferencesThreadLocals(false);
    context.setClearReferencesRmiTargets(false);
    Tomcat.addServlet(context, "app", application)
        .setAsyncSupported(true); // the application may read bodies asynchronously
    context.addServletMapping("/*", "app");
    for (Map.Entry<Object, String> page : options.errorPages().entrySet()) {
      ErrorPage errorPage = new ErrorPage();
      if (page.getKey() instanceof Integer code) {
        errorPage.setErrorCode(code);
      } else {
        errorPage.setExceptionType(((Class<?>) page.getKey()).getName());
      }
      errorPage.setLocation(page.getValue());
      context.addErrorPage(errorPage);
    }
    for (Mount mount : mounts) {
      FilterDef def = new FilterDef();
      def.setFilterName(mount.name());
      def.setAsyncSupported("true");
      if (mount.instance() != null) {
        def.setFilter(mount.instance());
      } else {
        def.setFilterClass(CorsFilter.class.getName());
      }
      for (Map.Entry<String, String> param : mount.initParams().entrySet()) {
        def.addInitParameter(param.getKey(), param.getValue());
      }
      context.addFilterDef(def);
      FilterMap map = new FilterMap();
      map.setFilterName(mount.name());
      map.addURLPattern("/" + mount.name() + "/*");
      context.addFilterMap(map);
    }
    tomcat.start();
    // Tomcat logs a failed filter init() and keeps running without the context: fail loudly.
    if (context.getState() != LifecycleState.STARTED) {
      throw new IllegalStateException("Tomcat context did not start: " + context.getState());
    }
    return connector.getLocalPort();
  }

  @Override
  public void stop() throws Exception {
    tomcat.stop();
    tomcat.destroy();
    if (baseDir != null) {
      deleteTree(baseDir);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
