package dev.bulwark.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SecretTest {

  private static final String VALUE = "s3cr3t-Päss";

  @Test
  void toString_whenHeld_isRedactedWithoutValueOrLength() {
    Secret secret = Secret.ofChars(VALUE.toCharArray());

    assertThat(secret).hasToString("Secret[redacted]");
    assertThat(secret.toString()).doesNotContain(VALUE).doesNotContain("11");
    assertThat(String.valueOf(List.of(secret))).isEqualTo("[Secret[redacted]]");
  }

  @Test
  void toString_whenDestroyed_saysDestroyed() {
    Secret secret = Secret.ofChars(VALUE.toCharArray());
    secret.destroy();

    assertThat(secret).hasToString("Secret[destroyed]");
  }

  @Test
  void ofChars_thenChars_roundTripsUnicode() {
    String text = VALUE + " \uD83D\uDD11"; // a key emoji: a surrogate pair
    assertThat(Secret.ofChars(text.toCharArray()).chars()).isEqualTo(text.toCharArray());
    assertThat(Secret.ofChars(text.toCharArray()).bytes())
        .isEqualTo(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void ofChars_emptyValue_isAllowed() {
    assertThat(Secret.ofChars(new char[0]).chars()).isEmpty();
  }

  @Test
  void ofChars_unpairedSurrogate_isRejectedWithoutEchoingTheValue() {
    char[] value = (VALUE + '\uD800').toCharArray();

    assertThatThrownBy(() -> Secret.ofChars(value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unpaired surrogate")
        .satisfies(e -> Leaks.assertNoValue(e, VALUE));
  }

  @Test
  void ofChars_inputArray_isCopied() {
    char[] input = VALUE.toCharArray();
    Secret secret = Secret.ofChars(input);
    input[0] = 'X';

    assertThat(secret.chars()).isEqualTo(VALUE.toCharArray());
  }

  @Test
  void ofBytes_inputArray_isCopied() {
    byte[] input = {1, 2, 3};
    Secret secret = Secret.ofBytes(input);
    input[0] = 9;

    assertThat(secret.bytes()).containsExactly(1, 2, 3);
  }

  @Test
  void charsAndBytes_returnFreshCopies() {
    Secret secret = Secret.ofChars(VALUE.toCharArray());
    char[] chars = secret.chars();
    byte[] bytes = secret.bytes();
    chars[0] = 'X';
    bytes[0] = 'X';

    assertThat(secret.chars()).isEqualTo(VALUE.toCharArray());
    assertThat(secret.chars()).isNotSameAs(secret.chars());
    assertThat(secret.bytes()).isEqualTo(VALUE.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void chars_binarySecret_throwsIllegalState() {
    Secret secret = Secret.ofBytes(new byte[] {(byte) 0xff, 0x00});

    assertThatThrownBy(secret::chars)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("bytes()");
    assertThat(secret.bytes()).containsExactly(0xff, 0x00);
  }

  @Test
  void withChars_copy_isWipedAfterTheActionReturns() {
    Secret secret = Secret.ofChars(VALUE.toCharArray());
    AtomicReference<char[]> seen = new AtomicReference<>();

    String result = secret.withChars(chars -> {
      seen.set(chars);
      return new String(chars);
    });

    assertThat(result).isEqualTo(VALUE);
    assertThat(seen.get()).containsOnly('\0');
  }

  @Test
  void withBytes_copy_isWipedEvenWhenTheActionThrows() {
    Secret secret = Secret.ofChars(VALUE.toCharArray());
    AtomicReference<byte[]> seen = new AtomicReference<>();

    assertThatThrownBy(() -> secret.withBytes(bytes -> {
      seen.set(bytes);
      throw new IllegalArgumentException("boom");
    })).hasMessage("boom");
    assertThat(seen.get()).containsOnly((byte) 0);
  }

  @Test
  void destroy_zeroFillsTheHeldBytes() {
    byte[] held = VALUE.getBytes(StandardCharsets.UTF_8);
    Secret secret = Secret.adopt(held);

    secret.destroy();

    assertThat(held).containsOnly((byte) 0);
    assertThat(secret.isDestroyed()).isTrue();
  }

  @Test
  void destroy_thenEveryAccessor_throwsIllegalState() {
    Secret secret = Secret.ofChars(VALUE.toCharArray());
    secret.destroy();

    assertThatThrownBy(secret::chars).isInstanceOf(IllegalStateException.class)
        .hasMessage("secret was destroyed");
    assertThatThrownBy(secret::bytes).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> secret.withChars(c -> c.length))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> secret.withBytes(b -> b.length))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void destroy_twice_isHarmless() {
    Secret secret = Secret.ofChars(VALUE.toCharArray());
    secret.destroy();
    secret.destroy();

    assertThat(secret.isDestroyed()).isTrue();
  }

  @Test
  void isDestroyed_fresh_isFalse() {
    assertThat(Secret.ofChars(VALUE.toCharArray()).isDestroyed()).isFalse();
  }

  @Test
  void equals_sameValue_isTrueAcrossCharsAndBytes() {
    Secret fromChars = Secret.ofChars(VALUE.toCharArray());
    Secret fromBytes = Secret.ofBytes(VALUE.getBytes(StandardCharsets.UTF_8));

    assertThat(fromChars).isEqualTo(fromBytes);
    assertThat(fromBytes).isEqualTo(fromChars);
    assertThat(fromChars).isEqualTo(fromChars);
  }

  @Test
  void equals_differentValueOrLengthOrType_isFalse() {
    Secret secret = Secret.ofChars(VALUE.toCharArray());

    assertThat(secret).isNotEqualTo(Secret.ofChars((VALUE + "x").toCharArray()));
    assertThat(secret).isNotEqualTo(Secret.ofChars("S3cr3t-Päss".toCharArray()));
    assertThat(secret).isNotEqualTo(Secret.ofChars(new char[0]));
    assertThat(secret).isNotEqualTo(VALUE);
    assertThat(secret.equals(null)).isFalse();
  }

  @Test
  void equals_destroyedSecret_equalsOnlyItself() {
    Secret a = Secret.ofChars(VALUE.toCharArray());
    Secret b = Secret.ofChars(VALUE.toCharArray());
    a.destroy();

    assertThat(a).isEqualTo(a);
    assertThat(a).isNotEqualTo(b);
    assertThat(b).isNotEqualTo(a);
  }

  @Test
  void hashCode_isTheSameConstantForEverySecret() {
    assertThat(Secret.ofChars(VALUE.toCharArray()).hashCode())
        .isEqualTo(Secret.ofChars("other".toCharArray()).hashCode())
        .isEqualTo(Secret.ofBytes(new byte[0]).hashCode());
  }

  @Test
  void factories_nullArguments_areRejectedByName() {
    assertThatThrownBy(() -> Secret.ofChars(null)).hasMessage("value");
    assertThatThrownBy(() -> Secret.ofBytes(null)).hasMessage("value");
    assertThatThrownBy(() -> Secret.ofBytes(new byte[0]).withChars(null)).hasMessage("action");
    assertThatThrownBy(() -> Secret.ofBytes(new byte[0]).withBytes(null)).hasMessage("action");
  }

  @Test
  void destroy_concurrentWithReaders_readersSeeTheWholeValueOrIllegalState() throws Exception {
    byte[] expected = VALUE.getBytes(StandardCharsets.UTF_8);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < 200; round++) {
        Secret secret = Secret.ofBytes(expected);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<byte[]>> reads = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
          reads.add(pool.submit(() -> {
            start.await();
            try {
              return secret.bytes();
            } catch (IllegalStateException destroyed) {
              return null;
            }
          }));
        }
        Future<?> destroyer = pool.submit(() -> {
          start.await();
          secret.destroy();
          return null;
        });
        start.countDown();
        destroyer.get(10, TimeUnit.SECONDS);
        for (Future<byte[]> read : reads) {
          byte[] got = read.get(10, TimeUnit.SECONDS);
          if (got != null) {
            assertThat(got).isEqualTo(expected);
          }
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
