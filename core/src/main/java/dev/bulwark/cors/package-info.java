/**
 * Cross-Origin Resource Sharing: which other origins may read this application's responses.
 *
 * <p>Start with {@link dev.bulwark.cors.CorsPolicy#builder()}; then
 * {@link dev.bulwark.cors.CorsEngine#of(CorsPolicy, dev.bulwark.http.ClientResolver)} decides
 * each request and returns a {@link dev.bulwark.cors.CorsDecision}. Servlet applications use
 * {@code dev.bulwark.servlet.CorsFilter}, which does exactly that.
 */
@NullMarked
package dev.bulwark.cors;

import org.jspecify.annotations.NullMarked;
