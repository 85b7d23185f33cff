package dev.numspark.examples;

import java.util.Arrays;
import java.util.Locale;

/** Summary statistics of a sample for the job reports (numpy's default linear quantiles). */
final class Stats {
  private Stats() {}

  static double quantile(double[] values, double q) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }

  static double mean(double[] values) {
    return Arrays.stream(values).average().orElse(Double.NaN);
  }

  /** "mean 0.05, median 0.05, p95 0.06, max 0.07". */
  static String describe(double[] values) {
    return String.format(Locale.ROOT, "mean %.4g, median %.4g, p95 %.4g, max %.4g", mean(values),
        quantile(values, 0.5), quantile(values, 0.95), quantile(values, 1.0));
  }
}
