package dev.numspark.fft.engine;

import static dev.numspark.fft.engine.BlockFft.S;
import static dev.numspark.fft.engine.BlockFft.V;

import jdk.incubator.vector.DoubleVector;

/**
 * Real transforms of even length {@code n = 2h} on {@link BlockFft} blocks, by the classic
 * half-length trick: the real line {@code x} is the complex line {@code z_j = x_2j + i x_2j+1} of
 * length h, whose DFT {@code Z} gives the even- and odd-sample spectra
 * {@code E_k = (Z_k + conj Z_h-k) / 2}, {@code O_k = (Z_k - conj Z_h-k) / 2i}, and
 * {@code X_k = E_k + W^k O_k} with {@code W = exp(-2 pi i / n)}. The inverse runs the same
 * relations backwards. Same block layout as {@link BlockFft}; immutable and shared.
 */
final class BlockReal {
  final int n;
  final BlockFft half;
  /** {@code W^k} for {@code k = 0 .. h}. */
  private final double[] wr;
  private final double[] wi;

  BlockReal(int n, BlockFft half) {
    this.n = n;
    this.half = half;
    int h = n / 2;
    wr = new double[h + 1];
    wi = new double[h + 1];
    for (int k = 0; k <= h; k++) {
      double a = -2 * Math.PI * k / n;
      wr[k] = Math.cos(a);
      wi[k] = Math.sin(a);
      if (4L * k % n == 0) {
        // quarter turns exactly (Math.sin(-pi) is -1.2e-16, not 0): the Nyquist bin of a real
        // line is then exactly real, as in pocketfft, and its angle is pi, not -pi
        long q = 4L * k / n;
        wr[k] = q == 0 ? 1.0 : q == 2 ? -1.0 : 0.0;
        wi[k] = q == 1 ? -1.0 : 0.0;
      }
    }
    unpackedAt = java.util.Arrays.copyOf(half.perm, h + 1);
    unpackedAt[h] = h;
    wrAt = new double[h];
    wiAt = new double[h];
    for (int k = 0; k < h; k++) {
      wrAt[half.perm[k]] = wr[k];
      wiAt[half.perm[k]] = wi[k];
    }
    pairRuns = pairRuns(half.radix, h);
  }

  /**
   * {@link #unpack(double[], int, int[], BlockFft.Lines, double, double)} unscaled into {@code out}
   * in the engine's block layout, natural order: for a partial block, copied out separately
   * (times 1.0 is exact, so a line gets the same bits as in a full block).
   */
  void unpack(double[] z, double[] out) {
    BlockFft.Lines lines = new BlockFft.Lines();
    lines.data = out;
    lines.step = 2 * V;
    lines.imOff = V;
    for (int v = 0; v < V; v++) {
      lines.map[v] = v;
    }
    unpack(z, 0, half.perm, lines, 1.0, 1.0);
  }

  /**
   * {@code X_0 .. X_h} from the half-length spectrum left by {@link BlockFft#dif} ({@code Z_k}
   * at element {@code perm[k]}), times {@code (fr, fi)}, straight to the caller's output lines:
   * no reordering pass and no separate scaling pass. The block starts at {@code z[zo]}.
   */
  void unpack(double[] z, int zo, int[] perm, BlockFft.Lines out, double fr, double fi) {
    int h = n / 2;
    DoubleVector half = DoubleVector.broadcast(S, 0.5);
    DoubleVector vfr = DoubleVector.broadcast(S, fr);
    DoubleVector vfi = DoubleVector.broadcast(S, fi);
    double[] dst = out.data;
    int[] map = out.map;
    int im = out.imOff;
    double[] tile = new double[2 * V];
    for (int k = 0, o = out.base; k <= h; k++, o += out.step) {
      int a = zo + 2 * V * perm[k == h ? 0 : k];
      int b = zo + 2 * V * perm[k == 0 ? 0 : h - k];
      DoubleVector zr = DoubleVector.fromArray(S, z, a);
      DoubleVector zi = DoubleVector.fromArray(S, z, a + V);
      DoubleVector mr = DoubleVector.fromArray(S, z, b);
      DoubleVector mi = DoubleVector.fromArray(S, z, b + V);
      DoubleVector er = zr.add(mr).mul(half);
      DoubleVector ei = zi.sub(mi).mul(half);
      DoubleVector or = zi.add(mi).mul(half);
      DoubleVector oi = mr.sub(zr).mul(half);
      DoubleVector cr = DoubleVector.broadcast(S, wr[k]);
      DoubleVector ci = DoubleVector.broadcast(S, wi[k]);
      DoubleVector xr = er.add(or.mul(cr)).sub(oi.mul(ci)).mul(vfr);
      DoubleVector xi = ei.add(oi.mul(cr)).add(or.mul(ci)).mul(vfi);
      LaneMoves.scatterPairs(xr, xi, tile, dst, o, im, map);
    }
  }

