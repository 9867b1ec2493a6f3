/**
 * The framework-neutral HTTP view and client resolution behind trusted proxies.
 *
 * <p>Start with {@link dev.bulwark.http.HttpRequestView} and
 * {@link dev.bulwark.http.HttpResponseHeaders}: the two small interfaces an adapter implements.
 * Then {@link dev.bulwark.http.TrustedProxies} and {@link dev.bulwark.http.ClientResolver},
 * which decide once per request who the client is and how it addressed the application.
 * {@link dev.bulwark.http.Origin} parses the {@code Origin} header strictly.
 */
@NullMarked
package dev.bulwark.http;

import org.jspecify.annotations.NullMarked;
