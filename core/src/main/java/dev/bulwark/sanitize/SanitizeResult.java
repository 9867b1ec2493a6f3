package dev.bulwark.sanitize;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@link HtmlPolicy#sanitizeWithReport}: the safe HTML and what was removed.
 *
 * <p>{@code removedElements} lists element names in document order (one entry per discarded
 * start tag); {@code removedAttributes} lists {@code element@attribute} entries. Text content
 * is kept (encoded) unless it was inside an element whose content is dropped, such as
 * {@code script} or {@code style}. Neither list contains input text, so both are safe to log.
 *
 * @param html the sanitized HTML, safe to insert as element content
 * @param removedElements names of discarded elements, lower case
 * @param removedAttributes discarded attributes as {@code element@attribute}, lower case
 * @param postCheckFailed true when the sanitizer's output failed Bulwark's post-sanitize check
 *     and was replaced by the empty string (a sanitizer bypass attempt; log it)
 */
public record SanitizeResult(String html, List<String> removedElements,
    List<String> removedAttributes, boolean postCheckFailed) {

  /**
   * Copies the lists.
   *
   * @param html the sanitized HTML
   * @param removedElements discarded elements
   * @param removedAttributes discarded attributes
   * @param postCheckFailed whether the post-sanitize check failed
   */
  public SanitizeResult {
    Objects.requireNonNull(html, "html");
    removedElements = List.copyOf(removedElements);
    removedAttributes = List.copyOf(removedAttributes);
  }

  /**
   * Tells whether anything was removed: an element, an attribute, or the whole output after a
   * failed post-sanitize check. Re-encoding of text ({@code <} to {@code &lt;}) is not removal.
   *
   * @return true when markup was removed
   */
  public boolean removedAnything() {
    return postCheckFailed || !removedElements.isEmpty() || !removedAttributes.isEmpty();
  }
}
