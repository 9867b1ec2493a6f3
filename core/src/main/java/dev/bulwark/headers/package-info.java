/**
 * Security response headers: a strict Content Security Policy with a fresh nonce per request,
 * cross-origin isolation headers, and per-path profiles ({@code Cache-Control: no-store},
 * {@code Clear-Site-Data}).
 *
 * <p>Start with {@link dev.bulwark.headers.SecurityHeadersPolicies#recommended()} (or
 * {@link dev.bulwark.headers.SecurityHeadersPolicy#builder()} for an empty policy); then
 * {@link dev.bulwark.headers.SecurityHeadersEngine#of(SecurityHeadersPolicy,
 * java.security.SecureRandom)} decides each request and returns a
 * {@link dev.bulwark.headers.SecurityHeadersDecision}. Servlet applications use
 * {@code dev.bulwark.servlet.SecurityHeadersFilter}, which does exactly that. Every header value
 * is rendered once, when the policy is built; only the nonce is per request.
 */
@NullMarked
package dev.bulwark.headers;

import org.jspecify.annotations.NullMarked;
