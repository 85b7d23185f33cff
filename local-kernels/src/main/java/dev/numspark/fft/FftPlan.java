package dev.numspark.fft;

import dev.numspark.fft.engine.PlanCache;

/**
 * A 1-D FFT of one length, in place on {@code double[]}: the transforms {@code dev.numspark.signal}
 * builds its segment and block spectra from. Plans come from a bounded, shared cache and are
 * immutable, so one plan serves any number of threads at once.
 *
 * <p>Layouts: complex data is interleaved ({@code re, im} pairs). The real forward transform
 * leaves its {@code n/2 + 1} bins packed into the input's {@code n} doubles: {@code a[2k],
 * a[2k+1]} is bin k for {@code 0 < k < (n+1)/2}, {@code a[0]} is bin 0 (real), and {@code a[1]}
 * is the real Nyquist bin (even n) or the imaginary part of the last bin (odd n, whose real part
 * is {@code a[n-1]}). The real inverse reads that layout. Unscaled transforms compute the plain
 * sums; {@code scale} divides the inverse by n.
 */
public interface FftPlan {
  /** The shared plan for transforms of length {@code n >= 1}. */
  static FftPlan of(int n) {
    return PlanCache.plan(n);
  }

  /** The transform length n. */
  int length();

  /** The forward complex DFT of the n complex values from {@code a[offset]}. */
  void complexForward(double[] a, int offset);

  /** The inverse complex DFT of the n complex values from {@code a[offset]} (over n if scaled). */
  void complexInverse(double[] a, int offset, boolean scale);

  /** The forward DFT of the n real values from {@code a[offset]}, packed as above. */
  void realForward(double[] a, int offset);

  /** The inverse of {@link #realForward} (over n if scaled) in place, from {@code a[offset]}. */
  void realInverse(double[] a, int offset, boolean scale);

  /** {@link #complexForward(double[], int)} from {@code a[0]}. */
  default void complexForward(double[] a) {
    complexForward(a, 0);
  }

  /** {@link #complexInverse(double[], int, boolean)} from {@code a[0]}. */
  default void complexInverse(double[] a, boolean scale) {
    complexInverse(a, 0, scale);
  }

  /** {@link #realForward(double[], int)} from {@code a[0]}. */
  default void realForward(double[] a) {
    realForward(a, 0);
  }

  /** {@link #realInverse(double[], int, boolean)} from {@code a[0]}. */
  default void realInverse(double[] a, boolean scale) {
    realInverse(a, 0, scale);
  }
}
