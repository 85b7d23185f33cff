package dev.numspark.fft.engine;

/**
 * What is taken off a segment before its transform ({@code scipy.signal.detrend}'s types): nothing,
 * its mean, or its least-squares line. The line's slope is computed here for both the engine
 * ({@link SegmentPowers}) and signal's one-segment-at-a-time path, so both detrend alike. No
 * Vector API type is referenced: this loads without the module.
 */
public enum SegmentTrend {
  NONE, MEAN, LINE;

  /**
   * The slope of the least-squares line through {@code (j + 1, x[s + j])}, {@code j < n}, whose
   * mean is {@code mean}: SciPy solves it with lstsq on {@code (j + 1) / n}; in closed form with
   * centred sums it is equal to rounding. The line at {@code j} is then
   * {@code mean + slope ((j + 1) - (n + 1) / 2)}.
   */
  public static double slope(double[] x, int s, int n, double mean) {
    double tMean = (n + 1) / 2.0;
    double sxy = 0.0;
    double sxx = 0.0;
    for (int j = 0; j < n; j++) {
      double dt = (j + 1) - tMean;
      sxy += dt * (x[s + j] - mean);
      sxx += dt * dt;
    }
    return sxy / sxx;
  }
}
