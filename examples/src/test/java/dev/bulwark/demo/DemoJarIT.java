package dev.bulwark.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code target/bulwark-demo.jar} (failsafe, after {@code package}): started with
 * {@code java -jar} as a newcomer would, it prints its URLs, answers {@code /health} on both
 * ports, and stops cleanly when its process is sent SIGTERM.
 */
class DemoJarIT {

  private static final Pattern URL = Pattern.compile("(https?)://localhost:(\\d+)/");

  @TempDir
  Path dataDir;

  @Test
  void jar_startsPrintsItsUrlsServesHealthAndStopsOnSigterm() throws Exception {
    Path jar = Path.of(System.getProperty("bulwark.demo.jar", "target/bulwark-demo.jar"));
    assertThat(jar).exists();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(java.toString(), "-jar", jar.toString(),
        "--http-port", "0", "--https-port", "0", "--bcrypt-cost", "10",
        "--data-dir", dataDir.toString())
        .redirectErrorStream(true)
        .start();
    List<String> lines = new ArrayList<>();
    CompletableFuture<Void> started = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          synchronized (lines) {
            lines.add(line);
          }
          if (line.startsWith("Stop with Ctrl-C")) {
            started.complete(null);
          }
        }
      } catch (java.io.IOException e) {
        started.completeExceptionally(e);
      }
      started.completeExceptionally(new AssertionError("the demo ended before it started"));
    });
    reader.start();
    try {
      started.get(60, TimeUnit.SECONDS);
      String output;
      synchronized (lines) {
        output = String.join("\n", lines);
      }
      int https = port(output, "https");
      int http = port(output, "http");
      HttpClient client = HttpClient.newBuilder()
          .sslContext(DemoClient.trusting(dataDir.resolve(TlsMaterial.CERT_FILE)))
          .connectTimeout(Duration.ofSeconds(10)).build();

      HttpResponse<String> secure = client.send(HttpRequest.newBuilder(
          URI.create("https://localhost:" + https + "/health")).build(),
          HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> plain = client.send(HttpRequest.newBuilder(
          URI.create("http://localhost:" + http + "/health")).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(secure.statusCode()).isEqualTo(200);
      assertThat(secure.body()).isEqualTo("{\"status\":\"UP\"}");
      assertThat(plain.statusCode()).isEqualTo(200);
      assertThat(output).contains("Created a self-signed TLS certificate");
    } finally {
      // SIGTERM to this process, by its PID. (Process.destroy() would also close our end of
      // its output, losing what it prints while it stops.)
      ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroy);
      boolean ended = process.waitFor(30, TimeUnit.SECONDS);
      if (!ended) {
        process.destroyForcibly();
      }
      reader.join(10_000);
      assertThat(ended).as("stopped within 30 s of SIGTERM").isTrue();
    }
    synchronized (lines) {
      assertThat(lines).contains("Bulwark demo stopped.");
    }
    assertThat(Files.exists(dataDir.resolve(Database.H2_BASE_NAME + ".mv.db"))).isTrue();
  }

  private static int port(String output, String scheme) {
    Matcher m = URL.matcher(output);
    while (m.find()) {
      if (m.group(1).equals(scheme)) {
        return Integer.parseInt(m.group(2));
      }
    }
    throw new AssertionError("no " + scheme + " URL in the output:\n" + output);
  }
}
