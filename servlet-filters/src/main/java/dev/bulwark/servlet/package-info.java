/**
 * Jakarta Servlet 6 filters over Bulwark's engines.
 *
 * <p>Start with {@link dev.bulwark.servlet.CorsFilter}, {@link dev.bulwark.servlet.HttpsRedirectFilter}
 * or {@link dev.bulwark.servlet.FetchMetadataFilter}. Filters hold no policy logic: each
 * turns the request into a {@code dev.bulwark.http.HttpRequestView}, asks its engine, and
 * writes the decision.
 */
@NullMarked
package dev.bulwark.servlet;

import org.jspecify.annotations.NullMarked;
