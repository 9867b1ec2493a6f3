package dev.bulwark.sanitize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The buffer the renderer writes into: writes, growth, trimming, and what is read. */
class RenderBufferTest {

  @Test
  void write_stringsCharsAndRegions_inOrder() {
    RenderBuffer buffer = new RenderBuffer(0);
    buffer.write("<p>".toCharArray());
    buffer.write('x');
    buffer.write("a&lt;b", 1, 5);
    buffer.write("</p>", 0, 4);
    assertThat(buffer.toString()).isEqualTo("<p>x&lt;</p>");
    assertThat(buffer.length()).isEqualTo(12);
    assertThat(Arrays.copyOf(buffer.chars(), buffer.length())).containsExactly(
        "<p>x&lt;</p>".toCharArray());
  }

  @Test
  void write_beyondCapacity_grows() {
    RenderBuffer buffer = new RenderBuffer(1);
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      String piece = "\u00e9\u4e2d" + i; // Latin-1 and non-Latin-1 characters
      buffer.write(piece, 0, piece.length());
      buffer.write(piece.toCharArray());
      buffer.write(piece.charAt(1));
      expected.append(piece).append(piece).append(piece.charAt(1));
    }
    assertThat(buffer.toString()).isEqualTo(expected.toString());
    assertThat(RenderBuffer.of(expected.toString()).toString()).isEqualTo(expected.toString());
  }

  @Test
  void write_badRegion_throwsAndWritesNothing() {
    RenderBuffer buffer = RenderBuffer.of("ab");
    assertThatThrownBy(() -> buffer.write("xyz", 2, 4))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> buffer.write("xyz", -1, 1))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> buffer.write("xyz", 2, 1))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> buffer.write("xyz", 4, 4))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(buffer.toString()).isEqualTo("ab");
  }

  @Test
  void trimTrailing_removesOnlyTheTrailingRunOfThatCharacter() {
    RenderBuffer buffer = RenderBuffer.of("a\u200Cb\u200C\u200C");
    buffer.trimTrailing('\u200C');
    assertThat(buffer.toString()).isEqualTo("a\u200Cb");
    buffer.trimTrailing('\u200C');
    assertThat(buffer.toString()).isEqualTo("a\u200Cb");
    RenderBuffer all = RenderBuffer.of("\u200C\u200C");
    all.trimTrailing('\u200C');
    assertThat(all.length()).isZero();
  }

  @Test
  void truncate_forgetsTheTail_andRefusesLengthsOutsideWhatWasWritten() {
    RenderBuffer buffer = RenderBuffer.of("abcdef");
    buffer.truncate(6);
    buffer.truncate(2);
    assertThat(buffer.toString()).isEqualTo("ab");
    buffer.write('z');
    assertThat(buffer.toString()).isEqualTo("abz");
    assertThatThrownBy(() -> buffer.truncate(4)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> buffer.truncate(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(buffer.toString()).isEqualTo("abz");
  }
}
