package dev.numspark.fft.engine;

/**
 * The complex DFT of ONE line of a length the engine cannot factor (primes, factors 7, 11, ...),
 * by Bluestein's algorithm as {@link BlockBluestein} (the chirp {@code w_t = exp(-pi i t^2 / n)},
 * {@code X_k = w_k (a * b)_k} with {@code a_j = x_j w_j} and {@code b_t = conj(w_t)}), its cyclic
 * convolution of length {@code m >= 2n - 1} computed with two single-line transforms
 * ({@link LineFft}) and the precomputed spectrum of b. JTransforms, which took these lines before,
 * runs its own scalar Bluestein for what is left after the factors 2, 3, 5 when that is 211 or
 * more, and a generic O(p) pass per smaller prime p. Immutable and shared by threads.
 */
final class LineBluestein implements LinePlan {
  final int n;
  final int m;
  private final LineFft fft;
  /** The chirp {@code w_k} as interleaved pairs, k in [0, n). */
  private final double[] w;
  /** {@code DFT_m(b)} as interleaved pairs. */
  private final double[] b;

  private LineBluestein(int n, LineFft fft) {
    this.n = n;
    this.m = fft.n;
    this.fft = fft;
    w = new double[2 * n];
    for (int k = 0; k < n; k++) {
      double a = BlockBluestein.chirpAngle(n, k);
      w[2 * k] = Math.cos(a);
      w[2 * k + 1] = Math.sin(a);
    }
    double[] kernel = new double[2 * m];
    for (int t = 0; t < n; t++) {
      kernel[2 * t] = w[2 * t];
      kernel[2 * t + 1] = -w[2 * t + 1];
      if (t > 0) {
        kernel[2 * (m - t)] = w[2 * t];
        kernel[2 * (m - t) + 1] = -w[2 * t + 1];
      }
    }
    b = new double[2 * m];
    fft.forward(kernel, 0, false, b, 0, 1.0, 1.0, new double[fft.blockLength()], 1);
  }

  /** The plan for n, or null where no convolution length runs on {@link LineFft} here. */
  static LineBluestein plan(int n) {
    int m = convolutionLength(n);
    return m < 0 ? null : new LineBluestein(n, LineFft.plan(m));
  }

  /**
   * Whether one line of n runs here: a length the engine cannot factor, with a convolution length
   * that the single-line engine takes, where it is expected to beat JTransforms: always where
   * JTransforms runs its own Bluestein ({@link BlockBluestein#jtransformsCost} -1), else by that
   * cost model against about 1.2 ns per {@code m log2 m} for the two transforms of m (one line at
   * 4 lanes, Zen 3: {@code fft} of 2048 12.7 us). Measured one line at a time against JTransforms
   * (4 lanes, Zen 3, two JVMs a side): primes 67 to 65537 1.15-5.5x faster, 1001 (7 11 13) 1.25x;
   * 5632 (11 * 512) was 0.45x and 7168 (7 * 1024) is left to JTransforms by the model.
   */
  static boolean supports(int n) {
    return pays(n, LineRunner.MIN_COMPLEX, 1.0);
  }

  /**
   * {@link #supports} for a real line ({@code rfft}): the complex transform of the line here,
   * against JTransforms' real one, which does about half the work of its complex one except in
   * its own Bluestein ({@link BlockBluestein#paysReal}'s reasoning). Lines from
   * {@link LineRunner#MIN_REAL}.
   */
  static boolean supportsReal(int n) {
    return pays(n, LineRunner.MIN_REAL, 0.5);
  }

  /**
   * Whether n (from {@code min}) is a length for here, with JTransforms' cost taken as
   * {@code share} of its complex one ({@link #supports}).
   */
  private static boolean pays(int n, int min, double share) {
    if (n < min || BlockFft.factors(n) != null) {
      return false;
    }
    int m = convolutionLength(n);
    if (m < 0) {
      return false;
    }
    double jt = BlockBluestein.jtransformsCost(n);
    return jt < 0 || 1.2 * m * (Math.log(m) / Math.log(2)) < 0.9 * share * jt;
  }

  /**
   * The shortest {@code m >= 2n - 1} that the single-line engine takes ({@link
   * LineRunner#supportsFactored}), among the 2^a 3^b lengths of {@link BlockBluestein} and, where
   * those are not taken (powers of two at 2 lanes until 2026-12-07; now a length the engine
   * cannot split into V lines), the 5-smooth ones; -1 if none.
   */
  static int convolutionLength(int n) {
    long min = 2L * n - 1;
    if (min > LineFft.maxLength()) {
      return -1; // (and no search through millions of lengths for a huge n)
    }
    int m = BlockBluestein.convolutionLength((int) min);
    if (LineRunner.supportsFactored(m)) {
      return m;
    }
    for (long c = min; c <= Math.min(2L * m, LineFft.maxLength()); c++) {
      if (LineRunner.supportsFactored((int) c)) {
        return (int) c;
      }
    }
    return -1;
  }

  @Override
  public int blockLength() {
    // the engine's block, then the chirped line and the convolution, each 2m
    return 3 * fft.blockLength();
  }

  /**
   * The DFT of the line at {@code z[zOff ..]} ({@code n} interleaved values, conjugated first if
   * asked) times {@code (fr, fi)} into {@code dst[dOff ..]}: {@link LineFft#forward}'s contract.
   * {@code a}: scratch of {@link #blockLength()}.
   */
  @Override
  public void forward(double[] z, int zOff, boolean conjugate, double[] dst, int dOff, double fr,
      double fi, double[] a, int workers) {
    int s1 = 2 * m;
    int s2 = 4 * m;
    double sign = conjugate ? -1.0 : 1.0;
    for (int j = 0; j < n; j++) {
      double xr = z[zOff + 2 * j];
      double xi = sign * z[zOff + 2 * j + 1];
      a[s1 + 2 * j] = xr * w[2 * j] - xi * w[2 * j + 1];
      a[s1 + 2 * j + 1] = xr * w[2 * j + 1] + xi * w[2 * j];
    }
    java.util.Arrays.fill(a, s1 + 2 * n, s2, 0.0);
    fft.forward(a, s1, false, a, s2, 1.0, 1.0, a, workers);
    for (int k = 0; k < m; k++) {
      double ar = a[s2 + 2 * k];
      double ai = a[s2 + 2 * k + 1];
      a[s2 + 2 * k] = ar * b[2 * k] - ai * b[2 * k + 1];
      a[s2 + 2 * k + 1] = ar * b[2 * k + 1] + ai * b[2 * k];
    }
    // the inverse DFT, conj(DFT(conj C)) / m, into the chirped line's place
    fft.forward(a, s2, true, a, s1, 1.0 / m, -1.0 / m, a, workers);
    for (int k = 0; k < n; k++) {
      double cr = a[s1 + 2 * k];
      double ci = a[s1 + 2 * k + 1];
      dst[dOff + 2 * k] = (cr * w[2 * k] - ci * w[2 * k + 1]) * fr;
      dst[dOff + 2 * k + 1] = (cr * w[2 * k + 1] + ci * w[2 * k]) * fi;
    }
  }
}
