package dev.numspark.fft.engine;

import static dev.numspark.fft.engine.BlockFft.S;
import static dev.numspark.fft.engine.BlockFft.V;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;

/**
 * The engine's indexed moves between a block's lanes and the caller's lines: vector gathers and
 * scatters where the JIT compiles them to instructions, lane by lane elsewhere (and for the
 * common moves of (re, im) pairs at 8 lanes too, {@link #gatherPairs8}, {@link #copyOutPairs8}
 * and {@link #storePairs8}: faster there; at 4 lanes, contiguous lines' pairs by vector loads and
 * blends, {@link #gatherPairs4} and {@link #copyOutPairs4}; at 2 lanes, scalar moves of pairs
 * indexed from one loop counter, {@link #gatherPairs2} and {@link #copyOutPairs2}).
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
  /**
   * Whether interleaved pairs move by the pair forms ({@link #copyOutPairs}): at 2, 4 and 8 lanes,
   * which have one; a 1-lane species moves them lane by lane ({@link #scatterPairs}).
   */
  static final boolean PAIRS = VECTOR || PAIRS4 || V == 2;

  /**
   * Lane 1, 2 or 3 alone (4 lanes; built at every width, used only at 4): the blends of the
   * loads that stand in for shuffles here and in {@link LineFft#load}.
   */
  static final VectorMask<Double> LANE1 = lane(1);
  static final VectorMask<Double> LANE2 = lane(2);
  static final VectorMask<Double> LANE3 = lane(3);
  /** Lanes 1 and 3 (the imaginary parts of two interleaved pairs). */
  private static final VectorMask<Double> LANES13 = LANE1.or(LANE3);

  private LaneMoves() {}

  private static VectorMask<Double> lane(int v) {
    return VectorMask.fromLong(S, v < V ? 1L << v : 0L);
  }

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
  static void copyOutPairs8(double[] x, int xo, int[] perm, double fr, double fi, double[] dst,
      int base, int step, int[] map) {
    int m0 = map[0], m1 = map[1], m2 = map[2], m3 = map[3];
    int m4 = map[4], m5 = map[5], m6 = map[6], m7 = map[7];
    for (int k = 0, d = base; k < perm.length; k++, d += step) {
      int i = xo + 16 * perm[k];
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
   * elements at a time, one vector store per line ({@link #pairsOut4}) built from four loads from
   * the block and blends, with no shuffles: JDK 17 checks a {@code rearrange}'s indexes at run
   * time inside the loop, so the 4 x 4 register transpose this replaced cost more (one worker,
   * separate JVMs alternated: {@code fft} 128x4096 and 256x1000 about 1.1x faster, see
   * docs/fft.md). The loads may reach 2 doubles before an element and 2 after it, so a pair
   * whose element lies at either end of the block moves pair by pair, as do other lines and an
   * odd last element. Same products, so the same bits either way.
   */
  private static void copyOutPairs4(double[] x, int xo, int[] perm, double fr, double fi,
      double[] dst, int base, int step, int[] map) {
    int m0 = map[0], m1 = map[1], m2 = map[2], m3 = map[3];
    int k = 0;
    int d = base;
    if (step == 2) {
      DoubleVector scale = DoubleVector.broadcast(S, fr).blend(fi, LANES13);
      for (; k + 1 < perm.length; k += 2, d += 4) {
        int i0 = xo + 8 * perm[k];
        int i1 = xo + 8 * perm[k + 1];
        if (i0 + 10 <= x.length && i1 >= 2) {
          pairsOut4(x, i0, i1, scale, dst, d + m0);
          pairsOut4(x, i0 + 1, i1 + 1, scale, dst, d + m1);
          pairsOut4(x, i0 + 2, i1 + 2, scale, dst, d + m2);
          pairsOut4(x, i0 + 3, i1 + 3, scale, dst, d + m3);
        } else {
          elementOut4(x, i0, fr, fi, dst, d, m0, m1, m2, m3);
          elementOut4(x, i1, fr, fi, dst, d + 2, m0, m1, m2, m3);
        }
      }
    }
    for (; k < perm.length; k++, d += step) {
      elementOut4(x, xo + 8 * perm[k], fr, fi, dst, d, m0, m1, m2, m3);
    }
  }

  /**
   * One line's (re, im) pairs of two elements, times {@code scale = (fr, fi, fr, fi)}, stored at
   * {@code dst[o]}: the line's real parts at {@code x[r]} (first element) and {@code x[s]}
   * (second), each imaginary part 4 doubles on (the block's place of the element plus the line's
   * lane). Each value is lane 0, 1, 2 or 3 of a load that starts that many doubles before it,
   * blended.
   */
  private static void pairsOut4(double[] x, int r, int s, DoubleVector scale, double[] dst,
      int o) {
    DoubleVector.fromArray(S, x, r)
        .blend(DoubleVector.fromArray(S, x, r + 3), LANE1)
        .blend(DoubleVector.fromArray(S, x, s - 2), LANE2)
        .blend(DoubleVector.fromArray(S, x, s + 1), LANE3).mul(scale).intoArray(dst, o);
  }

  /**
   * {@link #copyOutPairs8} at 2 lanes (128-bit vectors, ARM NEON's width): scalar loads and
   * stores, as at 8 lanes, in place of {@link #scatterPairs}' two vector loads and four lane
   * extractions an element (JDK 17 has no 2-lane blend of doubles on x86). Contiguous lines
   * ({@code step == 2}) index the output from the loop counter alone, as {@link #gatherPairs2}
   * does, so that C2 checks its bounds once; the other loop is the same body. Same products, so
   * the same bits. With {@link #gatherPairs2}, one worker, this AMD EPYC with
   * {@code -XX:MaxVectorSize=16}, three JVM pairs alternated: {@code fft} 256x1000 1.18-1.21x
   * faster, {@code irfft} 256x1280 1.15-1.26x, {@code rfft} 256x1280 1.09-1.19x, 128x4800
   * 1.10-1.12x (docs/fft-widths.md); this method alone 1.03-1.08x on them but one.
   */
  private static void copyOutPairs2(double[] x, int xo, int[] perm, double fr, double fi,
      double[] dst, int base, int step, int[] map) {
    int m0 = map[0], m1 = map[1];
    if (step == 2) {
      int d0 = base + m0, d1 = base + m1;
      for (int k = 0; k < perm.length; k++) {
        int i = xo + 4 * perm[k];
        dst[d0 + 2 * k] = x[i] * fr;
        dst[d0 + 2 * k + 1] = x[i + 2] * fi;
        dst[d1 + 2 * k] = x[i + 1] * fr;
        dst[d1 + 2 * k + 1] = x[i + 3] * fi;
      }
      return;
    }
    for (int k = 0, d = base; k < perm.length; k++, d += step) {
      int i = xo + 4 * perm[k];
      dst[d + m0] = x[i] * fr;
      dst[d + m0 + 1] = x[i + 2] * fi;
      dst[d + m1] = x[i + 1] * fr;
      dst[d + m1 + 1] = x[i + 3] * fi;
    }
  }

  /** One element of {@link #copyOutPairs4}'s 4 lines, pair by pair. */
  private static void elementOut4(double[] x, int i, double fr, double fi, double[] dst, int d,
      int m0, int m1, int m2, int m3) {
    dst[d + m0] = x[i] * fr;
    dst[d + m0 + 1] = x[i + 4] * fi;
    dst[d + m1] = x[i + 1] * fr;
    dst[d + m1 + 1] = x[i + 5] * fi;
    dst[d + m2] = x[i + 2] * fr;
    dst[d + m2 + 1] = x[i + 6] * fi;
    dst[d + m3] = x[i + 3] * fr;
    dst[d + m3 + 1] = x[i + 7] * fi;
  }

  /**
   * {@link #copyOutPairs8} or {@link #copyOutPairs4}, by the width (8 or 4 lanes), of the block
   * that starts at {@code x[xo]}.
   */
  static void copyOutPairs(double[] x, int xo, int[] perm, double fr, double fi, double[] dst,
      int base, int step, int[] map) {
    if (V == 8) {
      copyOutPairs8(x, xo, perm, fr, fi, dst, base, step, map);
    } else if (V == 2) {
      copyOutPairs2(x, xo, perm, fr, fi, dst, base, step, map);
    } else {
      copyOutPairs4(x, xo, perm, fr, fi, dst, base, step, map);
    }
  }

  /**
   * Elements {@code 2 .. count - 3} of {@link #gather} at 4 lanes for contiguous lines of
   * (re, im) pairs ({@code step == 2}), with no shuffles: element e's real parts are lane v of a
   * load from line v that starts v doubles before the element (lane 0 of line 0 at the element,
   * lane 1 of line 1 one double earlier, ..), blended, and its imaginary parts likewise one double
   * on. JDK 17 checks the indexes of every {@code rearrange} at run time (7 instructions inside
   * the loop, not hoisted: seen in C2's code), which made a 4 x 4 register transpose cost more
   * than these twice as many loads. The loads stay inside each line; {@link #gather}'s lane loop
   * moves the first two elements and the last ones. Same values either way. Returns the elements
   * moved (from element 2).
   */
  private static int gatherPairs4(double[] src, int start, int[] map, int count,
      boolean conjugate, double[] a, int ao) {
    DoubleVector sign = DoubleVector.broadcast(S, conjugate ? -1.0 : 1.0);
    int s0 = start + map[0], s1 = start + map[1] - 1, s2 = start + map[2] - 2;
    int s3 = start + map[3] - 3;
    int e = 2;
    for (int s = 2 * e, k = ao + 2 * V * e; e + 2 < count; e++, s += 2, k += 2 * V) {
      DoubleVector.fromArray(S, src, s0 + s)
          .blend(DoubleVector.fromArray(S, src, s1 + s), LANE1)
          .blend(DoubleVector.fromArray(S, src, s2 + s), LANE2)
          .blend(DoubleVector.fromArray(S, src, s3 + s), LANE3).intoArray(a, k);
      DoubleVector.fromArray(S, src, s0 + s + 1)
          .blend(DoubleVector.fromArray(S, src, s1 + s + 1), LANE1)
          .blend(DoubleVector.fromArray(S, src, s2 + s + 1), LANE2)
          .blend(DoubleVector.fromArray(S, src, s3 + s + 1), LANE3).mul(sign).intoArray(a, k + 4);
    }
    return Math.max(0, e - 2);
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
      double sign, double[] a, int ao) {
    int m0 = map[0], m1 = map[1], m2 = map[2], m3 = map[3];
    int m4 = map[4], m5 = map[5], m6 = map[6], m7 = map[7];
    for (int j = 0, s = start, k = ao; j < count; j++, s += step, k += 16) {
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
   * {@code count} elements of V lines into the block layout at {@code a[ao]}: element j of lane
   * v has its real part at {@code src[start + j step + map[v]]} and its imaginary part
   * {@code imOffset} further; conjugated if asked.
   */
  static void gather(double[] src, int start, int step, int imOffset, int[] map, int count,
      boolean conjugate, double[] a, int ao) {
    if (VECTOR && imOffset == 1) {
      gatherPairs8(src, start, step, map, count, conjugate ? -1.0 : 1.0, a, ao);
      return;
    }
    if (VECTOR) {
      DoubleVector sign = DoubleVector.broadcast(S, conjugate ? -1.0 : 1.0);
      for (int j = 0, s = start; j < count; j++, s += step) {
        DoubleVector.fromArray(S, src, s, map, 0).intoArray(a, ao + 2 * V * j);
        DoubleVector.fromArray(S, src, s + imOffset, map, 0).mul(sign)
            .intoArray(a, ao + 2 * V * j + V);
      }
      return;
    }
    double sign = conjugate ? -1.0 : 1.0;
    if (V == 2 && step == 2 && imOffset == 1) {
      gatherPairs2(src, start, map, count, sign, a, ao);
      return;
    }
    if (V == 2) {
      // written out, the two lines' offsets in registers: 1.04-1.07x faster end to end at 2 lanes
      // (fft 256x1000, rfft 128x4800; the same form at 4 lanes was 1.07x slower than the loop)
      int m0 = map[0], m1 = map[1];
      int i0 = imOffset + m0, i1 = imOffset + m1;
      for (int j = 0, s = start, k = ao; j < count; j++, s += step, k += 4) {
        a[k] = src[s + m0];
        a[k + 1] = src[s + m1];
        a[k + 2] = sign * src[s + i0];
        a[k + 3] = sign * src[s + i1];
      }
      return;
    }
    int head = 0;
    int done = 0;
    if (PAIRS4 && imOffset == 1 && step == 2) {
      head = Math.min(2, count);
      done = gatherPairs4(src, start, map, count, conjugate, a, ao);
    }
    gatherLanes(src, start, step, imOffset, map, 0, head, sign, a, ao);
    gatherLanes(src, start, step, imOffset, map, head + done, count, sign, a, ao);
  }

  /**
   * {@link #gather} of two contiguous lines of (re, im) pairs ({@code step == 2}) at 2 lanes:
   * every index a constant multiple of the loop counter plus an invariant, which C2's range-check
   * elimination needs (a second induction variable {@code s += step} kept the checks of all
   * eight accesses in the loop). The copy in of 256 lines of 1000 points took 0.90 in place of
   * 1.8 ns a point (this AMD EPYC, {@code -XX:MaxVectorSize=16}); at 8 lanes the same change
   * measured nothing.
   */
  private static void gatherPairs2(double[] src, int start, int[] map, int count, double sign,
      double[] a, int ao) {
    int s0 = start + map[0], s1 = start + map[1];
    for (int j = 0; j < count; j++) {
      int k = ao + 4 * j;
      a[k] = src[s0 + 2 * j];
      a[k + 1] = src[s1 + 2 * j];
      a[k + 2] = sign * src[s0 + 2 * j + 1];
      a[k + 3] = sign * src[s1 + 2 * j + 1];
    }
  }

  /** Elements {@code from .. to - 1} of {@link #gather}, lane by lane. */
  private static void gatherLanes(double[] src, int start, int step, int imOffset, int[] map,
      int from, int to, double sign, double[] a, int ao) {
    for (int j = from, s = start + from * step, k = ao + 2 * V * from; j < to;
        j++, s += step, k += 2 * V) {
      for (int v = 0; v < V; v++) {
        a[k + v] = src[s + map[v]];
        a[k + V + v] = src[s + imOffset + map[v]] * sign;
      }
    }
  }
}