  /**
   * {@link #unpack(double[], int, int[], BlockFft.Lines, double, double)} of a full block (at
   * {@code z[zo]}) into its caller's lines, the block ({@code 2 (h + 1) V} doubles) overwritten.
   * With interleaved (re, im) lines ({@link LaneMoves#PAIRS}), in two steps: {@code X_k} and
   * {@code X_h-k} computed together from {@code Z_k} and {@code Z_h-k} into those two slots
   * ({@code X_h} into the spare slot h), then copied out by {@link LaneMoves#copyOutPairs}, which
   * moves pairs from the block faster than the one-step unpack's per-element tile; the same
   * products in the same order, so the same bits. Otherwise the one-step unpack.
   *
   * <p>The pairs are taken in runs of places in the block ({@link #pairRuns}), not by k: then
   * every index is the loop counter plus or minus a constant, so C2 checks the bounds once per
   * run, where a loop over k read two places from {@code perm} and checked each of its 14 array
   * accesses every time (about 120 instructions a pair, counted in C2's code at 4 lanes). One
   * worker, separate JVMs alternated, p10: {@code rfft} 16x4096, 256x1280 and 128x4800 1.05-1.09x
   * faster at 256 and 128 bits, within the noise at 512 (docs/fft-widths.md, "The rfft unpack by
   * place").
   */
  void unpackOut(double[] z, int zo, BlockFft.Lines out, double fr, double fi) {
    if (!LaneMoves.PAIRS || out.imOff != 1) {
      unpack(z, zo, half.perm, out, fr, fi);
      return;
    }
    int h = n / 2;
    int[] runs = pairRuns;
    for (int i = 0; i < runs.length; i += 3) {
      unpackRun(z, zo, runs[i], runs[i + 1], runs[i + 2]);
    }
    unpackEnds(z, zo + 2 * V * half.perm[0], zo + 2 * V * h);
    LaneMoves.copyOutPairs(z, zo, unpackedAt, fr, fi, out.data, out.base, out.step, out.map);
  }

  /**
   * {@code count} pairs of {@link #unpackOut}: {@code Z} at place {@code a + q} of the block and
   * its partner at place {@code b - q}, for q in {@code [0, count)}. When the two are one place
   * ({@code k = h / 2}), both stores write the same values.
   */
  private void unpackRun(double[] z, int zo, int a, int b, int count) {
    for (int q = 0; q < count; q++) {
      int at = zo + 2 * V * (a + q);
      int bt = zo + 2 * V * (b - q);
      DoubleVector zr = DoubleVector.fromArray(S, z, at);
      DoubleVector zi = DoubleVector.fromArray(S, z, at + V);
      DoubleVector mr = DoubleVector.fromArray(S, z, bt);
      DoubleVector mi = DoubleVector.fromArray(S, z, bt + V);
      // X_h-k: the same expression with Z_h-k and Z_k in each other's places
      unpackStore(mr, mi, zr, zi, wrAt[b - q], wiAt[b - q], z, bt);
      unpackStore(zr, zi, mr, mi, wrAt[a + q], wiAt[a + q], z, at);
    }
  }

