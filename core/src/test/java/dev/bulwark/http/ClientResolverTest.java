package dev.bulwark.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientResolverTest {

  private final List<ForwardedProblem> problems = new ArrayList<>();

  private ClientResolver xff(String... trusted) {
    return ClientResolver.of(TrustedProxies.builder().trust(trusted).build(),
        (problem, peer) -> problems.add(problem));
  }

  private ClientResolver rfc7239(String... trusted) {
    return ClientResolver.of(TrustedProxies.builder().trust(trusted)
        .headers(TrustedProxies.HeaderFamily.FORWARDED).build(),
        (problem, peer) -> problems.add(problem));
  }

  // --- untrusted peers

  @Test
  void direct_ignoresEveryForwardingHeader() {
    ResolvedClient client = ClientResolver.direct().resolve(TestRequest.from("198.51.100.1")
        .with("X-Forwarded-For", "1.1.1.1").with("X-Forwarded-Proto", "https")
        .with("X-Forwarded-Host", "evil.com").with("Forwarded", "for=2.2.2.2;proto=https"));
    assertThat(client).isEqualTo(new ResolvedClient(IpAddress.parse("198.51.100.1"), "http",
        "backend.internal", 8080, false));
  }

  @Test
  void untrustedPeer_spoofedHeaders_areIgnored() {
    ResolvedClient client = xff("10.0.0.0/8").resolve(TestRequest.from("203.0.113.9")
        .with("X-Forwarded-For", "10.0.0.1").with("X-Forwarded-Proto", "https")
        .with("X-Forwarded-Host", "admin.example.com"));
    assertThat(client.address()).isEqualTo(IpAddress.parse("203.0.113.9"));
    assertThat(client.scheme()).isEqualTo("http");
    assertThat(client.host()).isEqualTo("backend.internal");
    assertThat(client.forwarded()).isFalse();
    assertThat(problems).isEmpty();
  }

  // --- X-Forwarded-For walk

  @Test
  void xff_singleProxy_clientIsRightmostEntry() {
    ResolvedClient client = xff("10.0.0.0/8").resolve(TestRequest.from("10.0.0.2")
        .with("X-Forwarded-For", "198.51.100.7").with("X-Forwarded-Proto", "https")
        .with("X-Forwarded-Host", "api.example.com"));
    assertThat(client).isEqualTo(new ResolvedClient(IpAddress.parse("198.51.100.7"), "https",
        "api.example.com", 443, true));
  }

  @Test
  void xff_spoofedLeftEntries_neverWin() {
    // The client sent "X-Forwarded-For: 1.2.3.4, 10.0.0.9"; the proxy appended its peer.
    ResolvedClient client = xff("10.0.0.0/8").resolve(TestRequest.from("10.0.0.2")
        .with("X-Forwarded-For", "1.2.3.4, 10.0.0.9, 198.51.100.7"));
    assertThat(client.address()).isEqualTo(IpAddress.parse("198.51.100.7"));
  }

  @Test
  void xff_chainOfTrustedProxies_walksToFirstUntrusted() {
    ResolvedClient client = xff("10.0.0.0/8", "192.168.0.0/16").resolve(
        TestRequest.from("10.0.0.2").with("X-Forwarded-For", "6.6.6.6, 198.51.100.7, 192.168.1.1"));
    assertThat(client.address()).isEqualTo(IpAddress.parse("198.51.100.7"));
  }

  @Test
  void xff_multipleHeaderLines_areOneList() {
    ResolvedClient client = xff("10.0.0.0/8").resolve(TestRequest.from("10.0.0.2")
        .with("X-Forwarded-For", "6.6.6.6").with("X-Forwarded-For", "198.51.100.7, 10.0.0.5"));
    assertThat(client.address()).isEqualTo(IpAddress.parse("198.51.100.7"));
  }

  @Test
  void xff_allTrusted_clientIsLeftmost() {
    ResolvedClient client = xff("10.0.0.0/8").resolve(TestRequest.from("10.0.0.2")
        .with("X-Forwarded-For", "10.0.0.7, 10.0.0.8"));
    assertThat(client.address()).isEqualTo(IpAddress.parse("10.0.0.7"));
  }

  @Test
  void xff_entriesWithPortsAndBrackets_areAccepted() {
    assertThat(xff("10.0.0.0/8").resolve(TestRequest.from("10.0.0.2")
        .with("X-Forwarded-For", "198.51.100.7:4711")).address())
        .isEqualTo(IpAddress.parse("198.51.100.7"));
    assertThat(xff("10.0.0.0/8").resolve(TestRequest.from("10.0.0.2")
        .with("X-Forwarded-For", "[2001:db8::7]:4711")).address())
        .isEqualTo(IpAddress.parse("2001:db8::7"));
    assertThat(xff("10.0.0.0/8").resolve(TestRequest.from("10.0.0.2")
        .with("X-Forwarded-For", "2001:db8::7")).address())
        .isEqualTo(IpAddress.parse("2001:db8::7"));
  }

  @Test
  void xff_garbageLeftOfClient_isNeverParsed() {
    ResolvedClient client = xff("10.0.0.0/8").resolve(TestRequest.from("10.0.0.2")
        .with("X-Forwarded-For", "<script>, unknown, ;;;, 198.51.100.7"));
    assertThat(client.address()).isEqualTo(IpAddress.parse("198.51.100.7"));
    assertThat(problems).isEmpty();
  }

  @Test
  void xff_hugePaddedHeader_costsOnlyTheWalkedEntries() {
    String padding = "1.1.1.1, ".repeat(200_000);
    ResolvedClient client = xff("10.0.0.0/8").resolve(TestRequest.from("10.0.0.2")
        .with("X-Forwarded-For", padding + "198.51.100.7"));
    assertThat(client.address()).isEqualTo(IpAddress.parse("198.51.100.7"));
  }

  @Test
  void xff_malformedWalkedEntry_fallsBackToPeerAndReports() {
    ResolvedClient client = xff("10.0.0.0/8").resolve(TestRequest.from("10.0.0.2")
        .with("X-Forwarded-For", "not-an-ip").with("X-Forwarded-Proto", "https"));
    assertThat(client).isEqualTo(new ResolvedClient(IpAddress.parse("10.0.0.2"), "http",
        "backend.internal", 8080, false));
    assertThat(problems).containsExactly(ForwardedProblem.MALFORMED_X_FORWARDED_FOR);
  }

  @Test
  void xff_emptyEntry_isMalformed() {
    xff("10.0.0.0/8").resolve(TestRequest.from("10.0.0.2").with("X-Forwarded-For", "1.2.3.4,"));
    assertThat(problems).containsExactly(ForwardedProblem.MALFORMED_X_FORWARDED_FOR);
  }

  @Test
  void xff_unknownIdentifier_isReported() {
    xff("10.0.0.0/8").resolve(TestRequest.from("10.0.0.2").with("X-Forwarded-For", "unknown"));
    assertThat(problems).containsExactly(ForwardedProblem.UNKNOWN_CLIENT_IDENTIFIER);
  }

  @Test
  void xff_tooManyTrustedHops_fallsBack() {
    ClientResolver resolver = ClientResolver.of(TrustedProxies.builder().trust("10.0.0.0/8")
        .maxHops(2).build(), (p, peer) -> problems.add(p));
    ResolvedClient client = resolver.resolve(TestRequest.from("10.0.0.2")
        .with("X-Forwarded-For", "9.9.9.9, 10.0.0.3, 10.0.0.4, 10.0.0.5"));
    assertThat(client.address()).isEqualTo(IpAddress.parse("10.0.0.2"));
    assertThat(problems).containsExactly(ForwardedProblem.TOO_MANY_HOPS);
  }

  @Test
  void xfProto_invalid_fallsBack() {
    xff("10.0.0.0/8").resolve(TestRequest.from("10.0.0.2")
        .with("X-Forwarded-For", "198.51.100.7").with("X-Forwarded-Proto", "gopher"));
    assertThat(problems).containsExactly(ForwardedProblem.MALFORMED_PROTO);
  }

  @Test
  void xfHost_invalid_fallsBack() {
    for (String host : new String[] {"evil.com/path", "a b", "user@evil.com", "evil.com:0",
        "[::1", "evil.com\r\nx", "_x.com"}) {
      problems.clear();
      ResolvedClient client = xff("10.0.0.0/8").resolve(TestRequest.from("10.0.0.2")
          .with("X-Forwarded-For", "198.51.100.7").with("X-Forwarded-Host", host));
      assertThat(client.host()).as(host).isEqualTo("backend.internal");
      assertThat(problems).as(host).containsExactly(ForwardedProblem.MALFORMED_HOST);
    }
  }

  @Test
  void xfPort_invalid_fallsBack() {
    xff("10.0.0.0/8").resolve(TestRequest.from("10.0.0.2")
        .with("X-Forwarded-For", "198.51.100.7").with("X-Forwarded-Port", "99999"));
    assertThat(problems).containsExactly(ForwardedProblem.MALFORMED_PORT);
  }

  @Test
  void xfHostWithPort_andExplicitPort() {
    ResolvedClient withHostPort = xff("10.0.0.0/8").resolve(TestRequest.from("10.0.0.2")
        .with("X-Forwarded-Proto", "https").with("X-Forwarded-Host", "api.example.com:8443"));
    assertThat(withHostPort.port()).isEqualTo(8443);
    ResolvedClient withPort = xff("10.0.0.0/8").resolve(TestRequest.from("10.0.0.2")
        .with("X-Forwarded-Proto", "https").with("X-Forwarded-Port", "9443"));
    assertThat(withPort.port()).isEqualTo(9443);
    assertThat(withPort.host()).isEqualTo("backend.internal");
  }

  @Test
  void xfProto_appendedPerHop_takesTheClientsHop() {
    // client -https-> edge 10.0.0.1 -http-> lb 10.0.0.2 -> app; each proxy appended.
    ResolvedClient client = xff("10.0.0.0/8").resolve(TestRequest.from("10.0.0.2")
        .with("X-Forwarded-For", "198.51.100.7, 10.0.0.1")
        .with("X-Forwarded-Proto", "evil, https, http"));
    assertThat(client.scheme()).isEqualTo("https");
    assertThat(client.port()).isEqualTo(443);
  }

  @Test
  void xfProto_shorterListThanHops_isAmbiguous() {
    xff("10.0.0.0/8").resolve(TestRequest.from("10.0.0.2")
        .with("X-Forwarded-For", "198.51.100.7, 10.0.0.1, 10.0.0.3")
        .with("X-Forwarded-Proto", "https, http"));
    assertThat(problems).containsExactly(ForwardedProblem.AMBIGUOUS_HOP_VALUES);
  }

  @Test
  void unparsablePeerAddress_isReported() {
    ResolvedClient client = xff("10.0.0.0/8").resolve(TestRequest.from("/var/run/app.sock"));
    assertThat(client.address()).isEqualTo(IpAddress.parse("::"));
    assertThat(problems).containsExactly(ForwardedProblem.UNPARSABLE_PEER_ADDRESS);
  }

  // --- RFC 7239 Forwarded

  @Test
  void forwarded_singleElement() {
    ResolvedClient client = rfc7239("10.0.0.0/8").resolve(TestRequest.from("10.0.0.2")
        .with("Forwarded", "for=198.51.100.7;proto=https;host=api.example.com"));
    assertThat(client).isEqualTo(new ResolvedClient(IpAddress.parse("198.51.100.7"), "https",
        "api.example.com", 443, true));
  }

  @Test
  void forwarded_quotedIpv6WithPort_andCaseInsensitiveKeys() {
    ResolvedClient client = rfc7239("10.0.0.0/8").resolve(TestRequest.from("10.0.0.2")
        .with("Forwarded", "For=\"[2001:db8:cafe::17]:4711\";Proto=HTTPS;By=10.0.0.2"));
    assertThat(client.address()).isEqualTo(IpAddress.parse("2001:db8:cafe::17"));
    assertThat(client.scheme()).isEqualTo("https");
  }

  @Test
  void forwarded_walksRightToLeft_andTakesProtoFromClientsElement() {
    ResolvedClient client = rfc7239("10.0.0.0/8").resolve(TestRequest.from("10.0.0.2")
        .with("Forwarded", "for=6.6.6.6;proto=http;host=evil.com, "
            + "for=198.51.100.7;proto=https;host=api.example.com, for=10.0.0.1;proto=http"));
    assertThat(client).isEqualTo(new ResolvedClient(IpAddress.parse("198.51.100.7"), "https",
        "api.example.com", 443, true));
  }

  @Test
  void forwarded_quotedCommaInUntrustedPart_doesNotConfuseTheWalk() {
    ResolvedClient client = rfc7239("10.0.0.0/8").resolve(TestRequest.from("10.0.0.2")
        .with("Forwarded", "for=\"a, for=10.0.0.9\", for=198.51.100.7"));
    assertThat(client.address()).isEqualTo(IpAddress.parse("198.51.100.7"));
  }

  @Test
  void forwarded_unbalancedQuoteInWalkedPart_isMalformed() {
    rfc7239("10.0.0.0/8").resolve(TestRequest.from("10.0.0.2")
        .with("Forwarded", "for=\"198.51.100.7"));
    assertThat(problems).containsExactly(ForwardedProblem.MALFORMED_FORWARDED);
  }

  @Test
  void forwarded_elementWithoutFor_isMalformed() {
    rfc7239("10.0.0.0/8").resolve(TestRequest.from("10.0.0.2")
        .with("Forwarded", "proto=https"));
    assertThat(problems).containsExactly(ForwardedProblem.MALFORMED_FORWARDED);
  }

  @Test
  void forwarded_duplicateParameter_isMalformed() {
    rfc7239("10.0.0.0/8").resolve(TestRequest.from("10.0.0.2")
        .with("Forwarded", "for=198.51.100.7;for=1.1.1.1"));
    assertThat(problems).containsExactly(ForwardedProblem.MALFORMED_FORWARDED);
  }

  @Test
  void forwarded_badSyntax_isMalformed() {
    for (String bad : new String[] {"for", "=x", "for=a b", "for=1.2.3.4;;", "for=1.2.3.4 x",
        "for=\"1.2.3.4\"x", "for=\"\u0001\""}) {
      problems.clear();
      rfc7239("10.0.0.0/8").resolve(TestRequest.from("10.0.0.2").with("Forwarded", bad));
      assertThat(problems).as(bad).isNotEmpty();
    }
  }

  @Test
  void forwarded_obfuscatedIdentifier_isReported() {
    rfc7239("10.0.0.0/8").resolve(TestRequest.from("10.0.0.2").with("Forwarded", "for=_hidden"));
    assertThat(problems).containsExactly(ForwardedProblem.UNKNOWN_CLIENT_IDENTIFIER);
  }

  @Test
  void forwarded_overlongElement_isMalformed() {
    rfc7239("10.0.0.0/8").resolve(TestRequest.from("10.0.0.2")
        .with("Forwarded", "for=198.51.100.7;ext=" + "x".repeat(2000)));
    assertThat(problems).containsExactly(ForwardedProblem.MALFORMED_FORWARDED);
  }

  @Test
  void forwardedFamily_ignoresXForwardedFor() {
    ResolvedClient client = rfc7239("10.0.0.0/8").resolve(TestRequest.from("10.0.0.2")
        .with("X-Forwarded-For", "6.6.6.6"));
    assertThat(client.address()).isEqualTo(IpAddress.parse("10.0.0.2"));
  }

  @Test
  void xForwardedFamily_ignoresForwarded() {
    ResolvedClient client = xff("10.0.0.0/8").resolve(TestRequest.from("10.0.0.2")
        .with("Forwarded", "for=6.6.6.6"));
    assertThat(client.address()).isEqualTo(IpAddress.parse("10.0.0.2"));
  }

  // --- policy validation and listener

  @Test
  void trustedProxies_trustEverything_isRefused() {
    assertThatThrownBy(() -> TrustedProxies.builder().trust("0.0.0.0/0").build())
        .hasMessageContaining("any client could forge");
    assertThatThrownBy(() -> TrustedProxies.builder().trust("::/0").build())
        .hasMessageContaining("any client could forge");
  }

  @Test
  void trustedProxies_badCidr_namesTheSetting() {
    assertThatThrownBy(() -> TrustedProxies.builder().trust("10.0.0.0/33").build())
        .hasMessageStartingWith("trusted-proxies:");
  }

  @Test
  void trustedProxies_badMaxHops_isRefused() {
    assertThatThrownBy(() -> TrustedProxies.builder().maxHops(0).build())
        .hasMessageContaining("maxHops");
  }

  @Test
  void trustedProxies_none_trustsNobody() {
    assertThat(TrustedProxies.none().trustsAnyProxy()).isFalse();
    assertThat(TrustedProxies.builder().build()).isSameAs(TrustedProxies.none());
  }

  @Test
  void defaultListener_logsWithoutThrowing() {
    ClientResolver resolver = ClientResolver.of(TrustedProxies.builder().trust("10.0.0.0/8").build());
    for (int i = 0; i < 3; i++) {
      assertThat(resolver.resolve(TestRequest.from("10.0.0.2").with("X-Forwarded-For", "x"))
          .address()).isEqualTo(IpAddress.parse("10.0.0.2"));
    }
  }
}
