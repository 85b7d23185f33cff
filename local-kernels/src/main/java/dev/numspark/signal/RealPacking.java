package dev.numspark.signal;

/**
 * Conversions between the packed real-FFT layout of {@link dev.numspark.fft.FftPlan} and numpy's
 * {@code n/2+1} interleaved complex bins, for the out-of-place segment and block transforms of
 * this package. Plans come from the FFT package's shared cache ({@link
 * dev.numspark.fft.FftPlan#of}).
 */
final class RealPacking {
  private RealPacking() {}

  /**
   * Unpacks JTransforms' {@code realForward} layout of length {@code n} into {@code n/2+1}
   * interleaved complex bins (numpy's rfft order).
   */
  static void unpackReal(double[] packed, int n, double[] out) {
    out[0] = packed[0];
    out[1] = 0.0;
    int half = n / 2;
    if (n % 2 == 0) {
      for (int k = 1; k < half; k++) {
        out[2 * k] = packed[2 * k];
        out[2 * k + 1] = packed[2 * k + 1];
      }
      if (n > 1) {
        out[2 * half] = packed[1];
        out[2 * half + 1] = 0.0;
      }
    } else {
      for (int k = 1; k < half; k++) {
        out[2 * k] = packed[2 * k];
        out[2 * k + 1] = packed[2 * k + 1];
      }
      if (half >= 1) {
        out[2 * half] = packed[n - 1];
        out[2 * half + 1] = packed[1];
      }
    }
  }

  /**
   * Packs {@code n/2+1} interleaved complex bins into JTransforms' {@code realInverse} layout; the
   * imaginary parts of the zero and (even n) Nyquist bins are dropped, as numpy's irfft does.
   */
  static void packReal(double[] bins, int n, double[] packed) {
    packed[0] = bins[0];
    int half = n / 2;
    for (int k = 1; k < (n % 2 == 0 ? half : half); k++) {
      packed[2 * k] = bins[2 * k];
      packed[2 * k + 1] = bins[2 * k + 1];
    }
    if (n % 2 == 0) {
      if (n > 1) {
        packed[1] = bins[2 * half];
      }
    } else if (half >= 1) {
      packed[n - 1] = bins[2 * half];
      packed[1] = bins[2 * half + 1];
    }
  }
}
