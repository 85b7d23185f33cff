package dev.numspark.fft.engine;

import dev.numspark.fft.FftPlan;

/**
 * An {@link FftPlan} whose real forward transform, the one {@code dev.numspark.signal} computes
 * for every segment and block (welch, csd, periodogram, spectrogram, stft, the convolutions'
 * spectra), runs on the single-line Vector API engine ({@link LineRunner#rfft}, the row path of
 * {@code Fft.rfft}) where {@link Engines#rowOnVector} says it beats JTransforms; its parts are
 * written back in JTransforms' packed layout. The real inverse (fftconvolve's and oaconvolve's
 * results, istft's segments) runs on the engine's irfft line ({@link LineRunner#irfftPacked},
 * the path of {@code Fft.irfft}) for the lengths that has. The complex transforms stay on
 * JTransforms. Made by {@link PlanCache#plan} only when the engine may run, so its classes load
 * only then.
 */
final class EnginePlan implements FftPlan {
  private final FftPlan jtransforms;
  private final int n;
  /** Whether {@link #realInverse} runs on the engine ({@link LineRunner#supportsInverse}). */
  private final boolean inverseOnEngine;

  /** Per-thread parts of the spectrum, {@code n/2 + 1} each (grown as needed). */
  private static final ThreadLocal<double[][]> PARTS =
      ThreadLocal.withInitial(() -> new double[2][0]);

  private EnginePlan(FftPlan jtransforms) {
    this.jtransforms = jtransforms;
    this.n = jtransforms.length();
    this.inverseOnEngine = LineRunner.supportsInverse(n);
  }

  /** {@code plan}, or a plan running its real forward transform on the engine where that pays. */
  static FftPlan of(FftPlan plan) {
    return Engines.rowOnVector(plan.length()) ? new EnginePlan(plan) : plan;
  }

  @Override
  public int length() {
    return n;
  }

  @Override
  public void complexForward(double[] a, int offset) {
    jtransforms.complexForward(a, offset);
  }

  @Override
  public void complexInverse(double[] a, int offset, boolean scale) {
    jtransforms.complexInverse(a, offset, scale);
  }

  /**
   * The bins in {@link FftPlan}'s packed layout: for even n bin n/2 is real, in {@code a[1]}; for
   * odd n (a length only {@link LineBluestein} takes) the last bin's real part goes to
   * {@code a[n-1]} and its imaginary part to {@code a[1]}.
   */
  @Override
  public void realForward(double[] a, int offset) {
    int h = n / 2;
    double[][] parts = PARTS.get();
    if (parts[0].length < h + 1) {
      parts[0] = new double[h + 1];
      parts[1] = new double[h + 1];
    }
    double[] re = parts[0];
    double[] im = parts[1];
    LineRunner.rfft(a, offset, n, 1.0, 1.0, re, 0, im, 0, 1);
    a[offset] = re[0];
    for (int k = 1; k < h; k++) {
      a[offset + 2 * k] = re[k];
      a[offset + 2 * k + 1] = im[k];
    }
    if (n % 2 == 0) {
      a[offset + 1] = re[h];
    } else {
      a[offset + n - 1] = re[h];
      a[offset + 1] = im[h];
    }
  }

  @Override
  public void realInverse(double[] a, int offset, boolean scale) {
    if (inverseOnEngine) {
      LineRunner.irfftPacked(a, offset, n, scale ? 1.0 / n : 1.0);
    } else {
      jtransforms.realInverse(a, offset, scale);
    }
  }
}
