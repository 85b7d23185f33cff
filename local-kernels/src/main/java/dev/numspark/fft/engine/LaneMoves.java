package dev.numspark.fft.engine;

import static dev.numspark.fft.engine.BlockFft.S;
import static dev.numspark.fft.engine.BlockFft.V;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;

/**
 * The engine's indexed moves between a block's lanes and the caller's lines: vector gathers and
 * scatters where the JIT compiles them to instructions, lane by lane elsewhere (and for the
 * common moves of (re, im) pairs at 8 lanes too, {@link #gatherPairs8}, {@link #copyOutPairs8}
 * and {@link #storePairs8}: faster there; at 4 lanes, contiguous lines' pairs through a 4 x 4
 * transpose in registers, {@link #gatherPairs4} and {@link #copyOutPairs4}).
 * JDK 17's C2 has a scatter instruction only with AVX-512 (and gathers of 2 lanes not at all);
 * below 512 bits {@code intoArray(a, i, map, 0)} ran its Java fallback, which boxes: scattering
 * a block of 1024 elements took 31 us per line at 4 lanes ({@code -XX:UseAVX=2}) and 134 us at
 * 2 ({@code -XX:MaxVectorSize=16}) against 2.8 us at 8, ten times the transform itself. Element
 * extraction with a constant lane index compiles to a shuffle, so the lane-by-lane forms are
 * written out per width. Both forms move the same values: results do not depend on the width's
 * choice.
 */
final class LaneMoves {
  /** Whether the vector forms are used: 8 lanes (512-bit vectors, AVX-512). */
  static final boolean VECTOR = V >= 8;
  /** Whether interleaved (re, im) pairs move by the 4-lane forms ({@link #gatherPairs4}). */
  static final boolean PAIRS4 = V == 4;
  /** Whether interleaved pairs move by the pair forms ({@link #copyOutPairs}). */
  static final boolean PAIRS = VECTOR || PAIRS4;

  private LaneMoves() {}

  /** Lane v of {@code x} to {@code dst[off + map[v]]}. */
  static void scatter(DoubleVector x, double[] dst, int off, int[] map) {
    if (VECTOR) {
      x.intoArray(dst, off, map, 0);
      return;
    }
    switch (V) {
      case 4 -> {
        dst[off + map[0]] = x.lane(0);
        dst[off + map[1]] = x.lane(1);
        dst[off + map[2]] = x.lane(2);
        dst[off + map[3]] = x.lane(3);
      }
      case 2 -> {
        dst[off + map[0]] = x.lane(0);
        dst[off + map[1]] = x.lane(1);
      }
      default -> {
        for (int v = 0; v < V; v++) {
          dst[off + map[v]] = x.lane(v);
        }
      }
    }
  }

  /**
   * Lane v of {@code re} and {@code im} to {@code dst[off + map[v]]} and {@code imOffset} further:
   * by {@link #storePairs8} for interleaved lines at 8 lanes ({@code tile} holds 2 V doubles),
   * by two {@link #scatter}s otherwise.
   */
  static void scatterPairs(DoubleVector re, DoubleVector im, double[] tile, double[] dst, int off,
      int imOffset, int[] map) {
    if (VECTOR && imOffset == 1) {
      re.intoArray(tile, 0);
      im.intoArray(tile, V);
      storePairs8(tile, dst, off, map);
    } else {
      scatter(re, dst, off, map);
      scatter(im, dst, off + imOffset, map);
    }
  }

  /**
   * {@code tile}'s 8 real parts and 8 imaginary parts as the (re, im) pairs of 8 interleaved
   * lines, element by element: the copy out of a block at 8 lanes, the two vectors stored into
   * the tile first. Measured against two vector scatters per element (interleaved JVMs, one
   * worker, this AMD EPYC, 2026-12-05): fft 128x4096 about 1.07x faster, rfft 512x4096 and
   * 128x4800 1.05-1.07x, 16x1024 the same; a pair shares its cache line, which the scatters write
   * one lane at a time. (Extracting the lanes from the vectors instead of storing them once was
   * 4% faster at 128x4096 but left one JVM in two 3x slower on 16x1024.)
   */
  private static void storePairs8(double[] tile, double[] dst, int off, int[] map) {
    int d0 = off + map[0], d1 = off + map[1], d2 = off + map[2], d3 = off + map[3];
    int d4 = off + map[4], d5 = off + map[5], d6 = off + map[6], d7 = off + map[7];
    dst[d0] = tile[0];
    dst[d0 + 1] = tile[8];
    dst[d1] = tile[1];
    dst[d1 + 1] = tile[9];
    dst[d2] = tile[2];
    dst[d2 + 1] = tile[10];
    dst[d3] = tile[3];
    dst[d3 + 1] = tile[11];
    dst[d4] = tile[4];
    dst[d4 + 1] = tile[12];
    dst[d5] = tile[5];
    dst[d5 + 1] = tile[13];
    dst[d6] = tile[6];
    dst[d6 + 1] = tile[14];
    dst[d7] = tile[7];
    dst[d7 + 1] = tile[15];
  }

