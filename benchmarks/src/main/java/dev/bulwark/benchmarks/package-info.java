/**
 * JMH benchmarks, each measuring a Bulwark operation side by side with the peer a user would
 * otherwise pick. Methods annotated {@link dev.bulwark.benchmarks.Peer} measure the peer; the
 * others measure Bulwark. {@link dev.bulwark.benchmarks.BenchmarkRunner} runs them and writes
 * {@code docs/benchmarks.md}.
 */
@NullMarked
package dev.bulwark.benchmarks;

import org.jspecify.annotations.NullMarked;
