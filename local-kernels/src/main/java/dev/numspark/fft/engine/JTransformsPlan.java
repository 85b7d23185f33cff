package dev.numspark.fft.engine;

import dev.numspark.fft.FftPlan;
import org.jtransforms.fft.DoubleFFT_1D;
import pl.edu.icm.jlargearrays.ConcurrencyUtils;

/**
 * An {@link FftPlan} computed by JTransforms' {@link DoubleFFT_1D} (its twiddle tables
 * and Bluestein kernel), every call passed straight through (the unscaled real inverse fixed
 * up, below), so results are JTransforms' bits.
 *
 * <p>A JTransforms plan is immutable once built (it writes its fields only in the constructor and
 * allocates scratch per call), so one instance serves concurrent callers. JTransforms' own thread
 * count is process-global (JLargeArrays' {@code ConcurrencyUtils.setNumberOfThreads}, which
 * JTransforms reads); it is kept at 1 so a transform never starts threads beyond the caller's
 * {@code workers}: parallelism comes from running independent 1-D transforms on
 * {@code WorkerPool}.
 */
final class JTransformsPlan implements FftPlan {
  static {
    ConcurrencyUtils.setNumberOfThreads(1);
  }

  private final DoubleFFT_1D fft;
  private final int n;

  private JTransformsPlan(int n) {
    this.fft = new DoubleFFT_1D(n);
    this.n = n;
  }

  /** A new plan of length {@code n >= 1} (callers cache it: building one computes its tables). */
  static FftPlan create(int n) {
    return new JTransformsPlan(n);
  }

  @Override
  public int length() {
    return n;
  }

  @Override
  public void complexForward(double[] a, int offset) {
    fft.complexForward(a, offset);
  }

  @Override
  public void complexInverse(double[] a, int offset, boolean scale) {
    fft.complexInverse(a, offset, scale);
  }

  @Override
  public void realForward(double[] a, int offset) {
    fft.realForward(a, offset);
  }

  @Override
  public void realInverse(double[] a, int offset, boolean scale) {
    // JTransforms' unscaled realInverse returns half the sum for power-of-two lengths (as
    // RealInverseLineOp notes); its scaled one is right for every length, so the plain sum
    // FftPlan promises is that times n (every caller in numspark scales: the same bits as before)
    fft.realInverse(a, offset, true);
    if (!scale) {
      for (int i = offset; i < offset + n; i++) {
        a[i] *= n;
      }
    }
  }
}