  /**
   * A block's elements in the order {@code perm} gives (element {@code perm[k]} to output element
   * k), times {@code (fr, fi)}, as the (re, im) pairs of 8 interleaved lines: output element k of
   * lane v at {@code dst[base + k step + map[v]]}. Scalar loads straight from the block and
   * scalar stores: 1.25-1.4x faster per element-line than loading the element's two vectors and
   * going through {@link #storePairs8}'s tile (the copy alone, n = 1000 to 4096; end to end, one
   * worker, fft 256x1000 1.37 to 1.26 ms, 16x1024 81 to 76 us; same products, so the same bits).
   */
  static void copyOutPairs8(double[] x, int[] perm, double fr, double fi, double[] dst, int base,
      int step, int[] map) {
    int m0 = map[0], m1 = map[1], m2 = map[2], m3 = map[3];
    int m4 = map[4], m5 = map[5], m6 = map[6], m7 = map[7];
    for (int k = 0, d = base; k < perm.length; k++, d += step) {
      int i = 16 * perm[k];
      dst[d + m0] = x[i] * fr;
      dst[d + m0 + 1] = x[i + 8] * fi;
      dst[d + m1] = x[i + 1] * fr;
      dst[d + m1 + 1] = x[i + 9] * fi;
      dst[d + m2] = x[i + 2] * fr;
      dst[d + m2 + 1] = x[i + 10] * fi;
      dst[d + m3] = x[i + 3] * fr;
      dst[d + m3 + 1] = x[i + 11] * fi;
      dst[d + m4] = x[i + 4] * fr;
      dst[d + m4 + 1] = x[i + 12] * fi;
      dst[d + m5] = x[i + 5] * fr;
      dst[d + m5 + 1] = x[i + 13] * fi;
      dst[d + m6] = x[i + 6] * fr;
      dst[d + m6 + 1] = x[i + 14] * fi;
      dst[d + m7] = x[i + 7] * fr;
      dst[d + m7 + 1] = x[i + 15] * fi;
    }
  }

  /**
   * {@link #copyOutPairs8} at 4 lanes (AVX2). Contiguous lines ({@code step == 2}) take two
   * elements at a time: their four vectors (re and im of each), scaled, are a 4 x 4 tile whose
   * transpose holds each line's two (re, im) pairs, stored as one vector per line. The transpose
   * is single-vector rearranges and blends: JDK 17's two-vector {@code rearrange} was 8x slower
   * than scalar moves on AVX2. Other lines, and an odd last element, move pair by pair. Same
   * products, so the same bits either way.
   */
  private static void copyOutPairs4(double[] x, int[] perm, double fr, double fi, double[] dst,
      int base, int step, int[] map) {
    int m0 = map[0], m1 = map[1], m2 = map[2], m3 = map[3];
    int k = 0;
    int d = base;
    if (step == 2) {
      DoubleVector vr = DoubleVector.broadcast(S, fr);
      DoubleVector vi = DoubleVector.broadcast(S, fi);
      for (; k + 1 < perm.length; k += 2, d += 4) {
        int i0 = 8 * perm[k];
        int i1 = 8 * perm[k + 1];
        Transpose4.store(DoubleVector.fromArray(S, x, i0).mul(vr),
            DoubleVector.fromArray(S, x, i0 + 4).mul(vi),
            DoubleVector.fromArray(S, x, i1).mul(vr),
            DoubleVector.fromArray(S, x, i1 + 4).mul(vi), dst, d + m0, d + m1, d + m2, d + m3);
      }
    }
    for (; k < perm.length; k++, d += step) {
      int i = 8 * perm[k];
      dst[d + m0] = x[i] * fr;
      dst[d + m0 + 1] = x[i + 4] * fi;
      dst[d + m1] = x[i + 1] * fr;
      dst[d + m1 + 1] = x[i + 5] * fi;
      dst[d + m2] = x[i + 2] * fr;
      dst[d + m2 + 1] = x[i + 6] * fi;
      dst[d + m3] = x[i + 3] * fr;
      dst[d + m3 + 1] = x[i + 7] * fi;
    }
  }

