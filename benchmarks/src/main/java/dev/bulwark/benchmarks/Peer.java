package dev.bulwark.benchmarks;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code @Benchmark} method that measures a peer library instead of Bulwark. Within a
 * benchmark class, every unannotated {@code @Benchmark} method measures Bulwark, and each peer
 * row in {@code docs/benchmarks.md} is compared with the Bulwark row of the same class,
 * parameters and mode.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Peer {

  /**
   * The peer's name and version as users know it, e.g. {@code "Bucket4j 8.14"}.
   *
   * @return the peer's display name
   */
  String value();
}
