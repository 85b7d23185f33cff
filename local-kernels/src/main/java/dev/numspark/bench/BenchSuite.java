package dev.numspark.bench;

import java.util.List;

/**
 * A family of side-by-side benchmarks for {@code bin/numspark bench} (fft, signal, linalg, ...).
 * Implementations are found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.numspark.bench.BenchSuite}).
 */
public interface BenchSuite {

  /** The suite name used by {@code --suite}, e.g. {@code fft}. */
  String name();

  /** The cases to run; {@code quick} asks for smaller sizes and fewer repeats. */
  List<BenchCase> cases(boolean quick);
}
