package dev.numspark.tools.bench;

import java.util.List;

/**
 * A family of side-by-side benchmarks for {@code bin/numspark bench} (fft, signal, linalg, ...).
 * Implementations are found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.numspark.tools.bench.BenchSuite}).
 */
public interface BenchSuite {

  /** The suite name used by {@code --suite}, e.g. {@code fft}. */
  String name();

  /** The cases to run; {@code quick} asks for smaller sizes and fewer repeats. */
  List<BenchCase> cases(boolean quick);

  /**
   * Cases for the scaling study: the suite's main operation at (about three) growing batch sizes,
   * each at workers 1 and 2, numspark only (peer fields null), with {@link BenchCase#work()} set
   * so that throughput can be compared. Empty by default; the runner then uses
   * {@link ScalingCases} where it knows the family.
   */
  default List<BenchCase> scaling(boolean quick) {
    return List.of();
  }

  /**
   * Whether the cases are timed as the wall time of whole runs in the runner's own JVM (several
   * repeats, median) instead of with JMH in a forked JVM: right for cases that start their own
   * runtime, such as a Spark session.
   */
  default boolean wallClock() {
    return false;
  }
}
