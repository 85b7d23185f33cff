package dev.numspark.fft.engine;

import static dev.numspark.fft.engine.BlockFft.S;
import static dev.numspark.fft.engine.BlockFft.V;

import dev.numspark.parallel.WorkerPool;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorShuffle;

/**
 * The real DFT of ONE line of even length {@code n = 2h} ({@code rfft}, {@code ihfft}): the
 * line is the complex line {@code z_j = x_2j + i x_2j+1} of length h (the trick of
 * {@link BlockReal}), whose DFT {@code Z} comes from {@link LineFft} in natural order as
 * separate real and imaginary parts; the unpack
 * {@code X_k = (Z_k + conj Z_h-k) / 2 + W^k (Z_k - conj Z_h-k) / 2i} then runs vertically over
 * V consecutive k (the partners {@code Z_h-k} are V consecutive values, lane-reversed) and writes
 * V consecutive real and imaginary outputs with two contiguous stores: straight into the
 * separate parts that {@code Fft.rfftParts} fills.
 *
 * <p>Lengths whose half the engine cannot take (n/2 not a multiple of V: 1000, 3000, 5000,
 * ...) but n itself it can (n a multiple of V with n/V 7-smooth) run as a complex transform of
 * length n with zero imaginary parts ({@link #full}; twice the arithmetic of the half-length
 * trick, still 1.5x faster than JTransforms there), whose first n/2 + 1 outputs are the result.
 * Immutable and shared by threads.
 */
final class LineReal {
  private static final VectorShuffle<Double> REVERSE = VectorShuffle.iota(S, V - 1, -1, true);

  final int n;
  /** The half-length complex transform, or null when the line runs on {@link #full}. */
  final LineFft half;
  /** The complex transform of length n (only when {@link #half} is null). */
  private final LineFft full;
  /** {@code W^k = exp(-2 pi i k / n)}, k in [0, h + V); exact at k = 0, h/2, h. */
  private final double[] wr;
  private final double[] wi;

  LineReal(int n) {
    this.n = n;
    if (!supportsHalf(n)) {
      half = null;
      full = LineFft.plan(n);
      wr = null;
      wi = null;
      return;
    }
    this.half = LineFft.plan(n / 2);
    this.full = null;
    int h = n / 2;
    wr = new double[h + V];
    wi = new double[h + V];
    for (int k = 0; k <= h; k++) {
      double a = -2 * Math.PI * k / n;
      wr[k] = Math.cos(a);
      wi[k] = Math.sin(a);
    }
    // exact values where cos/sin of the rounded angle are not: X_n/2 and X_n/4 get exact zeros
    wr[h] = -1.0;
    wi[h] = 0.0;
    if (h % 2 == 0) {
      wr[h / 2] = 0.0;
      wi[h / 2] = -1.0;
    }
  }

  /** Whether one real line of length n runs here (by the half-length trick or in full). */
  static boolean supports(int n) {
    return supportsHalf(n) || LineFft.supports(n);
  }

  /** Whether the line runs by the half-length trick (the inverse needs it). */
  static boolean supportsHalf(int n) {
    return n % 2 == 0 && LineFft.supports(n / 2);
  }

  /** Doubles of each of the split spectrum arrays ({@code xr}, {@code xi}). */
  int splitLength() {
    return (half != null ? n / 2 : n) + V;
  }

  /** Doubles of the engine block ({@code a}). */
  int blockLength() {
    return half != null ? half.blockLength() : full.blockLength();
  }

