package dev.bulwark.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@link RequestSizeLimitFilter} over real HTTP: declared lengths above the limit are refused
 * before the application runs; chunked bodies are cut off while the application reads them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RequestSizeLimitContainerTest {

  private static final int LIMIT = 1024;

  private EmbeddedContainer container;
  private int port;

  abstract EmbeddedContainer newContainer();

  @BeforeAll
  void startContainer() throws Exception {
    container = newContainer();
    port = container.start(List.of(
        new EmbeddedContainer.Mount("limited", new RequestSizeLimitFilter(),
            Map.of(RequestSizeLimitFilter.MAX_BODY_BYTES, Integer.toString(LIMIT))),
        EmbeddedContainer.Mount.instance("tiny", new RequestSizeLimitFilter(16))),
        new BodyLengthServlet());
  }

  @AfterAll
  void stopContainer() throws Exception {
    if (container != null) {
      container.stop();
    }
  }

  private RawHttp.Response post(String target, int declared, int sent) throws IOException {
    return RawHttp.sendWithBody(port, "POST", target,
        List.of(List.of("Content-Type", "application/octet-stream"),
            List.of("Content-Length", Integer.toString(declared))), bytes(sent));
  }

  private RawHttp.Response postChunked(String target, int size) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (int left = size; left > 0; left -= 256) {
      int chunk = Math.min(256, left);
      body.writeBytes((Integer.toHexString(chunk) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      body.writeBytes(bytes(chunk));
      body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    body.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    return RawHttp.sendWithBody(port, "POST", target,
        List.of(List.of("Content-Type", "text/plain; charset=UTF-8"),
            List.of("Transfer-Encoding", "chunked")), body.toByteArray());
  }

  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    Arrays.fill(b, (byte) 'a');
    return b;
  }

  private static void assertTooLarge(RawHttp.Response r, long limit) {
    assertThat(r.status()).as("%s", r).isEqualTo(413);
    assertThat(r.combined("Content-Type")).startsWith("application/problem+json");
    assertThat(r.body()).contains("\"status\":413")
        .contains("limit of " + limit + " bytes").doesNotContain("read ");
  }

  @Test
  void contentLength_underAndAtLimit_reachesApplication() throws IOException {
    assertThat(post("/limited/x", 1000, 1000).body()).isEqualTo("read 1000");
    assertThat(post("/limited/x", LIMIT, LIMIT).body()).isEqualTo("read " + LIMIT);
  }

  @Test
  void contentLength_overLimit_is413BeforeApplication() throws IOException {
    assertTooLarge(post("/limited/x", LIMIT + 1, LIMIT + 1), LIMIT);
  }

  @Test
  void contentLength_hugeDeclaredWithoutBody_is413WithoutWaiting() throws IOException {
    RawHttp.Response r = RawHttp.sendWithBody(port, "POST", "/limited/x",
        List.of(List.of("Content-Length", "1000000000000")), new byte[0]);
    assertTooLarge(r, LIMIT);
  }

  @Test
  void chunked_underLimit_reachesApplication() throws IOException {
    assertThat(postChunked("/limited/x", 1000).body()).isEqualTo("read 1000");
    assertThat(postChunked("/limited/reader", LIMIT).body()).isEqualTo("read " + LIMIT);
  }

  @Test
  void chunked_overLimit_isCutOffWith413() throws IOException {
    assertTooLarge(postChunked("/limited/x", 3000), LIMIT);
  }

  @Test
  void chunked_overLimitThroughReader_isCutOffWith413() throws IOException {
    assertTooLarge(postChunked("/limited/reader", 3000), LIMIT);
  }

  @Test
  void readListener_underLimit_reachesApplication() throws IOException {
    assertThat(postChunked("/limited/async", 1000).body()).isEqualTo("read 1000");
    assertThat(post("/limited/async", LIMIT, LIMIT).body()).isEqualTo("read " + LIMIT);
    assertThat(postChunked("/limited/async-request", LIMIT).body()).isEqualTo("read " + LIMIT);
  }

  @Test
  void readListener_chunkedOverLimit_isCutOffWith413() throws IOException {
    // Through AsyncContext.getRequest(): before the filter started asynchronous processing
    // with its own request, that was the container's request and read all 3000 bytes.
    assertTooLarge(postChunked("/limited/async", 3000), LIMIT);
    assertTooLarge(postChunked("/tiny/async", 17), 16);
  }

  @Test
  void readListener_requestStreamOverLimit_isCutOffWith413() throws IOException {
    assertTooLarge(postChunked("/limited/async-request", 3000), LIMIT);
  }

  @Test
  void programmaticLimit_applies() throws IOException {
    assertThat(post("/tiny/x", 16, 16).body()).isEqualTo("read 16");
    assertTooLarge(post("/tiny/x", 17, 17), 16);
    assertTooLarge(postChunked("/tiny/x", 17), 16);
  }

  @Test
  void noBody_reachesApplication() throws IOException {
    RawHttp.Response r = RawHttp.send(port, "GET", "/limited/x", "localhost", List.of());
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("read 0");
  }
}
