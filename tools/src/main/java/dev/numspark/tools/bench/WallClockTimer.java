package dev.numspark.tools.bench;

import java.util.function.Supplier;

/**
 * Times an action as the wall time of whole calls in this JVM: one warm-up call, then
 * {@code repeats} timed calls; median and median absolute deviation. For cases such as Spark
 * jobs, where one call is seconds of work and the runtime is set up by the case itself.
 */
final class WallClockTimer {
  private WallClockTimer() {}

  static Measurement time(Supplier<Runnable> setup, int repeats) throws Exception {
    Runnable action = setup.get();
    try {
      action.run();
      double[] ms = new double[Math.max(1, repeats)];
      for (int i = 0; i < ms.length; i++) {
        long start = System.nanoTime();
        action.run();
        ms[i] = (System.nanoTime() - start) / 1e6;
      }
      return Measurement.ofSamples(ms, "wall");
    } finally {
      if (action instanceof AutoCloseable closeable) {
        closeable.close();
      }
    }
  }
}