  /**
   * The rfft of the real line {@code x[xOff .. xOff + n)}, {@code X_k} times {@code (fr, fi)}
   * (fi = -fr gives ihfft's conjugate) into {@code re[reOff + k]}, {@code im[imOff + k]} for
   * {@code k in [0, n/2]}. Scratch: {@code a} of {@code half.blockLength()}, {@code t} of
   * {@link LineFft#tileLength()}, {@code xr} and {@code xi} of {@link #splitLength()}. With
   * {@code workers > 1} (long lines) the steps are shared out by index ranges, the same bits.
   */
  void forward(double[] x, int xOff, double fr, double fi, double[] re, int reOff, double[] im,
      int imOff, double[] a, double[] t, double[] xr, double[] xi, int workers) {
    if (half == null) {
      forwardFull(x, xOff, fr, fi, re, reOff, im, imOff, a, t, xr, xi, workers);
      return;
    }
    LineFft f = half;
    int h = n / 2;
    int tiles = f.tiles;
    // Z_h, the partner of X_0 in the unpack, is Z_0 (period h): copied to xr[h] after step 3
    if (workers <= 1) {
      f.load(x, xOff, false, a, 0, f.m);
      f.sub.dif(a);
      f.crossSplit(a, t, xr, xi, 0, tiles);
      xr[h] = xr[0];
      xi[h] = xi[0];
      unpack(xr, xi, fr, fi, re, reOff, im, imOff, 0, h / (2 * V));
      rest(xr, xi, fr, fi, re, reOff, im, imOff);
    } else {
      WorkerPool.parallelFor(workers, f.m, (from, to) -> f.load(x, xOff, false, a, from, to));
      f.sub.dif(a, workers);
      WorkerPool.parallelFor(workers, tiles, (from, to) ->
          f.crossSplit(a, new double[LineFft.tileLength()], xr, xi, from, to));
      xr[h] = xr[0];
      xi[h] = xi[0];
      WorkerPool.parallelFor(workers, h / (2 * V), (from, to) ->
          unpack(xr, xi, fr, fi, re, reOff, im, imOff, from, to));
      rest(xr, xi, fr, fi, re, reOff, im, imOff);
    }
  }

  /**
   * The unpack of the block pairs {@code [from, to)} of {@code h / 2V}: pair b is the V outputs
   * from {@code k = b V} (block A) and the V outputs their partners {@code h - k} make up, from
   * {@code q = h - k - V + 1} (block B): each block's Z values are the other's partners, lane
   * reversed, and B's twiddles are A's, {@code W^(h-j) = -conj(W^j)}, lane reversed. So the
   * spectrum and the first half of the twiddle table are each read once (the unpack twice as
   * fast at n = 4096 as one stream up and one down through the whole spectrum). A covers
   * {@code [0, P V)}, B {@code (h - P V, h]}; {@link #rest} does the outputs between.
   */
  void unpack(double[] xr, double[] xi, double fr, double fi, double[] re, int reOff,
      double[] im, int imOff, int from, int to) {
    int h = n / 2;
    for (int b = from; b < to; b++) {
      int k = b * V;
      int q = h - k - V + 1;
      if (V == 2) {
        // scalar: at 2 lanes JDK 17 runs the lane reversal as a Java loop (boxed; the unpack
        // took three quarters of an rfft with it)
        unpackOne(xr, xi, k, fr, fi, re, reOff, im, imOff);
        unpackOne(xr, xi, k + 1, fr, fi, re, reOff, im, imOff);
        unpackOne(xr, xi, q, fr, fi, re, reOff, im, imOff);
        unpackOne(xr, xi, q + 1, fr, fi, re, reOff, im, imOff);
        continue;
      }
      unpackA(xr, xi, k, q, fr, fi, re, reOff, im, imOff);
      unpackB(xr, xi, k, q, fr, fi, re, reOff, im, imOff);
    }
  }

  /** Block A of a pair: {@code X_k}, partners {@code Z_h-k} (block q reversed), twiddles W^k. */
  private void unpackA(double[] xr, double[] xi, int k, int q, double fr, double fi,
      double[] re, int reOff, double[] im, int imOff) {
    DoubleVector zr = DoubleVector.fromArray(S, xr, k);
    DoubleVector zi = DoubleVector.fromArray(S, xi, k);
    DoubleVector mr = DoubleVector.fromArray(S, xr, q).rearrange(REVERSE);
    DoubleVector mi = DoubleVector.fromArray(S, xi, q).rearrange(REVERSE);
    DoubleVector cr = DoubleVector.fromArray(S, wr, k);
    DoubleVector ci = DoubleVector.fromArray(S, wi, k);
    DoubleVector er = zr.add(mr).mul(0.5);
    DoubleVector ei = zi.sub(mi).mul(0.5);
    DoubleVector or = zi.add(mi).mul(0.5);
    DoubleVector oi = mr.sub(zr).mul(0.5);
    er.add(or.mul(cr)).sub(oi.mul(ci)).mul(fr).intoArray(re, reOff + k);
    ei.add(oi.mul(cr)).add(or.mul(ci)).mul(fi).intoArray(im, imOff + k);
  }

