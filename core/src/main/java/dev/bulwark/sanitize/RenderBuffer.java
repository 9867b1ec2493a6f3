package dev.bulwark.sanitize;

import java.util.Arrays;
import java.util.Objects;

/**
 * The growable character array the OWASP renderer writes a sanitized document into, so that
 * {@link OutputCheck} can scan the very characters that become the result, and the result
 * {@code String} is made once, only after the check passed. One per sanitize call; not
 * thread-safe.
 */
final class RenderBuffer implements Appendable {

  private char[] chars;
  private int length;

  /**
   * Makes an empty buffer.
   *
   * @param capacity the initial capacity (the input's length is a good guess)
   */
  RenderBuffer(int capacity) {
    chars = new char[Math.max(16, capacity)];
  }

  @Override
  public RenderBuffer append(CharSequence text) {
    CharSequence s = text == null ? "null" : text; // Appendable's contract
    return append(s, 0, s.length());
  }

  @Override
  public RenderBuffer append(CharSequence text, int start, int end) {
    CharSequence s = text == null ? "null" : text;
    Objects.checkFromToIndex(start, end, s.length());
    int added = end - start;
    ensureRoom(added);
    if (s instanceof String) {
      ((String) s).getChars(start, end, chars, length);
    } else {
      for (int i = start; i < end; i++) {
        chars[length + i - start] = s.charAt(i);
      }
    }
    length += added;
    return this;
  }

  @Override
  public RenderBuffer append(char c) {
    ensureRoom(1);
    chars[length++] = c;
    return this;
  }

  /** The array written into; only {@code [0, length())} is the document. */
  char[] chars() {
    return chars;
  }

  /** How many characters were written. */
  int length() {
    return length;
  }

  @Override
  public String toString() {
    return new String(chars, 0, length);
  }

  private void ensureRoom(int added) {
    int needed = length + added;
    if (needed < 0) {
      throw new OutOfMemoryError("sanitized output longer than Integer.MAX_VALUE characters");
    }
    if (needed > chars.length) {
      chars = Arrays.copyOf(chars,
          Math.max(needed, (int) Math.min(Integer.MAX_VALUE - 8, 2L * chars.length)));
    }
  }
}
