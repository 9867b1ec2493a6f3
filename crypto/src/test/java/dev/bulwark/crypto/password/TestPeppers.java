package dev.bulwark.crypto.password;

import dev.bulwark.secrets.Secret;
import java.nio.charset.StandardCharsets;

/** Fixed test keys; never use these anywhere else. */
final class TestPeppers {

  static final Secret KEY_1 = key("test-pepper-one-0123456789abcdef-0123456789");
  static final Secret KEY_2 = key("test-pepper-two-0123456789abcdef-0123456789");

  private TestPeppers() {}

  static Secret key(String text) {
    return Secret.ofBytes(text.getBytes(StandardCharsets.US_ASCII));
  }
}
