package dev.numspark.fft;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The DFT of a real line of length {@code n}, keeping the {@code n/2 + 1} non-negative
 * frequencies: {@code rfft}, and with {@code conjugate} set {@code ihfft}.
 */
final class RealForwardLineOp extends LineOp {
  final int n;
  final double factor;
  final boolean conjugate;
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

  /** Exactly the output row: unpacking needs a[n+1] only for even n. */
  @Override
  int workLength() {
    return 2 * (n / 2 + 1);
  }

  @Override
  void transform(double[] a) {
    transform(a, 0);
  }

  @Override
  boolean inPlace() {
    return true;
  }

  @Override
  void transform(double[] a, int off) {
    if (plan != null) {
      plan.realForward(a, off);
    }
    unpack(a, off, n);
    int doubles = 2 * (n / 2 + 1);
    scale(a, off, doubles, factor);
    if (conjugate) {
      for (int i = off + 1; i < off + doubles; i += 2) {
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
  static void unpack(double[] a, int off, int n) {
    if (n == 1) {
      a[off + 1] = 0.0;
      return;
    }
    a[off + n] = a[off + 1];
    a[off + 1] = 0.0;
    if (n % 2 == 0) {
      a[off + n + 1] = 0.0;
    }
  }
}
