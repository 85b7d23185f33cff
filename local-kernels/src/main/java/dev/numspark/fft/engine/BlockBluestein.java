package dev.numspark.fft.engine;

import static dev.numspark.fft.engine.BlockFft.S;
import static dev.numspark.fft.engine.BlockFft.V;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;

/**
 * The complex DFT of a length {@code n} the engine cannot factor (primes, factors 7, 11, ...) on
 * blocks of V lines, by Bluestein's algorithm: with the chirp {@code w_t = exp(-pi i t^2 / n)},
 * {@code jk = (j^2 + k^2 - (k-j)^2) / 2} turns the DFT into {@code X_k = w_k (a * b)_k}, the
 * convolution of {@code a_j = x_j w_j} with {@code b_t = conj(w_t)}, computed cyclically with two
 * {@link BlockFft}s of a 2^a 3^b length {@code m >= 2n - 1} and the precomputed spectrum of b.
 * Same block layout as {@link BlockFft}; every step is a lane-wise vector operation, so a line's
 * bits do not depend on its lane or block. Immutable and shared by threads; callers own arrays.
 */
final class BlockBluestein {
  final int n;
  final int m;
  private final BlockFft fft;
  /** The chirp {@code w_k}, k in [0, n). */
  private final double[] wr;
  private final double[] wi;
  /** {@code DFT_m(b)_k / m} in natural order: the filter, with the inverse's 1/m folded in. */
  private final double[] br;
  private final double[] bi;

  BlockBluestein(int n, BlockFft fft) {
    this.n = n;
    this.m = fft.n;
    this.fft = fft;
    wr = new double[n];
    wi = new double[n];
    for (int k = 0; k < n; k++) {
      double a = chirpAngle(n, k);
      wr[k] = Math.cos(a);
      wi[k] = Math.sin(a);
    }
    // b in lane 0 of a block (b_t = b_{m-t} = conj(w_t)), its DFT by the engine itself
    double[] blk = new double[2 * m * V];
    for (int t = 0; t < n; t++) {
      blk[2 * V * t] = wr[t];
      blk[2 * V * t + V] = -wi[t];
      if (t > 0) {
        blk[2 * V * (m - t)] = wr[t];
        blk[2 * V * (m - t) + V] = -wi[t];
      }
    }
    double[] spec = fft.forward(blk, new double[blk.length]);
    br = new double[m];
    bi = new double[m];
    for (int k = 0; k < m; k++) {
      br[k] = spec[2 * V * k] / m;
      bi[k] = spec[2 * V * k + V] / m;
    }
  }

  /**
   * The angle of the chirp {@code w_k = exp(-pi i k^2 / n)}: k^2 mod 2n in integers, then into
   * (-n, n], so the angle stays exact however large k^2 gets (as pocketfft does); pi k^2 / n in
   * floating point loses digits fast.
   */
  static double chirpAngle(int n, int k) {
    long e = (long) k * k % (2L * n);
    if (e > n) {
      e -= 2L * n;
    }
    return -Math.PI * e / n;
  }

  /**
   * Whether Bluestein on the engine is expected to beat JTransforms for the complex DFT of n (not
   * 2^a 3^b 5^c), by a cost model fitted to batches of 1024 lines on the AVX-512 development
   * machine: the engine takes about 0.7 ns per line and {@code m log2 m} of its convolution
   * length m; JTransforms factors n into 4, 2, 3, 5 (about 2.5 ns per element and pass) and any
   * other prime p by a generic O(p) pass (about 1.1 p ns per element), unless what is left after
   * 4, 2, 3, 5 is 211 or more, where it runs its own scalar Bluestein (3x slower than ours at
   * 1009). So lengths with a single factor 7 and many small ones (7168) stay on JTransforms;
   * primes, 11, 13, ... go to the engine. A 10% margin keeps near ties on the code that was
   * there.
   */
  static boolean pays(int n) {
    double jt = jtransformsCost(n);
    return jt < 0 || engineCost(n) < 0.9 * jt;
  }

