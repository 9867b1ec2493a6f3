package dev.bulwark.crypto.password;

import dev.bulwark.time.NanoClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * Builds a bcrypt {@link PasswordHasher}; start with {@link PasswordHasher#bcrypt()}.
 *
 * <p>Defaults: cost 12 (minimum 10, as OWASP asks), no pepper, passwords longer than 72 UTF-8
 * bytes refused by {@code hash}, stored hashes up to cost 16 (or the configured cost if higher)
 * verified. Not thread-safe; build once at start-up.
 */
public final class BcryptBuilder extends PasswordHasherBuilder<BcryptBuilder> {

  /** The lowest cost {@link #cost(int)} accepts (OWASP's minimum for bcrypt). */
  public static final int MIN_COST = 10;
  /** The highest cost bcrypt defines. */
  public static final int MAX_COST = 31;
  /** The default cost. */
  public static final int DEFAULT_COST = 12;
  static final int CALIBRATION_SAMPLES = 5;
  static final int DEFAULT_MAX_VERIFY_COST = 16;

  int cost = DEFAULT_COST;
  private boolean insecureCostAllowed;
  boolean longPasswords;
  int maxVerifyCost = -1;
  private NanoClock clock = NanoClock.system();

  BcryptBuilder() {}

  @Override
  BcryptBuilder self() {
    return this;
  }

  /**
   * Sets the cost: bcrypt does 2<sup>cost</sup> rounds, so each step doubles the time.
   *
   * @param cost {@value #MIN_COST} to {@value #MAX_COST}; default {@value #DEFAULT_COST}
   * @return this builder
   */
  public BcryptBuilder cost(int cost) {
    this.cost = cost;
    this.insecureCostAllowed = false;
    return this;
  }

  /** Tests only: allows costs 4 to 9, which are too cheap for real passwords. */
  BcryptBuilder insecureCostForTests(int cost) {
    this.cost = cost;
    this.insecureCostAllowed = true;
    return this;
  }

  /**
   * Accepts passwords of any length: every new hash is bcrypt over
   * base64(HMAC-SHA-384(fixed key, password)), stored as {@code $bulwark-bcrypt$v=1$2b$...} so
   * that {@code verify} knows how it was made. Such hashes verify only with Bulwark. With a
   * {@link #pepper(String, dev.bulwark.secrets.Secret) pepper} this is always the case (the
   * pepper's HMAC is the pre-hash), whether or not this is called.
   *
   * @return this builder
   */
  public BcryptBuilder longPasswords() {
    this.longPasswords = true;
    return this;
  }

  /**
   * Sets the highest cost a stored hash may ask for; higher ones are "no match" with
   * {@link PasswordVerification.Reason#UNSUPPORTED_PARAMETERS}, so a tampered database row
   * cannot pin a core for hours. Default: 16, or the cost if that is higher.
   *
   * @param maxCost at least the cost, at most {@value #MAX_COST}
   * @return this builder
   */
  public BcryptBuilder maxVerifyCost(int maxCost) {
    this.maxVerifyCost = maxCost;
    return this;
  }

  /**
   * Sets the clock {@link #calibrate(Duration)} measures with (default: the system clock).
   *
   * @param clock a monotonic clock
   * @return this builder
   */
  public BcryptBuilder nanoClock(NanoClock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Sets the cost to the lowest one whose median time over {@value #CALIBRATION_SAMPLES} hashes
   * on this machine reaches {@code target}, never below {@value #MIN_COST}; stops at
   * {@link #maxVerifyCost(int)} if set, else at 20. Runs the hashes now, on this thread.
   *
   * @param target for example {@code Duration.ofMillis(250)}
   * @return this builder, with the chosen cost
   */
  public BcryptBuilder calibrate(Duration target) {
    Objects.requireNonNull(target, "target");
    if (target.isNegative() || target.isZero()) {
      throw new IllegalArgumentException("calibrate target must be positive, for example"
          + " Duration.ofMillis(250)");
    }
    // Timing does not depend on the salt or the password, so fixed ones will do.
    byte[] salt = new byte[16];
    byte[] password = "calibration-password-0123456789".getBytes(StandardCharsets.US_ASCII);
    int ceiling = maxVerifyCost > 0 ? Math.min(maxVerifyCost, MAX_COST) : 20;
    cost(calibrate(target, MIN_COST, Math.max(MIN_COST, ceiling), clock,
        c -> Engines.bcryptHashChars(c, salt, password)));
    return this;
  }

  /** The calibration loop, with the hash step injected (tests pass one that advances a clock). */
  static int calibrate(Duration target, int minCost, int maxCost, NanoClock clock,
      IntConsumer hashAtCost) {
    long targetNanos = target.toNanos();
    long[] samples = new long[CALIBRATION_SAMPLES];
    for (int c = minCost; c < maxCost; c++) {
      for (int i = 0; i < samples.length; i++) {
        long start = clock.nanoTime();
        hashAtCost.accept(c);
        samples[i] = clock.nanoTime() - start;
      }
      Arrays.sort(samples);
      if (samples[samples.length / 2] >= targetNanos) {
        return c;
      }
    }
    return maxCost;
  }

  @Override
  public PasswordHasher build() {
    checkCommon();
    if (cost > MAX_COST || cost < (insecureCostAllowed ? 4 : MIN_COST)) {
      throw new IllegalArgumentException("bcrypt cost is " + cost + "; it must be from "
          + MIN_COST + " (OWASP's minimum) to " + MAX_COST + ". Use cost(12), or calibrate("
          + "Duration.ofMillis(250)) to pick one for this machine");
    }
    int maxCost = maxVerifyCost < 0 ? Math.max(DEFAULT_MAX_VERIFY_COST, cost) : maxVerifyCost;
    if (maxCost < cost || maxCost > MAX_COST) {
      throw new IllegalArgumentException("maxVerifyCost is " + maxCost + "; it must be from"
          + " the cost (" + cost + ") to " + MAX_COST + ", or left unset (16)");
    }
    return PasswordHasher.bcrypt(this, maxCost);
  }
}
