/**
 * HTML sanitizing for user-supplied markup, on top of the OWASP Java HTML Sanitizer.
 *
 * <p>Start with the presets in {@link dev.bulwark.sanitize.Sanitizers} ({@code PLAIN_TEXT},
 * {@code BASIC}, {@code RICH_TEXT}); build a custom policy with
 * {@link dev.bulwark.sanitize.HtmlPolicy#builder()}, which refuses dangerous elements,
 * attributes and URL schemes at build time. {@link dev.bulwark.sanitize.HtmlPolicy#sanitize}
 * returns the safe HTML; {@link dev.bulwark.sanitize.HtmlPolicy#sanitizeWithReport} also says
 * what was removed. Every output passes a post-sanitize check before it is returned.
 */
@NullMarked
package dev.bulwark.sanitize;

import org.jspecify.annotations.NullMarked;
