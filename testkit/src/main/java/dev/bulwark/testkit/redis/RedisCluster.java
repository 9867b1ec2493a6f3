package dev.bulwark.testkit.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Redis Cluster of {@code redis-server} processes on loopback ports (masters only, no
 * replicas, no persistence), made with {@code redis-cli --cluster create} and stopped by the
 * processes' PIDs. Nodes keep serving their slots when another node is down
 * ({@code cluster-require-full-coverage no}). Needs {@code redis-server} and {@code redis-cli}
 * (Debian packages {@code redis-server} and {@code redis-tools}); pair tests with
 * {@code @RequiresTool({"redis-server", "redis-cli"})}. Not thread-safe.
 */
public final class RedisCluster implements AutoCloseable {

  private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(20);

  private final List<RedisServer> nodes;
  private final Path directory;
  private final String password;

  private RedisCluster(List<RedisServer> nodes, Path directory, String password) {
    this.nodes = List.copyOf(nodes);
    this.directory = directory;
    this.password = password;
  }

  /**
   * Starts {@code size} nodes, joins them into one cluster and waits until every node reports
   * {@code cluster_state:ok}.
   *
   * @param size the number of masters, at least 3 (what {@code redis-cli} requires)
   * @return the running cluster
   */
  public static RedisCluster start(int size) {
    return start(size, "");
  }

  /**
   * Like {@link #start(int)}, with {@code requirepass} (and {@code masterauth}) set to
   * {@code password} on every node; {@link #cli} then authenticates (through
   * {@code REDISCLI_AUTH}, never on a command line).
   *
   * @param size the number of masters, at least 3
   * @param password the nodes' password, or empty for none
   * @return the running cluster
   */
  public static RedisCluster start(int size, String password) {
    if (size < 3) {
      throw new IllegalArgumentException("a Redis Cluster needs at least 3 masters");
    }
    List<RedisServer> started = new ArrayList<>();
    Path directory;
    try {
      directory = Files.createTempDirectory("redis-cluster");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    boolean ready = false;
    try {
      for (int i = 0; i < size; i++) {
        int port = RedisServer.freePort();
        List<String> args = new ArrayList<>(List.of("--cluster-enabled", "yes",
            "--cluster-config-file", directory.resolve("nodes-" + port + ".conf").toString(),
            "--cluster-node-timeout", "2000", "--cluster-require-full-coverage", "no"));
        if (!password.isEmpty()) {
          args.addAll(List.of("--requirepass", password, "--masterauth", password));
        }
        started.add(RedisServer.start(port, args.toArray(String[]::new)));
      }
      RedisCluster cluster = new RedisCluster(started, directory, password);
      List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
      for (RedisServer node : started) {
        create.add("127.0.0.1:" + node.port());
      }
      create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
      cluster.run(create);
      for (RedisServer node : started) {
        cluster.awaitState(node.port());
      }
      ready = true;
      return cluster;
    } finally {
      if (!ready) {
        new RedisCluster(started, directory, password).close();
      }
    }
  }

  private void awaitState(int port) {
    long deadline = System.nanoTime() + WAIT_NANOS;
    String info = "";
    while (System.nanoTime() - deadline < 0) {
      info = cli(port, "CLUSTER", "INFO");
      if (info.contains("cluster_state:ok")) {
        return;
      }
      Thread.onSpinWait();
    }
    throw new IllegalStateException("the Redis Cluster node on port " + port
        + " did not reach cluster_state:ok within 20 s: " + info);
  }

  /**
   * Runs one command with {@code redis-cli} against one node (no redirections followed).
   *
   * @param port the node's port
   * @param args the command and its arguments
   * @return what {@code redis-cli} printed
   */
  public String cli(int port, String... args) {
    List<String> command = new ArrayList<>(List.of("redis-cli", "-h", "127.0.0.1", "-p",
        Integer.toString(port)));
    command.addAll(List.of(args));
    return run(command);
  }

  private String run(List<String> command) {
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      if (!password.isEmpty()) {
        builder.environment().put("REDISCLI_AUTH", password);
      }
      Process process = builder.start();
      String output;
      try (InputStream in = process.getInputStream()) {
        output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (!process.waitFor(20, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException(command.get(0) + " failed: " + output);
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /**
   * The nodes' ports, in start order.
   *
   * @return the ports
   */
  public List<Integer> ports() {
    List<Integer> ports = new ArrayList<>();
    for (RedisServer node : nodes) {
      ports.add(node.port());
    }
    return ports;
  }

  /**
   * A seed URI: the first node, from which a cluster client discovers the others.
   *
   * @return {@code redis://127.0.0.1:port}
   */
  public String uri() {
    return nodes.get(0).uri();
  }

  /**
   * The port of the node serving {@code key}'s hash slot (as {@code CLUSTER KEYSLOT} and
   * {@code CLUSTER NODES} tell).
   *
   * @param key the full Redis key, hash tag included
   * @return the serving node's port
   */
  public int portFor(String key) {
    int alive = firstAlivePort();
    int slot = Integer.parseInt(cli(alive, "CLUSTER", "KEYSLOT", key).trim());
    for (String line : cli(alive, "CLUSTER", "NODES").split("\n")) {
      String[] fields = line.trim().split(" ");
      if (fields.length < 9 || !fields[2].contains("master")) {
        continue;
      }
      String address = fields[1].substring(0, fields[1].indexOf('@'));
      int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
      for (int i = 8; i < fields.length; i++) {
        String range = fields[i];
        if (range.startsWith("[")) {
          continue;
        }
        int dash = range.indexOf('-');
        int low = Integer.parseInt(dash < 0 ? range : range.substring(0, dash));
        int high = dash < 0 ? low : Integer.parseInt(range.substring(dash + 1));
        if (slot >= low && slot <= high) {
          return port;
        }
      }
    }
    throw new IllegalStateException("no node serves slot " + slot);
  }

  private int firstAlivePort() {
    for (RedisServer node : nodes) {
      if (node.isAlive()) {
        return node.port();
      }
    }
    throw new IllegalStateException("every node of the cluster is down");
  }

  /**
   * Kills the node on {@code port} (SIGKILL, by its PID); the others keep serving their slots.
   *
   * @param port the node's port
   */
  public void kill(int port) {
    for (RedisServer node : nodes) {
      if (node.port() == port) {
        node.kill();
        return;
      }
    }
    throw new IllegalArgumentException("no node on port " + port);
  }

  /** Kills every node by its PID and deletes the cluster's configuration files. */
  @Override
  public void close() {
    for (RedisServer node : nodes) {
      node.kill();
    }
    try (var files = Files.list(directory)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(file);
      }
      Files.deleteIfExists(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