  /**
   * Block B of a pair: {@code X_j} for {@code j = q .. q + V - 1}, partners block k reversed,
   * twiddles {@code W^j = -conj(W^(h-j))} from A's, reversed.
   */
  private void unpackB(double[] xr, double[] xi, int k, int q, double fr, double fi,
      double[] re, int reOff, double[] im, int imOff) {
    DoubleVector zr = DoubleVector.fromArray(S, xr, q);
    DoubleVector zi = DoubleVector.fromArray(S, xi, q);
    DoubleVector mr = DoubleVector.fromArray(S, xr, k).rearrange(REVERSE);
    DoubleVector mi = DoubleVector.fromArray(S, xi, k).rearrange(REVERSE);
    DoubleVector cr = DoubleVector.fromArray(S, wr, k).rearrange(REVERSE).neg();
    DoubleVector ci = DoubleVector.fromArray(S, wi, k).rearrange(REVERSE);
    DoubleVector er = zr.add(mr).mul(0.5);
    DoubleVector ei = zi.sub(mi).mul(0.5);
    DoubleVector or = zi.add(mi).mul(0.5);
    DoubleVector oi = mr.sub(zr).mul(0.5);
    er.add(or.mul(cr)).sub(oi.mul(ci)).mul(fr).intoArray(re, reOff + q);
    ei.add(oi.mul(cr)).add(or.mul(ci)).mul(fi).intoArray(im, imOff + q);
  }

  /**
   * The outputs between the pairs' blocks, {@code k in [P V, h - P V]} for P pairs:
   * {@code X_h/2} alone when 2V divides h, up to 2V - 1 of them otherwise; the vector blocks'
   * arithmetic, one at a time.
   */
  private void rest(double[] xr, double[] xi, double fr, double fi, double[] re, int reOff,
      double[] im, int imOff) {
    int h = n / 2;
    int pv = h / (2 * V) * V;
    for (int k = pv; k <= h - pv; k++) {
      unpackOne(xr, xi, k, fr, fi, re, reOff, im, imOff);
    }
  }

  /** Output k of the unpack, in scalar arithmetic. */
  private void unpackOne(double[] xr, double[] xi, int k, double fr, double fi, double[] re,
      int reOff, double[] im, int imOff) {
    int h = n / 2;
    double zr = xr[k];
    double zi = xi[k];
    double mr = xr[h - k];
    double mi = xi[h - k];
    double er = (zr + mr) * 0.5;
    double ei = (zi - mi) * 0.5;
    double or = (zi + mi) * 0.5;
    double oi = (mr - zr) * 0.5;
    double cr = wr[k];
    double ci = wi[k];
    re[reOff + k] = (er + or * cr - oi * ci) * fr;
    im[imOff + k] = (ei + oi * cr + or * ci) * fi;
  }


  /**
   * {@link #forward} on {@link #full}: the real samples as element j with zero imaginary parts
   * (plain vector copies), the engine, the tiles into split parts, and {@code X_0 .. X_n/2}
   * times the factors. Their imaginary parts at 0 and n/2 come out exactly zero: those outputs
   * are sums of the inputs (and differences, for n/2) without twiddles.
   */
  private void forwardFull(double[] x, int xOff, double fr, double fi, double[] re, int reOff,
      double[] im, int imOff, double[] a, double[] t, double[] xr, double[] xi, int workers) {
    LineFft f = full;
    if (workers <= 1) {
      f.loadReal(x, xOff, a, 0, f.m);
      f.sub.dif(a);
      f.crossSplit(a, t, xr, xi, 0, f.tiles);
    } else {
      WorkerPool.parallelFor(workers, f.m, (from, to) -> f.loadReal(x, xOff, a, from, to));
      f.sub.dif(a, workers);
      WorkerPool.parallelFor(workers, f.tiles, (from, to) ->
          f.crossSplit(a, new double[LineFft.tileLength()], xr, xi, from, to));
    }
    for (int k = 0; k <= n / 2; k++) {
      re[reOff + k] = xr[k] * fr;
      im[imOff + k] = xi[k] * fi;
    }
  }

