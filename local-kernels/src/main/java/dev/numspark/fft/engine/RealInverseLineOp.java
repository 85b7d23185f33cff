package dev.numspark.fft.engine;

import dev.numspark.fft.FftPlan;

/**
 * The real line of length {@code n} whose spectrum's non-negative half is the input:
 * {@code irfft}, and with {@code conjugate} set {@code hfft}. As in pocketfft the imaginary parts
 * of the zero (and, for even n, Nyquist) frequency are ignored.
 */
public final class RealInverseLineOp extends LineOp {
  final int n;
  /** The normalisation factor of the unnormalised inverse sum (1/n for "backward"). */
  final double norm;
  private final double factor;
  final boolean conjugate;
  private final FftPlan plan;

  public RealInverseLineOp(int inputLength, int n, double factor, boolean conjugate) {
    super(Math.min(inputLength, n / 2 + 1), n, true, false);
    this.n = n;
    // JTransforms' unscaled realInverse returns half the sum for power-of-two lengths; its scaled
    // variant (1/n) is right for every length, so we use that and fold n into our factor.
    this.norm = factor;
    this.factor = factor * n;
    this.conjugate = conjugate;
    this.plan = n > 1 ? PlanCache.plan(n) : null;
  }

  @Override
  int inputDoubles() {
    return 2 * (n / 2 + 1);
  }

  @Override
  int workLength() {
    return n + 2;
  }

  @Override
  void transform(double[] a) {
    if (plan == null) {
      a[0] *= factor;
      return;
    }
    if (conjugate) {
      // hfft(x) = irfft(conj(x)) unscaled: the conjugate's spectrum is the reversed one.
      for (int i = 1; i < 2 * (n / 2 + 1); i += 2) {
        a[i] = -a[i];
      }
    }
    pack(a, n);
    plan.realInverse(a, true);
    scale(a, n, factor);
  }

  /** The inverse of {@link RealForwardLineOp#unpack}: JTransforms' packed layout in a[0..n). */
  static void pack(double[] a, int n) {
    a[1] = a[n];
  }
}
