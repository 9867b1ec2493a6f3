package dev.bulwark.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CidrTest {

  @ParameterizedTest
  @CsvSource({
      "10.0.0.0/8, 10.255.255.255, true",
      "10.0.0.0/8, 11.0.0.0, false",
      "192.168.1.0/24, 192.168.1.77, true",
      "192.168.1.0/24, 192.168.2.1, false",
      "172.16.0.0/12, 172.31.0.1, true",
      "172.16.0.0/12, 172.32.0.1, false",
      "203.0.113.7, 203.0.113.7, true",
      "203.0.113.7, 203.0.113.8, false",
      "2001:db8::/32, 2001:db8:ffff::1, true",
      "2001:db8::/32, 2001:db9::1, false",
      "::1/128, ::1, true",
      "10.0.0.0/8, ::ffff:10.0.0.1, true",
      "10.0.0.0/8, ::1, false",
      "::/1, 10.0.0.1, false",
      "fd00::/8, fdff::1, true",
  })
  void contains_matchesPrefixBitsOnly(String cidr, String address, boolean expected) {
    assertThat(Cidr.parse(cidr).contains(IpAddress.parse(address))).isEqualTo(expected);
  }

  @Test
  void parse_hostBitsSet_isRejectedWithTheFix() {
    assertThatThrownBy(() -> Cidr.parse("10.1.2.3/8"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("write the network address, e.g. 10.0.0.0/8");
  }

  @Test
  void parse_prefixTooLong_isRejected() {
    assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33"))
        .hasMessageContaining("IPv4 prefix is 0 to 32");
    assertThatThrownBy(() -> Cidr.parse("::/129"))
        .hasMessageContaining("IPv6 prefix is 0 to 128");
  }

  @Test
  void parse_badPrefix_isRejected() {
    assertThatThrownBy(() -> Cidr.parse("10.0.0.0/")).hasMessageContaining("prefix length");
    assertThatThrownBy(() -> Cidr.parse("10.0.0.0/x")).hasMessageContaining("prefix length");
    assertThatThrownBy(() -> Cidr.parse("10.0.0.0/-1")).hasMessageContaining("prefix length");
  }

  @Test
  void parse_hostName_isRejected() {
    assertThatThrownBy(() -> Cidr.parse("proxy.internal/32"))
        .hasMessageContaining("host names are not allowed");
  }

  @Test
  void parse_unprintableInput_isNotEchoedRaw() {
    assertThatThrownBy(() -> Cidr.parse("10.0.0.0\n/8"))
        .hasMessageNotContaining("\n");
  }

  @Test
  void toString_isCanonical() {
    assertThat(Cidr.parse(" 2001:DB8::/32 ")).hasToString("2001:db8::/32");
    assertThat(Cidr.parse("1.2.3.4")).hasToString("1.2.3.4/32");
  }
}
