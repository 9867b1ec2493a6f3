package dev.bulwark.testkit.ratelimit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntPredicate;

/**
 * Fires attempts from several threads released at once and counts how many were admitted: the
 * harness of the "never admits more than the limit" tests, for any store or limiter.
 */
public final class ConcurrentAttempts {

  private ConcurrentAttempts() {}

  /**
   * Runs {@code perThread} attempts on each of {@code threads} threads, all started together.
   *
   * @param threads how many threads
   * @param perThread attempts per thread
   * @param attempt makes one attempt for the thread with the given index (0-based) and says
   *     whether it was admitted; it may throw an unchecked exception or error (e.g. a failed
   *     assertion), which fails the whole run
   * @return the number of admitted attempts over all threads
   * @throws InterruptedException if interrupted while waiting
   * @throws ExecutionException if an attempt threw
   * @throws TimeoutException if a thread took longer than 60 seconds
   */
  public static int countAdmitted(int threads, int perThread, IntPredicate attempt)
      throws InterruptedException, ExecutionException, TimeoutException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> admitted = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        Callable<Integer> caller = () -> {
          start.await();
          int allowed = 0;
          for (int i = 0; i < perThread; i++) {
            if (attempt.test(thread)) {
              allowed++;
            }
          }
          return allowed;
        };
        admitted.add(pool.submit(caller));
      }
      start.countDown();
      int total = 0;
      for (Future<Integer> f : admitted) {
        total += f.get(60, TimeUnit.SECONDS);
      }
      return total;
    } finally {
      pool.shutdownNow();
    }
  }
}
