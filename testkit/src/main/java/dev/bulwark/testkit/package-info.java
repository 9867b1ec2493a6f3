/**
 * Test support for applications that use Bulwark and for authors of Bulwark backends.
 *
 * <p>Start with {@link dev.bulwark.testkit.FakeClock}: pass it wherever an engine takes an
 * {@link java.time.InstantSource} or a {@link dev.bulwark.time.NanoClock} and advance it from
 * the test instead of sleeping. {@link dev.bulwark.testkit.RequiresTool} marks tests that need
 * an external program (a Redis server, a browser) so that they are skipped on a developer
 * machine without it and fail, rather than silently skip, under {@code CI=true}.
 */
@NullMarked
package dev.bulwark.testkit;

import org.jspecify.annotations.NullMarked;
