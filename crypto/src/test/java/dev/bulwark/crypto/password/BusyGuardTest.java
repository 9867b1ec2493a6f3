package dev.bulwark.crypto.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The login-flood guard. Deterministic: a hook that runs while a permit is held blocks on a
 * latch, so "every permit is taken" is a fact, not a race against the clock.
 */
class BusyGuardTest {

  @Test
  void hash_everyPermitHeld_throwsBusyWithoutMaterial() throws Exception {
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean block = new AtomicBoolean(false);
    PasswordHasher hasher = PasswordHasher.bcrypt().insecureCostForTests(4)
        .maxConcurrentHashes(1).queueTimeout(Duration.ZERO)
        .onPermit(() -> {
          if (block.get()) {
            holding.countDown();
            await(release);
          }
        }).build();
    String stored = hasher.hash("pw".toCharArray());
    block.set(true);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<PasswordVerification> holder = pool.submit(
          () -> hasher.verify("pw".toCharArray(), stored));
      assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
      block.set(false);
      assertThatThrownBy(() -> hasher.verify("secret-guess".toCharArray(), stored))
          .isInstanceOf(PasswordHashingBusyException.class)
          .hasMessageContaining("1 password-hashing permits")
          .hasMessageNotContaining("secret-guess").hasMessageNotContaining(stored);
      assertThatThrownBy(() -> hasher.hash("secret-guess".toCharArray()))
          .isInstanceOf(PasswordHashingBusyException.class);
      assertThatThrownBy(() -> hasher.verifyUnknownUser("x".toCharArray()))
          .isInstanceOf(PasswordHashingBusyException.class);
      release.countDown();
      assertThat(holder.get(10, TimeUnit.SECONDS).matches()).isTrue();
      assertThat(hasher.verify("pw".toCharArray(), stored).matches()).isTrue(); // permit back
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void verify_malformedHashWhileBusy_isAnsweredWithoutPermit() throws Exception {
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    PasswordHasher hasher = PasswordHasher.bcrypt().insecureCostForTests(4)
        .maxConcurrentHashes(1).queueTimeout(Duration.ZERO).build();
    String stored = hasher.hash("pw".toCharArray());
    PasswordHasher blocking = PasswordHasher.bcrypt().insecureCostForTests(4)
        .maxConcurrentHashes(1).queueTimeout(Duration.ZERO)
        .onPermit(() -> {
          holding.countDown();
          await(release);
        }).build();
    assertThat(stored).isNotEmpty();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<?> holder = pool.submit(() -> blocking.verify("pw".toCharArray(), stored));
      assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(blocking.verify("pw".toCharArray(), "garbage").reason())
          .isEqualTo(PasswordVerification.Reason.MALFORMED_HASH);
      release.countDown();
      holder.get(10, TimeUnit.SECONDS);
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void verify_concurrentLoad_neverExceedsPermits() throws Exception {
    AtomicInteger active = new AtomicInteger();
    AtomicInteger maxActive = new AtomicInteger();
    CountDownLatch twoInside = new CountDownLatch(2);
    PasswordHasher hasher = PasswordHasher.bcrypt().insecureCostForTests(4)
        .maxConcurrentHashes(2).queueTimeout(Duration.ofMinutes(1))
        .onPermit(() -> {
          int now = active.incrementAndGet();
          maxActive.accumulateAndGet(now, Math::max);
          twoInside.countDown();
          await(twoInside); // the first two wait for each other, so both permits are in use
          active.decrementAndGet();
        }).build();
    String stored = PasswordHasher.bcrypt().insecureCostForTests(4).build()
        .hash("pw".toCharArray());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<PasswordVerification>> results = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        results.add(pool.submit(() -> hasher.verify("pw".toCharArray(), stored)));
      }
      for (Future<PasswordVerification> result : results) {
        assertThat(result.get(1, TimeUnit.MINUTES).matches()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(maxActive.get()).isEqualTo(2);
  }

  @Test
  void build_zeroPermitsOrNegativeTimeout_isRefused() {
    assertThatThrownBy(() -> PasswordHasher.bcrypt().maxConcurrentHashes(0).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxConcurrentHashes");
    assertThatThrownBy(() -> PasswordHasher.bcrypt().queueTimeout(Duration.ofSeconds(-1)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("queueTimeout");
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("latch not released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
