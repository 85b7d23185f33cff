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
  }

  /**
   * {@link #unpack(double[], int[], BlockFft.Lines, double, double)} unscaled into {@code out}
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
    unpack(z, half.perm, lines, 1.0, 1.0);
  }

  /**
   * {@code X_0 .. X_h} from the half-length spectrum left by {@link BlockFft#dif} ({@code Z_k}
   * at element {@code perm[k]}), times {@code (fr, fi)}, straight to the caller's output lines:
   * no reordering pass and no separate scaling pass.
   */
  void unpack(double[] z, int[] perm, BlockFft.Lines out, double fr, double fi) {
    int h = n / 2;
    DoubleVector half = DoubleVector.broadcast(S, 0.5);
    DoubleVector vfr = DoubleVector.broadcast(S, fr);
    DoubleVector vfi = DoubleVector.broadcast(S, fi);
    double[] dst = out.data;
    int[] map = out.map;
    int im = out.imOff;
    double[] tile = new double[2 * V];
    for (int k = 0, o = out.base; k <= h; k++, o += out.step) {
      int a = 2 * V * perm[k == h ? 0 : k];
      int b = 2 * V * perm[k == 0 ? 0 : h - k];
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
   * {@link #pack(double[], double[])} reading {@code X_0 .. X_h} straight from the caller's
   * input lines (imaginary parts times {@code sign}; those of {@code X_0} and {@code X_h} taken
   * as zero, as the separate copy in does), saving a pass over the block.
   */
  void pack(BlockFft.Lines in, double sign, double[] out) {
    int h = n / 2;
    double[] src = in.data;
    int[] map = in.map;
    int im = in.imOff;
    DoubleVector sg = DoubleVector.broadcast(S, sign);
    for (int k = 0; k < h; k++) {
      int a = in.base + k * in.step;
      int b = in.base + (h - k) * in.step;
      DoubleVector ar = DoubleVector.fromArray(S, src, a, map, 0);
      DoubleVector br = DoubleVector.fromArray(S, src, b, map, 0);
      DoubleVector ai;
      DoubleVector bi;
      if (k == 0) {
        ai = DoubleVector.zero(S);
        bi = ai;
      } else {
        ai = DoubleVector.fromArray(S, src, a + im, map, 0).mul(sg);
        bi = DoubleVector.fromArray(S, src, b + im, map, 0).mul(sg);
      }
      DoubleVector er = ar.add(br);
      DoubleVector ei = ai.sub(bi);
      DoubleVector dr = ar.sub(br);
      DoubleVector di = ai.add(bi);
      DoubleVector cr = DoubleVector.broadcast(S, wr[k]);
      DoubleVector ci = DoubleVector.broadcast(S, wi[k]);
      DoubleVector or = dr.mul(cr).add(di.mul(ci));
      DoubleVector oi = di.mul(cr).sub(dr.mul(ci));
      er.sub(oi).intoArray(out, 2 * V * k);
      ei.add(or).neg().intoArray(out, 2 * V * k + V);
    }
  }

  /**
   * The conjugate of {@code 2 Z_k}, k in [0, h), into {@code out} from {@code X_0 .. X_h} in
   * {@code x} (whose {@code X_0} and {@code X_h} must have zero imaginary parts): a forward
   * {@link BlockFft} of it, conjugated, is {@code n} times the real line, interleaved as
   * {@code (x_2j, x_2j+1)}.
   */
  void pack(double[] x, double[] out) {
    int h = n / 2;
    for (int k = 0; k < h; k++) {
      int a = 2 * V * k;
      int b = 2 * V * (h - k);
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
      er.sub(oi).intoArray(out, a);
      ei.add(or).neg().intoArray(out, a + V);
    }
  }
}