  /**
   * The 4 x 4 transpose of four vectors, {@code r_v = [a_v, b_v, c_v, d_v]} stored at
   * {@code dst[o_v]}: unpack pairs of rows (rearrange one, blend), then swap 128-bit halves.
   * Only loaded at 4 lanes (its shuffles have 4 lanes).
   */
  private static final class Transpose4 {
    private static final VectorShuffle<Double> DUP_EVEN = VectorShuffle.fromValues(S, 0, 0, 2, 2);
    private static final VectorShuffle<Double> DUP_ODD = VectorShuffle.fromValues(S, 1, 1, 3, 3);
    private static final VectorShuffle<Double> LOW_TWICE = VectorShuffle.fromValues(S, 0, 1, 0, 1);
    private static final VectorShuffle<Double> HIGH_TWICE = VectorShuffle.fromValues(S, 2, 3, 2, 3);
    private static final VectorMask<Double> ODD = VectorMask.fromValues(S, false, true, false, true);
    private static final VectorMask<Double> EVEN = ODD.not();
    private static final VectorMask<Double> UPPER = VectorMask.fromValues(S, false, false, true, true);
    private static final VectorMask<Double> LOWER = UPPER.not();
    /** Factors of two interleaved (re, im) pairs: as they are, or conjugated. */
    static final DoubleVector KEEP = DoubleVector.broadcast(S, 1.0);
    static final DoubleVector CONJUGATE = DoubleVector.fromArray(S, new double[] {1, -1, 1, -1}, 0);

    static void store(DoubleVector a, DoubleVector b, DoubleVector c, DoubleVector d,
        double[] dst, int o0, int o1, int o2, int o3) {
      DoubleVector ab0 = a.blend(b.rearrange(DUP_EVEN), ODD); // a0 b0 a2 b2
      DoubleVector ab1 = b.blend(a.rearrange(DUP_ODD), EVEN); // a1 b1 a3 b3
      DoubleVector cd0 = c.blend(d.rearrange(DUP_EVEN), ODD); // c0 d0 c2 d2
      DoubleVector cd1 = d.blend(c.rearrange(DUP_ODD), EVEN); // c1 d1 c3 d3
      ab0.blend(cd0.rearrange(LOW_TWICE), UPPER).intoArray(dst, o0);
      ab1.blend(cd1.rearrange(LOW_TWICE), UPPER).intoArray(dst, o1);
      cd0.blend(ab0.rearrange(HIGH_TWICE), LOWER).intoArray(dst, o2);
      cd1.blend(ab1.rearrange(HIGH_TWICE), LOWER).intoArray(dst, o3);
    }
  }

  /** {@link #copyOutPairs8} or {@link #copyOutPairs4}, by the width (8 or 4 lanes). */
  static void copyOutPairs(double[] x, int[] perm, double fr, double fi, double[] dst, int base,
      int step, int[] map) {
    if (V == 8) {
      copyOutPairs8(x, perm, fr, fi, dst, base, step, map);
    } else {
      copyOutPairs4(x, perm, fr, fi, dst, base, step, map);
    }
  }

  /**
   * The first elements of {@link #gather} at 4 lanes for contiguous lines of (re, im) pairs
   * ({@code step == 2}): two elements at a time, one vector per line transposed
   * ({@link Transpose4}) into the block's re and im vectors of both elements (1.75x faster than
   * pair by pair, the copy alone, 128 x 4096). Returns how many elements it moved (all but an odd
   * last one); {@link #gather}'s lane loop moves the rest. Same values either way.
   */
  private static int gatherPairs4(double[] src, int start, int[] map, int count,
      boolean conjugate, double[] a) {
    DoubleVector pairSign = conjugate ? Transpose4.CONJUGATE : Transpose4.KEEP;
    int m0 = map[0], m1 = map[1], m2 = map[2], m3 = map[3];
    int j = 0;
    for (int s = start; j + 1 < count; j += 2, s += 4) {
      Transpose4.store(DoubleVector.fromArray(S, src, s + m0).mul(pairSign),
          DoubleVector.fromArray(S, src, s + m1).mul(pairSign),
          DoubleVector.fromArray(S, src, s + m2).mul(pairSign),
          DoubleVector.fromArray(S, src, s + m3).mul(pairSign), a, 8 * j, 8 * j + 4, 8 * j + 8,
          8 * j + 12);
    }
    return j;
  }