  /**
   * {@link #pays} for {@code rfft}: the engine does the whole complex transform of the real line
   * while JTransforms' real mixed-radix FFT does about half the work of its complex one (its
   * real Bluestein, for what {@link #pays} sends to its Bluestein, does not save that half).
   */
  static boolean paysReal(int n) {
    double jt = jtransformsCost(n);
    return jt < 0 || engineCost(n) < 0.9 * 0.5 * jt;
  }

  private static double engineCost(int n) {
    int m = convolutionLength(2 * n - 1);
    return 0.7 * m * (Math.log(m) / Math.log(2));
  }

  /** JTransforms' estimated ns per line of the complex DFT of n; -1 for its own Bluestein. */
  static double jtransformsCost(int n) {
    int rest = n;
    double perElement = 0;
    for (int p : new int[] {4, 2, 3, 5}) {
      while (rest % p == 0) {
        rest /= p;
        perElement += 2.5;
      }
    }
    if (rest >= 211) {
      return -1;
    }
    for (int p = 7; rest > 1; p += 2) {
      while (rest % p == 0) {
        rest /= p;
        perElement += 1.1 * p;
      }
    }
    return n * perElement;
  }

  /**
   * The smallest 2^a 3^b length {@code >= min}. Not 5-smooth: the cost model was fitted with
   * these m, and the radix-5 levels cost more per element than radix 4 (a shorter 5-smooth m is
   * not clearly cheaper; untried).
   */
  static int convolutionLength(int min) {
    long best = Long.MAX_VALUE;
    for (long p2 = 1; p2 < 2L * min; p2 *= 2) {
      long v = p2;
      while (v < min) {
        v *= 3;
      }
      best = Math.min(best, v);
    }
    return (int) best;
  }

  /**
   * The chirped, zero-padded input and the first FFT: {@code a} holds the block's n elements
   * (2 m V doubles, as gathered) and is left with {@code DFT_m(x w)} in digit-reversed order;
   * then {@code b} gets {@code conj(A B / m)} in natural order and is transformed, leaving
   * {@code m conj(a * b)} digit reversed for {@link #finish}. The blocks start at {@code a[ao]} and
   * {@code b[bo]} (their {@link CacheLines} origins).
   */
  void convolve(double[] a, int ao, double[] b, int bo) {
    for (int k = 0; k < n; k++) {
      int i = ao + 2 * V * k;
      DoubleVector xr = DoubleVector.fromArray(S, a, i);
      DoubleVector xi = DoubleVector.fromArray(S, a, i + V);
      DoubleVector cr = DoubleVector.broadcast(S, wr[k]);
      DoubleVector ci = DoubleVector.broadcast(S, wi[k]);
      xr.fma(cr, xi.mul(ci).neg()).intoArray(a, i);
      xr.fma(ci, xi.mul(cr)).intoArray(a, i + V);
    }
    Arrays.fill(a, ao + 2 * V * n, ao + 2 * V * m, 0.0);
    fft.difAt(a, ao);
    int[] perm = fft.perm;
    for (int k = 0; k < m; k++) {
      // conj(A_k B_k): the inverse DFT as conj(DFT(conj .)), the reordering for free
      int i = ao + 2 * V * perm[k];
      DoubleVector xr = DoubleVector.fromArray(S, a, i);
      DoubleVector xi = DoubleVector.fromArray(S, a, i + V);
      DoubleVector cr = DoubleVector.broadcast(S, br[k]);
      DoubleVector ci = DoubleVector.broadcast(S, bi[k]);
      xr.fma(cr, xi.mul(ci).neg()).intoArray(b, bo + 2 * V * k);
      xr.neg().fma(ci, xi.mul(cr).neg()).intoArray(b, bo + 2 * V * k + V);
    }
    fft.difAt(b, bo);
  }

