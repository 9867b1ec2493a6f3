/**
 * Output encoding, named after the context the text is written into.
 *
 * <p>Start with {@link dev.bulwark.encode.Encoders}: pick the method named after where the value
 * goes ({@code forHtmlContent}, {@code forHtmlAttribute}, {@code forJavaScriptString},
 * {@code forJsonStringInHtml}, {@code forCssString}, {@code forUriComponent}, {@code forXml}).
 * Encoding is the primary defence against cross-site scripting; sanitizing HTML
 * ({@code dev.bulwark.sanitize}) is for the rare case where users must supply markup.
 */
@NullMarked
package dev.bulwark.encode;

import org.jspecify.annotations.NullMarked;
