package dev.bulwark.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz contracts for the HTTP parsers: each returns a value or throws the documented
 * {@link IllegalArgumentException}; the resolver never throws at all. In {@code verify} these
 * run in regression mode over the seeds in {@code src/test/resources}; set
 * {@code JAZZER_FUZZ=1} to fuzz.
 */
class HttpParsersFuzzTest {

  @FuzzTest
  void origin_parse(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    Origin origin;
    try {
      origin = Origin.parse(text);
    } catch (IllegalArgumentException expected) {
      assertThat(expected.getMessage()).doesNotContain(text.length() > 8 ? text : "\u0000\u0000");
      return;
    }
    // A parsed origin is canonical, printable ASCII, and re-parses to itself.
    String serialized = origin.serialized();
    assertThat(serialized.chars().allMatch(c -> c > 0x20 && c < 0x7f)).isTrue();
    assertThat(Origin.parse(serialized)).isEqualTo(origin);
    assertThat(Origin.parse(serialized).serialized()).isEqualTo(serialized);
  }

  @FuzzTest
  void ipAddress_andCidr_parse(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    IpAddress address = IpAddress.tryParse(text);
    if (address != null) {
      assertThat(IpAddress.parse(address.toString())).isEqualTo(address);
    }
    try {
      Cidr cidr = Cidr.parse(text);
      assertThat(Cidr.parse(cidr.toString())).isEqualTo(cidr);
    } catch (IllegalArgumentException expected) {
      // documented outcome
    }
  }

  @FuzzTest
  void clientResolver_neverThrows(FuzzedDataProvider data) {
    boolean rfc7239 = data.consumeBoolean();
    ClientResolver resolver = ClientResolver.of(TrustedProxies.builder()
        .trust("10.0.0.0/8", "2001:db8::/32")
        .headers(rfc7239 ? TrustedProxies.HeaderFamily.FORWARDED
            : TrustedProxies.HeaderFamily.X_FORWARDED)
        .maxHops(1 + data.consumeInt(0, 20))
        .build(), ResolutionListener.silent());
    TestRequest request = TestRequest.from(data.consumeBoolean() ? "10.0.0.2" : data.consumeString(40));
    int lines = data.consumeInt(0, 6);
    String[] names = {"X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host",
        "X-Forwarded-Port", "Forwarded"};
    for (int i = 0; i < lines; i++) {
      request = request.with(data.pickValue(names), data.consumeString(300));
    }
    ResolvedClient client = resolver.resolve(request);
    assertThat(client.scheme()).isIn("http", "https");
    assertThat(client.port()).isBetween(1, 65535);
    if (client.forwarded()) {
      // Only a trusted peer's headers may be applied.
      assertThat(resolver.proxies().isTrusted(IpAddress.parse(request.remoteAddress()))).isTrue();
    }
  }
}
