package dev.bulwark.benchmarks;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Notes printed under a benchmark class's table in {@code docs/benchmarks.md}: what is
 * compared, how, and what the figures should be read against. Kept in the class, next to the
 * code it describes, so that every rerun of {@code benchmarks/run} writes it again instead of
 * losing hand-written text. State what holds for every run; measured figures belong in the
 * table.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface BenchmarkDescription {

  /**
   * Markdown paragraphs; lines are joined with a newline, so an empty string starts a new
   * paragraph.
   *
   * @return the notes
   */
  String[] value();
}
