/**
 * HTTPS enforcement: redirect plain-HTTP requests to HTTPS on an allow-listed canonical host,
 * and send {@code Strict-Transport-Security} on secure responses.
 *
 * <p>Start with {@link dev.bulwark.https.HttpsPolicy#builder()}; then
 * {@link dev.bulwark.https.HttpsEngine#of(HttpsPolicy, dev.bulwark.http.ClientResolver)}
 * decides each request and returns a {@link dev.bulwark.https.RedirectDecision}. Servlet
 * applications use {@code dev.bulwark.servlet.HttpsRedirectFilter}, which does exactly that;
 * {@link dev.bulwark.https.HttpsSettings} reads the same settings from strings.
 */
@NullMarked
package dev.bulwark.https;

import org.jspecify.annotations.NullMarked;
