package dev.bulwark.sanitize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The buffer the renderer writes into: Appendable's contract, growth, and what is read. */
class RenderBufferTest {

  @Test
  void append_stringsCharsAndRegions_inOrder() {
    RenderBuffer buffer = new RenderBuffer(0);
    buffer.append("<p>").append('x').append("a&lt;b", 1, 5).append(new StringBuilder("</p>"));
    assertThat(buffer.toString()).isEqualTo("<p>x&lt;</p>");
    assertThat(buffer.length()).isEqualTo(12);
    assertThat(Arrays.copyOf(buffer.chars(), buffer.length())).containsExactly(
        "<p>x&lt;</p>".toCharArray());
  }

  @Test
  void append_beyondCapacity_grows() {
    RenderBuffer buffer = new RenderBuffer(1);
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      String piece = "\u00e9\u4e2d" + i; // Latin-1 and non-Latin-1 characters
      buffer.append(piece);
      buffer.append(new StringBuilder(piece), 0, 1);
      expected.append(piece).append(piece.charAt(0));
    }
    assertThat(buffer.toString()).isEqualTo(expected.toString());
  }

  @Test
  void append_null_appendsTheWordNullAsAppendableRequires() {
    assertThat(new RenderBuffer(4).append(null).append(null, 1, 3).toString())
        .isEqualTo("nullul");
  }

  @Test
  void append_badRegion_throwsAndWritesNothing() {
    RenderBuffer buffer = new RenderBuffer(4).append("ab");
    assertThatThrownBy(() -> buffer.append("xyz", 2, 4))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> buffer.append(new StringBuilder("xyz"), -1, 1))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(buffer.toString()).isEqualTo("ab");
  }
}