  /**
   * The pairs {@code (Z_k, Z_h-k)}, k in [1, h/2], by their places in a block that
   * {@link BlockFft#dif} with these radices left (Z_k at {@code perm[k]}), as runs
   * {@code (a, b, count)}: places {@code a + q} and {@code b - q} for q in {@code [0, count)}.
   * Why they come in runs: a level of radix r over sub-transforms of length {@code r m} sends
   * {@code k = d + r k'} to sub-block d, at the place of k' in it, and {@code h - k} (d > 0) to
   * sub-block {@code r - d} as {@code m - 1 - k'}; the places inside a sub-block reverse the digits
   * of k', and complementing each digit of k' (which is what {@code m - 1 - k'} does, with no
   * borrows) complements its place. So place {@code d m + q} pairs with
   * {@code (r - d) m + m - 1 - q}: sub-block d with r - d, one run up and one down, and sub-block
   * {@code r / 2} with itself. Sub-block 0 (k a multiple of r) holds the same problem one level
   * down, {@code k' = 0} (place 0, k = 0) excepted.
   */
  static int[] pairRuns(int[] radix, int h) {
    // at most r / 2 runs a level (radix 8: 4)
    int[] runs = new int[3 * 4 * radix.length];
    int count = 0;
    for (int len = h, lv = 0; len > 1; len /= radix[lv], lv++) {
      int r = radix[lv];
      int m = len / r;
      for (int d = 1; 2 * d <= r; d++) {
        runs[count++] = d * m;
        runs[count++] = (r - d) * m + m - 1;
        runs[count++] = 2 * d < r ? m : (m + 1) / 2;
      }
    }
    return java.util.Arrays.copyOf(runs, count);
  }

  /** {@link #pairRuns(int[], int)} of this transform's half-length plan. */
  private final int[] pairRuns;
  /** {@code W^k} at the place of {@code Z_k} in the block ({@code perm[k]}), for the runs. */
  private final double[] wrAt;
  private final double[] wiAt;

  /** Where {@link #unpackOut} leaves {@code X_k}: {@code perm[k]}, and slot h for {@code X_h}. */
  private final int[] unpackedAt;

  /**
   * {@code X_0} into slot {@code at0} and {@code X_h} into {@code atH}, both from {@code Z_0} at
   * {@code at0}: a method of its own, so that C2 inlines its two {@link #unpackStore}s (after the
   * loop in {@link #unpackOut} it stopped at {@code NodeCountInliningCutoff}, which boxes).
   */
  private void unpackEnds(double[] z, int at0, int atH) {
    DoubleVector z0r = DoubleVector.fromArray(S, z, at0);
    DoubleVector z0i = DoubleVector.fromArray(S, z, at0 + V);
    unpackStore(z0r, z0i, z0r, z0i, wr[n / 2], wi[n / 2], z, atH);
    unpackStore(z0r, z0i, z0r, z0i, wr[0], wi[0], z, at0);
  }

  /**
   * {@code X_k} from {@code Z_k = (zr, zi)} and {@code Z_h-k = (mr, mi)} and
   * {@code W^k = (wkr, wki)}, unscaled, at z[at].
   * Takes vectors: C2 inlines it where it is called (-XX:+PrintInlining: "inline (hot)" in the
   * loop of {@link #unpackRun}), and the allocation per call is unchanged (checked with
   * getThreadAllocatedBytes); a form taking slot indices, computing both partners, was 374
   * bytecodes, too big to inline (FreqInlineSize), and 1.08x slower on rfft 128x4800.
   */
  private static void unpackStore(DoubleVector zr, DoubleVector zi, DoubleVector mr,
      DoubleVector mi, double wkr, double wki, double[] z, int at) {
    DoubleVector oneHalf = DoubleVector.broadcast(S, 0.5);
    DoubleVector er = zr.add(mr).mul(oneHalf);
    DoubleVector ei = zi.sub(mi).mul(oneHalf);
    DoubleVector or = zi.add(mi).mul(oneHalf);
    DoubleVector oi = mr.sub(zr).mul(oneHalf);
    DoubleVector cr = DoubleVector.broadcast(S, wkr);
    DoubleVector ci = DoubleVector.broadcast(S, wki);
    er.add(or.mul(cr)).sub(oi.mul(ci)).intoArray(z, at);
    ei.add(oi.mul(cr)).add(or.mul(ci)).intoArray(z, at + V);
  }

