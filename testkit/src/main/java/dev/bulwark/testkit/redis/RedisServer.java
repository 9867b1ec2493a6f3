package dev.bulwark.testkit.redis;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code redis-server} process on a loopback port, without persistence, stopped by its PID:
 * for tests and benchmarks of Redis-backed stores. Needs the {@code redis-server} program
 * (Debian package {@code redis-server}); pair tests with
 * {@code @RequiresTool("redis-server")}. Not thread-safe.
 */
public final class RedisServer implements AutoCloseable {

  private final int port;
  private final Process process;

  private RedisServer(int port, Process process) {
    this.port = port;
    this.process = process;
  }

  /**
   * A free TCP port on the loopback interface.
   *
   * @return the port
   */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts a server on a free port.
   *
   * @return the running server
   */
  public static RedisServer start() {
    return start(freePort());
  }

  /**
   * Starts a server on {@code port} and waits until it accepts connections.
   *
   * @param port the port the server answers on (for TLS, pass {@code --port 0 --tls-port}
   *     with this port in {@code extraArgs})
   * @param extraArgs further {@code redis-server} arguments; later ones override earlier ones
   * @return the running server
   */
  public static RedisServer start(int port, String... extraArgs) {
    try {
      File log = Files.createTempFile("redis-test", ".log").toFile();
      log.deleteOnExit();
      List<String> command = new ArrayList<>(List.of("redis-server", "--port",
          Integer.toString(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"));
      command.addAll(List.of(extraArgs));
      Process process = new ProcessBuilder(command)
          .redirectErrorStream(true).redirectOutput(log).start();
      RedisServer server = new RedisServer(port, process);
      server.awaitListening();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitListening() throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() - deadline < 0) {
      if (!process.isAlive()) {
        throw new IOException("redis-server exited with " + process.exitValue());
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return;
      } catch (IOException notYet) {
        Thread.onSpinWait();
      }
    }
    kill();
    throw new IOException("redis-server did not listen on port " + port + " within 10 s");
  }

  /**
   * The port.
   *
   * @return the port
   */
  public int port() {
    return port;
  }

  /**
   * The plain-text URI.
   *
   * @return {@code redis://127.0.0.1:port}
   */
  public String uri() {
    return "redis://127.0.0.1:" + port;
  }

  /**
   * Whether the process is still running.
   *
   * @return {@code true} until it exits or is killed
   */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** Kills the process (SIGKILL) by its PID and waits for it to exit. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    kill();
  }
}
