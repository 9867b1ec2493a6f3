package dev.bulwark.sanitize;

/**
 * Thrown when input to {@link HtmlPolicy#sanitize} is longer than the policy's
 * {@link HtmlPolicy.Builder#maxInputLength(int) maxInputLength}. An adapter answers it with
 * HTTP 413. The message states the two lengths, never the input.
 */
public final class InputTooLargeException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final int length;
  private final int maxLength;

  InputTooLargeException(int length, int maxLength) {
    super("HTML input has " + length + " characters; this policy accepts at most " + maxLength
        + " (HtmlPolicy.Builder.maxInputLength)");
    this.length = length;
    this.maxLength = maxLength;
  }

  /**
   * Returns the length of the refused input.
   *
   * @return the input length in UTF-16 code units
   */
  public int length() {
    return length;
  }

  /**
   * Returns the policy's limit.
   *
   * @return the maximum accepted length in UTF-16 code units
   */
  public int maxLength() {
    return maxLength;
  }
}