  /**
   * {@link #gather} of (re, im) pairs (complex lines, or a real line's sample pairs for the
   * half-length trick) at 8 lanes, imaginary parts times {@code sign} (-1 conjugates, for the
   * inverses): element by element, the eight lines' offsets in registers. Measured against the two
   * vector gathers per element (interleaved JVMs, one worker, this AMD EPYC): rfft 128x4800
   * 1.1-1.27x faster, rfft 512x4096 1.08-1.13x, fft 128x4096 about 1.05x, ifft 256x1000 and
   * 128x4096 1.13-1.17x; AMD's gathers load one element at a time, and a pair shares its line.
   */
  private static void gatherPairs8(double[] src, int start, int step, int[] map, int count,
      double sign, double[] a) {
    int m0 = map[0], m1 = map[1], m2 = map[2], m3 = map[3];
    int m4 = map[4], m5 = map[5], m6 = map[6], m7 = map[7];
    for (int j = 0, s = start, k = 0; j < count; j++, s += step, k += 16) {
      a[k] = src[s + m0];
      a[k + 8] = sign * src[s + m0 + 1];
      a[k + 1] = src[s + m1];
      a[k + 9] = sign * src[s + m1 + 1];
      a[k + 2] = src[s + m2];
      a[k + 10] = sign * src[s + m2 + 1];
      a[k + 3] = src[s + m3];
      a[k + 11] = sign * src[s + m3 + 1];
      a[k + 4] = src[s + m4];
      a[k + 12] = sign * src[s + m4 + 1];
      a[k + 5] = src[s + m5];
      a[k + 13] = sign * src[s + m5 + 1];
      a[k + 6] = src[s + m6];
      a[k + 14] = sign * src[s + m6 + 1];
      a[k + 7] = src[s + m7];
      a[k + 15] = sign * src[s + m7 + 1];
    }
  }

  /**
   * {@code count} elements of V lines into the block layout {@code a}: element j of lane v has
   * its real part at {@code src[start + j step + map[v]]} and its imaginary part
   * {@code imOffset} further; conjugated if asked.
   */
  static void gather(double[] src, int start, int step, int imOffset, int[] map, int count,
      boolean conjugate, double[] a) {
    if (VECTOR && imOffset == 1) {
      gatherPairs8(src, start, step, map, count, conjugate ? -1.0 : 1.0, a);
      return;
    }
    if (VECTOR) {
      DoubleVector sign = DoubleVector.broadcast(S, conjugate ? -1.0 : 1.0);
      for (int j = 0, s = start; j < count; j++, s += step) {
        DoubleVector.fromArray(S, src, s, map, 0).intoArray(a, 2 * V * j);
        DoubleVector.fromArray(S, src, s + imOffset, map, 0).mul(sign)
            .intoArray(a, 2 * V * j + V);
      }
      return;
    }
    double sign = conjugate ? -1.0 : 1.0;
    if (V == 2) {
      // written out, the two lines' offsets in registers: 1.04-1.07x faster end to end at 2 lanes
      // (fft 256x1000, rfft 128x4800; the same form at 4 lanes was 1.07x slower than the loop)
      int m0 = map[0], m1 = map[1];
      int i0 = imOffset + m0, i1 = imOffset + m1;
      for (int j = 0, s = start, k = 0; j < count; j++, s += step, k += 4) {
        a[k] = src[s + m0];
        a[k + 1] = src[s + m1];
        a[k + 2] = sign * src[s + i0];
        a[k + 3] = sign * src[s + i1];
      }
      return;
    }
    int done = PAIRS4 && imOffset == 1 && step == 2
        ? gatherPairs4(src, start, map, count, conjugate, a) : 0;
    for (int j = done, s = start + done * step, k = 2 * V * done; j < count;
        j++, s += step, k += 2 * V) {
      for (int v = 0; v < V; v++) {
        a[k + v] = src[s + map[v]];
        a[k + V + v] = src[s + imOffset + map[v]] * sign;
      }
    }
  }
}
