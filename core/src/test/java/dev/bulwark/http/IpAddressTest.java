package dev.bulwark.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IpAddressTest {

  @ParameterizedTest
  @CsvSource({
      "192.0.2.1, 192.0.2.1",
      "0.0.0.0, 0.0.0.0",
      "255.255.255.255, 255.255.255.255",
      "::, ::",
      "::1, ::1",
      "[::1], ::1",
      "2001:db8::1, 2001:db8::1",
      "2001:DB8:0:0:0:0:0:1, 2001:db8::1",
      "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
      "fe80::, fe80::",
      "1:2:3:4:5:6:7:8, 1:2:3:4:5:6:7:8",
      "::ffff:192.0.2.1, 192.0.2.1",
      "::ffff:c000:0201, 192.0.2.1",
      "64:ff9b::192.0.2.1, 64:ff9b::c000:201",
      "1::, 1::",
  })
  void parse_validLiteral_isCanonical(String text, String canonical) {
    assertThat(IpAddress.parse(text)).hasToString(canonical);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "localhost", "example.com", "1.2.3", "1.2.3.4.5", "256.1.1.1", "010.0.0.1",
      "1.2.3.4 ", " 1.2.3.4", "1..2.3", "1.2.3.-4", "0x7f.0.0.1", "1.2.3.4/8",
      ":::", "1:::2", ":1::2", "1::2::3", "1:2:3:4:5:6:7:8:9", "12345::", "g::1",
      "1:2:3:4:5:6:7", "fe80::1%eth0", "[::1", "::1]", "[1.2.3.4]x", "::ffff:1.2.3",
      "1:2:3:4:5:6:7:1.2.3.4", "1.2.3.4::", "\u0661.2.3.4", "::\u0661", "1:2:3:4:5:6:7:8::",
  })
  void parse_invalidLiteral_isRejectedWithoutEcho(String text) {
    assertThatThrownBy(() -> IpAddress.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not an IPv4 or IPv6 address literal");
  }

  @Test
  void parse_tooLong_isRejected() {
    assertThat(IpAddress.tryParse("1".repeat(65))).isNull();
  }

  @Test
  void ipv4Mapped_equalsIpv4() {
    assertThat(IpAddress.parse("::ffff:10.1.2.3")).isEqualTo(IpAddress.parse("10.1.2.3"));
    assertThat(IpAddress.parse("::ffff:10.1.2.3").isIpv4()).isTrue();
    assertThat(IpAddress.parse("10.1.2.3").hashCode())
        .isEqualTo(IpAddress.parse("::ffff:10.1.2.3").hashCode());
  }

  @Test
  void toInetAddress_neverLooksUp() {
    assertThat(IpAddress.parse("2001:db8::1").toInetAddress().getHostAddress())
        .isEqualTo("2001:db8:0:0:0:0:0:1");
  }

  @Test
  void ofBytes_wrongLength_isRejected() {
    assertThatThrownBy(() -> IpAddress.ofBytes(new byte[5]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4 or 16");
  }

  @Test
  void toBytes_isACopy() {
    IpAddress address = IpAddress.parse("1.2.3.4");
    address.toBytes()[0] = 9;
    assertThat(address).hasToString("1.2.3.4");
  }
}
