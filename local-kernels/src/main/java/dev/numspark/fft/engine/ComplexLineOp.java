package dev.numspark.fft.engine;

import dev.numspark.fft.Norm;
import dev.numspark.fft.FftPlan;

/** The complex-to-complex DFT of length {@code n}: {@code fft} and {@code ifft} along an axis. */
public final class ComplexLineOp extends LineOp {
  final int n;
  final boolean forward;
  final double factor;
  private final FftPlan plan;

  public ComplexLineOp(int inputLength, int n, boolean forward, Norm norm) {
    super(Math.min(inputLength, n), n, true, true);
    this.n = n;
    this.forward = forward;
    this.factor = norm.factor(forward, n);
    this.plan = n > 1 ? PlanCache.plan(n) : null;
  }

  @Override
  int inputDoubles() {
    return 2 * n;
  }

  @Override
  int workLength() {
    return 2 * n;
  }

  @Override
  void transform(double[] work) {
    transform(work, 0);
  }

  @Override
  boolean inPlace() {
    return true;
  }

  @Override
  void transform(double[] a, int off) {
    if (plan != null) {
      if (forward) {
        plan.complexForward(a, off);
      } else {
        plan.complexInverse(a, off, false);
      }
    }
    scale(a, off, 2 * n, factor);
  }
}
