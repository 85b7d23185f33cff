package dev.numspark.fft.engine;

import dev.numspark.parallel.WorkerPool;

/**
 * The complex DFT of ONE line whose length n is 7-smooth but not a multiple of the lanes V, so
 * that {@link LineFft} (which splits n into V lines of n / V) cannot take it: 44100 = 4 x 11025
 * (a second of CD-rate audio), 1764, 1500 at 8 lanes. With n = 4m,
 * {@code X[k1 + 4 k2] = sum_j2 W_m^(j2 k2) [W_n^(j2 k1) sum_j1 x[m j1 + j2] W_4^(j1 k1)]}: the
 * 4-point DFTs of every column j2, times the twiddles, become 4 lines of m points in the lanes of
 * one {@link BlockFft} block (the other 4 lanes hold zeros), whose transform gives row k1's
 * {@code X[k1 + 4 k2]} at element {@code perm[k2]}. Half of the block's arithmetic is wasted,
 * but the engine's radix 5 and 7 are still about twice as fast as JTransforms' (generic radix
 * 7), which took these lines before
 * (docs/fft.md, "One line not a multiple of the lanes").
 *
 * <p>Every value is computed by the same operations for any {@code workers} (the column and copy
 * steps are shared out by index ranges, {@link BlockFft#dif(double[], int)} keeps its bits).
 * Immutable and shared by threads.
 */
final class LineSplit implements LinePlan {
  private static final int V = BlockFft.V;
  /**
   * Shortest line taken. One line, 8 lanes, AMD EPYC Zen 4, JVMs with and without the engine
   * alternated (2026-12-07), JTransforms' time over this one's: {@code fft} of 100 0.85x, 300
   * 0.95-1.0x, 500 1.1-1.3x, 700 1.0-1.5x, 980 2.0-2.6x, 1260 1.2-1.6x, 1500 1.1-1.2x, 1764
   * 1.9-2.4x, 2500 1.1-1.5x, 44100 2.0-2.5x (1.01-1.27 ms to 0.50-0.51).
   */
  static final int MIN_LENGTH = 400;

  /**
   * Lines of the block: the rows of the split. Two rows (n = 2m, m odd; two lanes of eight) were
   * measured and not taken: {@code fft} of 22050 1.1-1.46x JTransforms, 750 0.6x (docs/fft.md).
   */
  private static final int R = 4;

  final int n;
  /** Length of each line of the block. */
  final int m;
  private final BlockFft sub;
  /** {@code W_n^(j2 k1)} for k1 in [1, 4) at {@code [3 j2 + k1 - 1]}. */
  private final double[] twRe;
  private final double[] twIm;

  private LineSplit(int n) {
    this.n = n;
    this.m = n / R;
    this.sub = BlockFft.plan(m);
    twRe = new double[m * (R - 1)];
    twIm = new double[m * (R - 1)];
    BlockFft.twiddles(n, R, twRe, twIm);
  }

  /**
   * Whether one complex line of length n runs here (as measured: docs/fft.md): from 8 lanes, from
   * {@link #MIN_LENGTH}, n a multiple of 4 but not of 8, with n / 4 7-smooth.
   */
  static boolean supports(int n) {
    return V >= 8 && n >= MIN_LENGTH && n % R == 0 && n % V != 0
        && BlockFft.factors(n / R) != null;
  }

  static LineSplit plan(int n) {
    return new LineSplit(n);
  }

  @Override
  public int blockLength() {
    return 2 * m * V;
  }

  @Override
  public void forward(double[] z, int zOff, boolean conjugate, double[] dst, int dOff, double fr,
      double fi, double[] a, int workers) {
    if (workers <= 1) {
      columns(z, zOff, conjugate, a, 0, m);
      sub.dif(a);
      rows(a, dst, dOff, fr, fi, 0, m);
      return;
    }
    WorkerPool.parallelFor(workers, m, (from, to) -> columns(z, zOff, conjugate, a, from, to));
    sub.dif(a, workers);
    WorkerPool.parallelFor(workers, m, (from, to) -> rows(a, dst, dOff, fr, fi, from, to));
  }

  /**
   * Columns {@code [from, to)}: the 4-point DFT of {@code x[m j1 + j2]} (conjugated if asked),
   * times {@code W_n^(j2 k1)}, to lane k1 of element j2 of the block; the other lanes zero.
   */
  private void columns(double[] z, int zOff, boolean conjugate, double[] a, int from, int to) {
    double s = conjugate ? -1.0 : 1.0;
    for (int j2 = from; j2 < to; j2++) {
      int o = 2 * j2 * V;
      java.util.Arrays.fill(a, o + R, o + V, 0.0);
      java.util.Arrays.fill(a, o + V + R, o + 2 * V, 0.0);
      column(z, zOff + 2 * j2, 2 * m, s, a, o, 3 * j2);
    }
  }

  private void column(double[] z, int i0, int stride, double s, double[] a, int o, int t) {
    double x0r = z[i0];
    double x0i = s * z[i0 + 1];
    double x1r = z[i0 + stride];
    double x1i = s * z[i0 + stride + 1];
    double x2r = z[i0 + 2 * stride];
    double x2i = s * z[i0 + 2 * stride + 1];
    double x3r = z[i0 + 3 * stride];
    double x3i = s * z[i0 + 3 * stride + 1];
    double ar = x0r + x2r;
    double ai = x0i + x2i;
    double br = x0r - x2r;
    double bi = x0i - x2i;
    double cr = x1r + x3r;
    double ci = x1i + x3i;
    double dr = x1r - x3r;
    double di = x1i - x3i;
    a[o] = ar + cr;
    a[o + V] = ai + ci;
    // Y1 = b - i d, Y2 = a - c, Y3 = b + i d, each times W_n^(j2 k1)
    store(a, o + 1, br + di, bi - dr, twRe[t], twIm[t]);
    store(a, o + 2, ar - cr, ai - ci, twRe[t + 1], twIm[t + 1]);
    store(a, o + 3, br - di, bi + dr, twRe[t + 2], twIm[t + 2]);
  }

  /** {@code (yr + i yi)(wr + i wi)} to {@code a[i]} (real part) and {@code a[i + V]}. */
  private static void store(double[] a, int i, double yr, double yi, double wr, double wi) {
    a[i] = yr * wr - yi * wi;
    a[i + V] = yr * wi + yi * wr;
  }

  /** Outputs {@code X[k1 + 4 k2]} for k2 in {@code [from, to)}, times (fr, fi), to dst. */
  private void rows(double[] a, double[] dst, int dOff, double fr, double fi, int from, int to) {
    int[] perm = sub.perm;
    for (int k2 = from; k2 < to; k2++) {
      int e = 2 * V * perm[k2];
      int d = dOff + 2 * R * k2;
      for (int k1 = 0; k1 < R; k1++) {
        dst[d + 2 * k1] = a[e + k1] * fr;
        dst[d + 2 * k1 + 1] = a[e + V + k1] * fi;
      }
    }
  }
}
