package dev.numspark.fft;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Only for {@code FftBenchSuite}'s JTransforms baseline, which is moving to the bench module:
 * there it should build {@code new DoubleFFT_1D(n)} itself, and this class goes. numspark's own
 * code uses {@link FftPlan} (JTransforms stays inside {@code dev.numspark.fft.engine}).
 */
@Deprecated
final class Plans {
  private Plans() {}

  /** JTransforms' plan of length {@code n >= 1}, run on one thread as numspark runs it. */
  static DoubleFFT_1D fft(int n) {
    FftPlan.of(1); // the engine keeps JTransforms' global thread count at 1
    return new DoubleFFT_1D(n);
  }
}
