/**
 * Cross-site request forgery protection from Fetch Metadata ({@code Sec-Fetch-*} request
 * headers), with an {@code Origin}/{@code Referer} fallback for browsers that send none.
 *
 * <p>Start with {@link dev.bulwark.fetchmetadata.FetchMetadataPolicy#builder()}; then
 * {@link dev.bulwark.fetchmetadata.FetchMetadataEngine#of(FetchMetadataPolicy,
 * dev.bulwark.http.ClientResolver)} decides each request and returns a
 * {@link dev.bulwark.fetchmetadata.FetchMetadataDecision}. Servlet applications use
 * {@code dev.bulwark.servlet.FetchMetadataFilter};
 * {@link dev.bulwark.fetchmetadata.FetchMetadataSettings} reads the same settings from strings.
 */
@NullMarked
package dev.bulwark.fetchmetadata;

import org.jspecify.annotations.NullMarked;
