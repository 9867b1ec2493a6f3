package dev.bulwark.testkit;

import dev.bulwark.time.NanoClock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that only moves when a test moves it: both a wall clock ({@link InstantSource}) and a
 * monotonic clock ({@link NanoClock}), so one instance can be handed to every engine under test.
 *
 * <pre>{@code
 * FakeClock clock = FakeClock.create();   // hand it to the engine under test
 * long t0 = clock.nanoTime();
 * clock.advance(Duration.ofSeconds(30));   // instead of Thread.sleep(30_000)
 * // clock.nanoTime() - t0 == 30_000_000_000L, clock.instant() moved by 30 s
 * }</pre>
 *
 * <p><b>Monotonic origin.</b> By default the monotonic reading starts one hour before
 * {@link Long#MAX_VALUE}, so it wraps to negative values after one hour of fake time. Code that
 * compares two readings with {@code <} instead of subtracting them (the mistake
 * {@link System#nanoTime()} documents) fails in tests instead of after 292 years of uptime.
 * Use {@link #startingAt(Instant, long)} to choose another origin.
 *
 * <p><b>Wall clock.</b> {@link #advance(Duration)} moves both clocks by the same amount.
 * {@link #setInstant(Instant)} moves only the wall clock, in either direction, as an NTP step
 * would; the monotonic clock never goes backwards.
 *
 * <p><b>Thread safety.</b> All methods are thread-safe. Both readings live in one immutable
 * state swapped atomically, so {@code advance} is never seen half-applied.
 */
public final class FakeClock implements InstantSource, NanoClock {

  /** The wall-clock start used by {@link #create()}: {@code 2026-01-01T00:00:00Z}. */
  public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

  /** The monotonic origin used by {@link #create()}: one hour before {@link Long#MAX_VALUE}. */
  public static final long DEFAULT_NANO_ORIGIN = Long.MAX_VALUE - Duration.ofHours(1).toNanos();

  private record State(Instant wall, long nanos) {}

  private final AtomicReference<State> state;

  private FakeClock(Instant start, long nanoOrigin) {
    this.state = new AtomicReference<>(new State(start, nanoOrigin));
  }

  /**
   * Creates a clock at {@link #DEFAULT_START} with the monotonic reading at
   * {@link #DEFAULT_NANO_ORIGIN}.
   *
   * @return a new clock
   */
  public static FakeClock create() {
    return new FakeClock(DEFAULT_START, DEFAULT_NANO_ORIGIN);
  }

  /**
   * Creates a clock whose wall clock reads {@code start}, with the monotonic reading at
   * {@link #DEFAULT_NANO_ORIGIN}.
   *
   * @param start the initial wall-clock instant
   * @return a new clock
   */
  public static FakeClock startingAt(Instant start) {
    return new FakeClock(Objects.requireNonNull(start, "start"), DEFAULT_NANO_ORIGIN);
  }

  /**
   * Creates a clock with an explicit wall-clock start and monotonic origin.
   *
   * @param start the initial wall-clock instant
   * @param nanoOrigin the initial monotonic reading (any value, negative included)
   * @return a new clock
   */
  public static FakeClock startingAt(Instant start, long nanoOrigin) {
    return new FakeClock(Objects.requireNonNull(start, "start"), nanoOrigin);
  }

  @Override
  public Instant instant() {
    return state.get().wall();
  }

  @Override
  public long nanoTime() {
    return state.get().nanos();
  }

  /**
   * Moves both clocks forward by {@code amount}.
   *
   * @param amount how far to move; zero is allowed
   * @return this clock, for chaining
   * @throws IllegalArgumentException if {@code amount} is negative (the monotonic clock never
   *     goes back; use {@link #setInstant(Instant)} to step the wall clock backwards)
   * @throws ArithmeticException if {@code amount} does not fit in a {@code long} of nanoseconds
   */
  public FakeClock advance(Duration amount) {
    Objects.requireNonNull(amount, "amount");
    if (amount.isNegative()) {
      throw new IllegalArgumentException(
          "amount must not be negative, got " + amount
              + "; the monotonic clock never goes back, use setInstant(...) to step the wall clock");
    }
    long nanos = amount.toNanos();
    state.updateAndGet(s -> new State(s.wall().plus(amount), s.nanos() + nanos));
    return this;
  }

  /**
   * Moves both clocks forward by {@code nanos} nanoseconds.
   *
   * @param nanos how far to move, in nanoseconds; zero is allowed
   * @return this clock, for chaining
   * @throws IllegalArgumentException if {@code nanos} is negative
   */
  public FakeClock advanceNanos(long nanos) {
    if (nanos < 0) {
      throw new IllegalArgumentException("nanos must not be negative, got " + nanos);
    }
    state.updateAndGet(s -> new State(s.wall().plusNanos(nanos), s.nanos() + nanos));
    return this;
  }

  /**
   * Sets the wall clock to {@code instant}, forwards or backwards, leaving the monotonic clock
   * untouched: this simulates an NTP step or a manual clock change.
   *
   * @param instant the new wall-clock reading
   * @return this clock, for chaining
   */
  public FakeClock setInstant(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    state.updateAndGet(s -> new State(instant, s.nanos()));
    return this;
  }

  @Override
  public String toString() {
    State s = state.get();
    return "FakeClock[instant=" + s.wall() + ", nanoTime=" + s.nanos() + "]";
  }
}
