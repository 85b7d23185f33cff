package dev.numspark.fft.engine;

import dev.numspark.fft.FftPlan;

/**
 * The DFT of a real line of length {@code n}, keeping the {@code n/2 + 1} non-negative
 * frequencies: {@code rfft}, and with {@code conjugate} set {@code ihfft}.
 */
public final class RealForwardLineOp extends LineOp {
  final int n;
  final double factor;
  final boolean conjugate;
  private final FftPlan plan;

  public RealForwardLineOp(int inputLength, int n, double factor, boolean conjugate) {
    super(Math.min(inputLength, n), n / 2 + 1, false, true);
    this.n = n;
    this.factor = factor;
    this.conjugate = conjugate;
    this.plan = n > 1 ? PlanCache.plan(n) : null;
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
   * {@link #transform} of the line in {@code a[0..n)}, written as separate parts: {@code
   * re[reOff + k], im[imOff + k]} hold what {@link #transform} leaves at {@code a[2k], a[2k+1]},
   * with the same arithmetic (one multiplication by the factor, exact when it is 1), so both give
   * bit-identical numbers.
   */
  public void transformToParts(double[] a, double[] re, int reOff, double[] im, int imOff) {
    if (plan != null) {
      plan.realForward(a, 0);
    }
    double f = factor;
    int last = n / 2;
    re[reOff] = a[0] * f;
    im[imOff] = part(0.0 * f);
    for (int k = 1; k < last; k++) {
      re[reOff + k] = a[2 * k] * f;
      im[imOff + k] = part(a[2 * k + 1] * f);
    }
    if (n > 1) {
      // the last bin as unpack() places it: a[1] is the Nyquist value (even n) or the
      // imaginary part of the last bin (odd n, whose real part is a[n - 1])
      re[reOff + last] = (n % 2 == 0 ? a[1] : a[n - 1]) * f;
      im[imOff + last] = part((n % 2 == 0 ? 0.0 : a[1]) * f);
    }
  }

  /** An imaginary part as {@link #transform} leaves it: negated for {@code ihfft}. */
  private double part(double scaledImaginary) {
    return conjugate ? -scaledImaginary : scaledImaginary;
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
