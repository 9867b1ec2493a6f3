/**
 * In-memory {@link dev.bulwark.http.HttpRequestView} and
 * {@link dev.bulwark.http.HttpResponseHeaders} for testing engines without a server. Start
 * with {@link dev.bulwark.testkit.http.FakeRequest#get(String)}.
 */
@NullMarked
package dev.bulwark.testkit.http;

import org.jspecify.annotations.NullMarked;
