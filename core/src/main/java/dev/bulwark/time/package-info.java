/**
 * Injected time sources.
 *
 * <p>Bulwark never reads the system clock directly from an engine. Wall-clock time comes from a
 * {@link java.time.InstantSource}; elapsed time (rate-limit windows, cache expiry) comes from a
 * monotonic {@link dev.bulwark.time.NanoClock}. Production code uses the system sources; tests
 * use {@code dev.bulwark.testkit.FakeClock}, which implements both and is advanced by the test
 * instead of sleeping.
 *
 * <p>Start with {@link dev.bulwark.time.NanoClock#system()}.
 */
@NullMarked
package dev.bulwark.time;

import org.jspecify.annotations.NullMarked;
