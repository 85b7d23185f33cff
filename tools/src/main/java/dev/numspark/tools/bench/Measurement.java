package dev.numspark.tools.bench;

import java.util.Arrays;

/**
 * One timing: milliseconds per call and its uncertainty.
 *
 * @param ms the median of the samples: JMH's measurement iterations (each a mean time per
 *     call) for {@code jmh}, the timed repeats for {@code python} and {@code wall}
 * @param errorMs the median absolute deviation of the samples
 * @param samples measurement iterations (JMH) or timed repeats
 * @param method {@code jmh}, {@code python} or {@code wall}
 */
public record Measurement(double ms, double errorMs, int samples, String method) {

  /** The median and median absolute deviation of per-call times in milliseconds. */
  public static Measurement ofSamples(double[] ms, String method) {
    if (ms.length == 0) {
      throw new IllegalArgumentException("no samples");
    }
    double median = median(ms);
    double[] deviations = new double[ms.length];
    for (int i = 0; i < ms.length; i++) {
      deviations[i] = Math.abs(ms[i] - median);
    }
    return new Measurement(median, median(deviations), ms.length, method);
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
}
