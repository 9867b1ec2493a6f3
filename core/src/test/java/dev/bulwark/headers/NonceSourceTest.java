package dev.bulwark.headers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Base64;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NonceSourceTest {

  @Test
  void encode_matchesTheJdkEncoder_forEveryByteValueInEveryPosition() {
    byte[] bytes = new byte[SecurityHeadersEngine.NONCE_BYTES];
    for (int position = 0; position < bytes.length; position++) {
      for (int value = 0; value < 256; value++) {
        Arrays.fill(bytes, (byte) 0x5a);
        bytes[position] = (byte) value;
        assertThat(NonceSource.encode(bytes, 0))
            .isEqualTo(Base64.getEncoder().encodeToString(bytes));
      }
    }
  }

  @Test
  void encode_randomBuffersAtAnOffset_matchTheJdkEncoder() {
    SplittableRandom random = new SplittableRandom(42);
    byte[] buffer = new byte[3 * SecurityHeadersEngine.NONCE_BYTES];
    for (int i = 0; i < 1000; i++) {
      random.nextBytes(buffer);
      int offset = SecurityHeadersEngine.NONCE_BYTES;
      assertThat(NonceSource.encode(buffer, offset)).isEqualTo(Base64.getEncoder()
          .encodeToString(Arrays.copyOfRange(buffer, offset, 2 * offset)));
    }
  }

  @Test
  void next_followsTheRandomStream_oneCallPerBlock() {
    FixedRandom random = new FixedRandom();
    NonceSource source = new NonceSource(random);

    for (int n = 1; n <= NonceSource.PER_REFILL; n++) {
      assertThat(source.next()).isEqualTo(Base64.getEncoder().encodeToString(
          FixedRandom.run(n, SecurityHeadersEngine.NONCE_BYTES)));
    }
    assertThat(random.calls()).isEqualTo(1);
    source.next();
    assertThat(random.calls()).isEqualTo(2);
  }
}