  /**
   * {@code into[k V + v] = |X_k|^2} of lane v ({@code += } if {@code add}), {@code k = 0 .. h},
   * from the half-length spectrum left by {@link BlockFft#dif} in {@code z}: {@link #unpack}'s
   * values, squared in place of being written out (the segments of Welch and the spectrogram,
   * {@link SegmentPowers}).
   */
  void powers(double[] z, double[] into, boolean add) {
    int h = n / 2;
    int[] perm = half.perm;
    DoubleVector oneHalf = DoubleVector.broadcast(S, 0.5);
    for (int k = 0; k <= h; k++) {
      int a = 2 * V * perm[k == h ? 0 : k];
      int b = 2 * V * perm[k == 0 ? 0 : h - k];
      DoubleVector zr = DoubleVector.fromArray(S, z, a);
      DoubleVector zi = DoubleVector.fromArray(S, z, a + V);
      DoubleVector mr = DoubleVector.fromArray(S, z, b);
      DoubleVector mi = DoubleVector.fromArray(S, z, b + V);
      DoubleVector er = zr.add(mr).mul(oneHalf);
      DoubleVector ei = zi.sub(mi).mul(oneHalf);
      DoubleVector or = zi.add(mi).mul(oneHalf);
      DoubleVector oi = mr.sub(zr).mul(oneHalf);
      DoubleVector cr = DoubleVector.broadcast(S, wr[k]);
      DoubleVector ci = DoubleVector.broadcast(S, wi[k]);
      DoubleVector xr = er.add(or.mul(cr)).sub(oi.mul(ci));
      DoubleVector xi = ei.add(oi.mul(cr)).add(or.mul(ci));
      DoubleVector p = xr.mul(xr).add(xi.mul(xi));
      if (add) {
        p = DoubleVector.fromArray(S, into, k * V).add(p);
      }
      p.intoArray(into, k * V);
    }
  }

  /**
   * The conjugate of {@code 2 Z_k}, k in [0, h), into {@code out} from {@code X_0 .. X_h} in
   * {@code x}: a forward {@link BlockFft} of it, conjugated, is {@code n} times the real line,
   * interleaved as {@code (x_2j, x_2j+1)}. The imaginary parts of {@code X_0} and {@code X_h} are
   * ignored, as pocketfft ignores them: they are set to zero in {@code x} first. The blocks start
   * at {@code x[xo]} and {@code out[oo]}.
   */
  void pack(double[] x, int xo, double[] out, int oo) {
    int h = n / 2;
    java.util.Arrays.fill(x, xo + V, xo + 2 * V, 0.0);
    java.util.Arrays.fill(x, xo + 2 * h * V + V, xo + 2 * (h + 1) * V, 0.0);
    for (int k = 0; k < h; k++) {
      int a = xo + 2 * V * k;
      int b = xo + 2 * V * (h - k);
      int c = oo + 2 * V * k;
      DoubleVector ar = DoubleVector.fromArray(S, x, a);
      DoubleVector ai = DoubleVector.fromArray(S, x, a + V);
      DoubleVector br = DoubleVector.fromArray(S, x, b);
      DoubleVector bi = DoubleVector.fromArray(S, x, b + V);
      // 2E = X_k + conj X_h-k; 2O = (X_k - conj X_h-k) conj W^k; 2Z = 2E + i 2O
      DoubleVector er = ar.add(br);
      DoubleVector ei = ai.sub(bi);
      DoubleVector dr = ar.sub(br);
      DoubleVector di = ai.add(bi);
      DoubleVector cr = DoubleVector.broadcast(S, wr[k]);
      DoubleVector ci = DoubleVector.broadcast(S, wi[k]);
      DoubleVector or = dr.mul(cr).add(di.mul(ci));
      DoubleVector oi = di.mul(cr).sub(dr.mul(ci));
      er.sub(oi).intoArray(out, c);
      ei.add(or).neg().intoArray(out, c + V);
    }
  }
}