  /**
   * irfft (and, with the conjugated input, hfft): the real line of length n, times
   * {@code norm}, into {@code dst[dOff .. dOff + n)}, from {@code X_0 .. X_h} given as parts
   * {@code sr[k], si[k]} (the imaginary parts of {@code X_0} and {@code X_h} must be zero: they
   * are ignored, as in pocketfft). As {@link BlockReal#pack}: {@code conj(2 Z_k)} from
   * {@code X_k} and {@code X_h-k} (vertical over V consecutive k, the partners lane-reversed),
   * whose forward DFT, conjugated, is n times the complex line {@code (x_2j, x_2j+1)}: written
   * straight as the real samples. Scratch: {@code a}, {@code t} as for {@link #forward};
   * {@code zr}, {@code zi} of {@link #splitLength()}; {@code sr, si} need h + 1 values.
   */
  void inverse(double[] sr, double[] si, double norm, double[] dst, int dOff, double[] a,
      double[] t, double[] zr, double[] zi, int workers) {
    LineFft f = half;
    int h = n / 2;
    int tiles = f.tiles;
    if (workers <= 1) {
      pack(sr, si, zr, zi, 0, h / V);
      f.loadSplit(zr, zi, a, 0, f.m);
      f.sub.dif(a);
      f.crossInterleaved(a, t, dst, dOff, norm, -norm, 0, tiles);
      return;
    }
    WorkerPool.parallelFor(workers, h / V, (from, to) -> pack(sr, si, zr, zi, from, to));
    WorkerPool.parallelFor(workers, f.m, (from, to) -> f.loadSplit(zr, zi, a, from, to));
    f.sub.dif(a, workers);
    WorkerPool.parallelFor(workers, tiles, (from, to) ->
        f.crossInterleaved(a, new double[LineFft.tileLength()], dst, dOff, norm, -norm, from,
            to));
  }

  /** {@code conj(2 Z_k)} for the blocks {@code [from, to)} of V consecutive k. */
  private void pack(double[] sr, double[] si, double[] zr, double[] zi, int from, int to) {
    int h = n / 2;
    for (int b = from; b < to; b++) {
      int k = b * V;
      packBlock(sr, si, k, h - k - V + 1, zr, zi);
    }
  }

  /** {@code conj(2 Z_k)} of one k, in scalar arithmetic ({@link #packBlock}'s lane). */
  private void packOne(double[] sr, double[] si, int k, double[] zr, double[] zi) {
    int p = n / 2 - k;
    double er = sr[k] + sr[p];
    double ei = si[k] - si[p];
    double dr = sr[k] - sr[p];
    double di = si[k] + si[p];
    double cr = wr[k];
    double ci = wi[k];
    double or = dr * cr + di * ci;
    double oi = di * cr - dr * ci;
    zr[k] = er - oi;
    zi[k] = -(ei + or);
  }

  private void packBlock(double[] sr, double[] si, int k, int p, double[] zr, double[] zi) {
    if (V == 2) {
      // scalar, as the unpack at 2 lanes
      packOne(sr, si, k, zr, zi);
      packOne(sr, si, k + 1, zr, zi);
      return;
    }
    DoubleVector ar = DoubleVector.fromArray(S, sr, k);
    DoubleVector ai = DoubleVector.fromArray(S, si, k);
    DoubleVector br = DoubleVector.fromArray(S, sr, p).rearrange(REVERSE);
    DoubleVector bi = DoubleVector.fromArray(S, si, p).rearrange(REVERSE);
    // 2E = X_k + conj X_h-k; 2O = (X_k - conj X_h-k) conj W^k; 2Z = 2E + i 2O
    DoubleVector er = ar.add(br);
    DoubleVector ei = ai.sub(bi);
    DoubleVector dr = ar.sub(br);
    DoubleVector di = ai.add(bi);
    DoubleVector cr = DoubleVector.fromArray(S, wr, k);
    DoubleVector ci = DoubleVector.fromArray(S, wi, k);
    DoubleVector or = dr.mul(cr).add(di.mul(ci));
    DoubleVector oi = di.mul(cr).sub(dr.mul(ci));
    er.sub(oi).intoArray(zr, k);
    ei.add(or).neg().intoArray(zi, k);
  }


}
