package dev.numspark.fft;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The DFT of a real line of length {@code n}, keeping the {@code n/2 + 1} non-negative
 * frequencies: {@code rfft}, and with {@code conjugate} set {@code ihfft}.
 */
final class RealForwardLineOp extends LineOp {
  private final int n;
  private final double factor;
  private final boolean conjugate;
  private final DoubleFFT_1D plan;

  RealForwardLineOp(int inputLength, int n, double factor, boolean conjugate) {
    super(Math.min(inputLength, n), n / 2 + 1, false, true);
    this.n = n;
    this.factor = factor;
    this.conjugate = conjugate;
    this.plan = n > 1 ? Plans.fft(n) : null;
  }

  @Override
  int inputDoubles() {
    return n;
  }

  @Override
  int workLength() {
    return n + 2;
  }

  @Override
  void transform(double[] a) {
    if (plan != null) {
      plan.realForward(a);
    }
    unpack(a, n);
    int doubles = 2 * (n / 2 + 1);
    scale(a, doubles, factor);
    if (conjugate) {
      for (int i = 1; i < doubles; i += 2) {
        a[i] = -a[i];
      }
    }
  }

  /**
   * Turns JTransforms' packed real-FFT output of length {@code n} (in {@code a[0..n)}) into
   * {@code n/2 + 1} interleaved complex values (in {@code a[0 .. n+2)}). JTransforms stores the
   * real Nyquist value (even n) or the imaginary part of the last bin (odd n) in {@code a[1]}: both
   * belong at {@code a[n]}.
   */
  static void unpack(double[] a, int n) {
    if (n == 1) {
      a[1] = 0.0;
      return;
    }
    a[n] = a[1];
    a[1] = 0.0;
    if (n % 2 == 0) {
      a[n + 1] = 0.0;
    }
  }
}
