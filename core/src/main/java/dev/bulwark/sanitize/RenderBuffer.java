package dev.bulwark.sanitize;

import java.util.Arrays;
import java.util.Objects;

/**
 * The growable character array a sanitized document is written into, so that
 * {@link OutputCheck} can scan the very characters that become the result, and the result
 * {@code String} is made once, only after the check passed. One per sanitize call; not
 * thread-safe.
 */
final class RenderBuffer {

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

  /** A buffer holding {@code text}. */
  static RenderBuffer of(String text) {
    RenderBuffer buffer = new RenderBuffer(text.length());
    buffer.write(text, 0, text.length());
    return buffer;
  }

  /** Appends {@code text[from, to)}; throws, writing nothing, for a bad region. */
  void write(String text, int from, int to) {
    Objects.checkFromToIndex(from, to, text.length());
    ensureRoom(to - from);
    text.getChars(from, to, chars, length);
    length += to - from;
  }

  /** Appends every character of {@code text}. */
  void write(char[] text) {
    ensureRoom(text.length);
    System.arraycopy(text, 0, chars, length, text.length);
    length += text.length;
  }

  /** Appends one character. */
  void write(char c) {
    ensureRoom(1);
    chars[length++] = c;
  }

  /** Forgets what was written after the first {@code length} characters. */
  void truncate(int length) {
    if (length < 0 || length > this.length) {
      throw new IndexOutOfBoundsException("length " + length + " of " + this.length);
    }
    this.length = length;
  }

  /** Removes every {@code c} at the end of what was written. */
  void trimTrailing(char c) {
    while (length > 0 && chars[length - 1] == c) {
      length--;
    }
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
