package dev.bulwark.benchmarks;

import org.openjdk.jmh.annotations.Threads;

/** {@link RateLimitBenchmark} with two threads sharing the limiters. */
@Threads(2)
@BenchmarkDescription({
    "**What is measured.** `RateLimitBenchmark` with two threads sharing the same limiters:"
        + " on `keys=1` both threads contend for one key's state (compare-and-set retries);"
        + " on `keys=100000` each thread walks the keys from its own position.",
    "",
    "**How to read it.** The machine has two cores shared with other builds; two threads may"
        + " not get two whole cores."
})
public class RateLimitContendedBenchmark extends RateLimitBenchmark {}
