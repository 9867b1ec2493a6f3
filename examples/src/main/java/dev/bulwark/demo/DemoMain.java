package dev.bulwark.demo;

import java.io.PrintStream;

/**
 * {@code java -jar bulwark-demo.jar [options]}: parses the options ({@link DemoOptions}), starts
 * the {@link Demo}, prints what it created and where it listens, and stops cleanly on SIGTERM or
 * Ctrl-C. Exit codes: 0 after {@code --help} or a clean stop, 2 for a bad option, 1 when the demo
 * cannot start.
 */
public final class DemoMain {

  private DemoMain() {}

  /**
   * Runs the demo.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    DemoOptions options;
    try {
      options = DemoOptions.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("bulwark-demo: " + e.getMessage());
      return 2;
    }
    if (options.help()) {
      out.println(DemoOptions.USAGE);
      return 0;
    }
    Demo demo;
    try {
      demo = Demo.start(options, out);
    } catch (Exception e) {
      err.println("bulwark-demo: cannot start: " + e);
      return 1;
    }
    Thread stopper = new Thread(() -> {
      try {
        demo.close();
        out.println("Bulwark demo stopped.");
      } catch (Exception e) {
        err.println("bulwark-demo: error while stopping: " + e);
      }
    }, "bulwark-demo-stop");
    Runtime.getRuntime().addShutdownHook(stopper);
    out.println("Stop with Ctrl-C.");
    try {
      demo.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }
}