  /**
   * {@code X_k = w_k conj(d_k)} times {@code (fr, fi)}, k in [0, count), from {@link #convolve}'s
   * result {@code d} (the block at {@code d[dO]}), to the caller's output lines
   * ({@link LaneMoves#scatterPairs}).
   */
  void finish(double[] d, int dO, int count, BlockFft.Lines out, double fr, double fi) {
    DoubleVector vr = DoubleVector.broadcast(S, fr);
    DoubleVector vi = DoubleVector.broadcast(S, fi);
    int[] perm = fft.perm;
    double[] dst = out.data;
    int[] map = out.map;
    int im = out.imOff;
    double[] tile = new double[2 * V];
    for (int k = 0, o = out.base; k < count; k++, o += out.step) {
      int i = dO + 2 * V * perm[k];
      DoubleVector cr = DoubleVector.fromArray(S, d, i);
      DoubleVector ci = DoubleVector.fromArray(S, d, i + V);
      DoubleVector ur = DoubleVector.broadcast(S, wr[k]);
      DoubleVector ui = DoubleVector.broadcast(S, wi[k]);
      // (cr - i ci)(ur + i ui)
      LaneMoves.scatterPairs(cr.fma(ur, ci.mul(ui)).mul(vr), cr.fma(ui, ci.mul(ur).neg()).mul(vi),
          tile, dst, o, im, map);
    }
  }

  /**
   * {@link #finish(double[], int, int, BlockFft.Lines, double, double)} unscaled into {@code res}
   * (from index 0) in natural order (a partial block's separate copy out scales with the same
   * products: same bits).
   */
  void finish(double[] d, int dO, int count, double[] res) {
    int[] perm = fft.perm;
    for (int k = 0; k < count; k++) {
      int i = dO + 2 * V * perm[k];
      DoubleVector cr = DoubleVector.fromArray(S, d, i);
      DoubleVector ci = DoubleVector.fromArray(S, d, i + V);
      DoubleVector ur = DoubleVector.broadcast(S, wr[k]);
      DoubleVector ui = DoubleVector.broadcast(S, wi[k]);
      cr.fma(ur, ci.mul(ui)).intoArray(res, 2 * V * k);
      cr.fma(ui, ci.mul(ur).neg()).intoArray(res, 2 * V * k + V);
    }
  }

  /**
   * For {@code irfft}: turns the gathered {@code X_0 .. X_h} (h = n/2) in {@code a} into
   * {@code conj X} over the whole Hermitian spectrum ({@code X_n-k = conj X_k}), ignoring the
   * imaginary parts of {@code X_0} and, for even n, {@code X_h} as pocketfft does; then the real
   * line is {@code Re DFT(conj X)} times the normalisation. The block starts at {@code a[ao]}.
   */
  void hermitian(double[] a, int ao) {
    Arrays.fill(a, ao + V, ao + 2 * V, 0.0);
    if (n % 2 == 0) {
      Arrays.fill(a, ao + 2 * V * (n / 2) + V, ao + 2 * V * (n / 2 + 1), 0.0);
    }
    for (int k = 1; k < n - k; k++) {
      int i = ao + 2 * V * k;
      int j = ao + 2 * V * (n - k);
      DoubleVector xi = DoubleVector.fromArray(S, a, i + V);
      DoubleVector.fromArray(S, a, i).intoArray(a, j);
      xi.intoArray(a, j + V);
      xi.neg().intoArray(a, i + V);
    }
  }

  /**
   * The real parts of {@link #finish(double[], int, int, double[])}'s values, times {@code f}, by
   * vector scatters to real output lines (element k of a line {@code out.step} doubles apart).
   */
  void finishReal(double[] d, int dO, BlockFft.Lines out, double f) {
    DoubleVector vf = DoubleVector.broadcast(S, f);
    int[] perm = fft.perm;
    double[] dst = out.data;
    int[] map = out.map;
    for (int k = 0, o = out.base; k < n; k++, o += out.step) {
      int i = dO + 2 * V * perm[k];
      DoubleVector ur = DoubleVector.broadcast(S, wr[k]);
      DoubleVector ui = DoubleVector.broadcast(S, wi[k]);
      DoubleVector cr = DoubleVector.fromArray(S, d, i);
      DoubleVector ci = DoubleVector.fromArray(S, d, i + V);
      LaneMoves.scatter(cr.fma(ur, ci.mul(ui)).mul(vf), dst, o, map);
    }
  }
}
