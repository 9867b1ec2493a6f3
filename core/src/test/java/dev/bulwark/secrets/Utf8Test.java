package dev.bulwark.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Utf8Test {

  @Test
  void isValid_everyCodePoint_isValidExactlyWhenNotASurrogate() {
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      if (cp >= 0xD800 && cp <= 0xDFFF) {
        continue; // not encodable; covered by the byte sweep below
      }
      byte[] encoded = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
      assertThat(Utf8.isValid(encoded)).as("U+%04X", cp).isTrue();
    }
  }

  @Test
  void isValid_everyOneTwoAndThreeByteSequence_agreesWithTheJdkDecoder() {
    for (int a = 0; a < 256; a++) {
      assertAgrees(new byte[] {(byte) a});
      for (int b = 0; b < 256; b++) {
        assertAgrees(new byte[] {(byte) a, (byte) b});
        if (a >= 0xE0 && a <= 0xF4) {
          for (int c = 0; c < 256; c += 0x0F) {
            assertAgrees(new byte[] {(byte) a, (byte) b, (byte) c});
          }
        }
      }
    }
  }

  @Test
  void isValid_randomBytes_agreesWithTheJdkDecoder() {
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 100_000; i++) {
      byte[] bytes = new byte[random.nextInt(1, 8)];
      for (int k = 0; k < bytes.length; k++) {
        bytes[k] = (byte) (random.nextBoolean() ? random.nextInt(0x80, 0x100) : random.nextInt());
      }
      assertAgrees(bytes);
    }
  }

  @Test
  void isValid_knownInvalidForms_areRejected() {
    assertThat(Utf8.isValid(new byte[] {(byte) 0xC0, (byte) 0xAF})).as("overlong /").isFalse();
    assertThat(Utf8.isValid(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}))
        .as("surrogate").isFalse();
    assertThat(Utf8.isValid(new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}))
        .as("above U+10FFFF").isFalse();
    assertThat(Utf8.isValid(new byte[] {(byte) 0xE2, (byte) 0x82})).as("truncated").isFalse();
    assertThat(Utf8.isValid(new byte[0])).as("empty").isTrue();
  }

  private static void assertAgrees(byte[] bytes) {
    boolean jdk;
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      jdk = true;
    } catch (CharacterCodingException e) {
      jdk = false;
    }
    if (Utf8.isValid(bytes) != jdk) {
      throw new AssertionError("disagrees with the JDK on " + java.util.HexFormat.of()
          .formatHex(bytes));
    }
  }
}
