package dev.numspark.fft.engine;

import static dev.numspark.fft.engine.BlockFft.S;
import static dev.numspark.fft.engine.BlockFft.V;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;

/**
 * The engine's indexed moves between a block's lanes and the caller's lines: vector gathers and
 * scatters where the JIT compiles them to instructions, lane by lane elsewhere (and for the
 * common moves of (re, im) pairs at every width: scalar moves of pairs, {@link #gatherPairs8},
 * {@link #copyOutPairs8} and {@link #storePairs8} at 8 lanes, {@link #gatherPairs4} and
 * {@link #copyOutPairs4} at 4, {@link #gatherPairs2} and {@link #copyOutPairs2} at 2).
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
   * loads that stand in for shuffles in {@link LineFft#load}.
   */
  static final VectorMask<Double> LANE1 = lane(1);
  static final VectorMask<Double> LANE2 = lane(2);
  static final VectorMask<Double> LANE3 = lane(3);

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
   * {@link #copyOutPairs8} at 4 lanes (AVX2): scalar loads and stores. Contiguous lines
   * ({@code step == 2}) index the output by a counter that steps by 2 doubles, so that every
   * output index is that counter plus an invariant (see {@link #gatherPairs8} for why); the other
   * loop is the same body. Same products, so the same bits. In place of one vector store per
   * line and two elements built from four loads and three blends ({@code pairsOut4}, kept from
   * 2026-12-06 to 2026-12-07): in one JVM, the two forms switched between rounds (this AMD EPYC
   * Zen 4 with {@code -XX:UseAVX=2}, one worker), {@code fft} 2048x128, 512x512, 256x1000,
   * 16x1024 and {@code rfft} 256x1280 1.12-1.16x faster, {@code fft} 128x4096 1.05x
   * (docs/fft-widths.md, "The copies by scalar pairs at 4 lanes").
   */
  private static void copyOutPairs4(double[] x, int xo, int[] perm, double fr, double fi,
      double[] dst, int base, int step, int[] map) {
    if (step == 2) {
      int d0 = base + map[0], d1 = base + map[1], d2 = base + map[2], d3 = base + map[3];
      for (int e = 0; e < 2 * perm.length; e += 2) {
        int i = xo + 8 * perm[e >> 1];
        dst[d0 + e] = x[i] * fr;
        dst[d0 + e + 1] = x[i + 4] * fi;
        dst[d1 + e] = x[i + 1] * fr;
        dst[d1 + e + 1] = x[i + 5] * fi;
        dst[d2 + e] = x[i + 2] * fr;
        dst[d2 + e + 1] = x[i + 6] * fi;
        dst[d3 + e] = x[i + 3] * fr;
        dst[d3 + e + 1] = x[i + 7] * fi;
      }
      return;
    }
    int m0 = map[0], m1 = map[1], m2 = map[2], m3 = map[3];
    for (int k = 0, d = base; k < perm.length; k++, d += step) {
      int i = xo + 8 * perm[k];
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
   * {@link #copyOutPairs8} at 2 lanes (128-bit vectors, ARM NEON's width): scalar loads and
   * stores, as at 8 lanes, in place of {@link #scatterPairs}' two vector loads and four lane
   * extractions an element (JDK 17 has no 2-lane blend of doubles on x86). Contiguous lines
   * ({@code step == 2}) index the output from the loop counter alone, as {@link #gatherPairs2}
   * does; the other loop is the same body. Same products, so
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
   * {@link #gather} at 4 lanes for contiguous lines of (re, im) pairs ({@code step == 2}):
   * scalar loads and stores, indexed as {@link #gatherPairs8}'s contiguous loop. In place of 8
   * loads and 6 blends an element ({@code gatherPairs4} from 2026-12-06 to 2026-12-07): in one
   * JVM, the two forms switched between rounds (this AMD EPYC Zen 4 with {@code -XX:UseAVX=2},
   * one worker), {@code fft} 2048x128, 512x512, 256x1000, 16x1024, 128x4096, {@code rfft}
   * 256x1280 and 4096x64 1.08-1.12x faster; the copy alone of 8 lines of 128 points 1.5x, of
   * 512 and 1024 the same; with {@link #copyOutPairs4}, in separate JVMs, about 1.1x
   * (docs/fft-widths.md, "The copies by scalar pairs at 4 lanes"). Short lines now take
   * {@link #gatherByLines} instead.
   */
  private static void gatherPairs4(double[] src, int start, int[] map, int count, double sign,
      double[] a, int ao) {
    int s0 = start + map[0], s1 = start + map[1], s2 = start + map[2], s3 = start + map[3];
    for (int e = 0; e < 2 * count; e += 2) {
      int k = ao + 4 * e;
      a[k] = src[s0 + e];
      a[k + 4] = sign * src[s0 + e + 1];
      a[k + 1] = src[s1 + e];
      a[k + 5] = sign * src[s1 + e + 1];
      a[k + 2] = src[s2 + e];
      a[k + 6] = sign * src[s2 + e + 1];
      a[k + 3] = src[s3 + e];
      a[k + 7] = sign * src[s3 + e + 1];
    }
  }

  /**
   * {@link #gather} of (re, im) pairs (complex lines, or a real line's sample pairs for the
   * half-length trick) at 8 lanes, imaginary parts times {@code sign} (-1 conjugates, for the
   * inverses): element by element, the eight lines' offsets in registers. Measured against the two
   * vector gathers per element (interleaved JVMs, one worker, this AMD EPYC): rfft 128x4800
   * 1.1-1.27x faster, rfft 512x4096 1.08-1.13x, fft 128x4096 about 1.05x, ifft 256x1000 and
   * 128x4096 1.13-1.17x; AMD's gathers load one element at a time, and a pair shares its line.
   *
   * <p>Contiguous lines ({@code step == 2}) run a loop whose counter steps by 2 doubles, so that
   * every source index is the counter plus an invariant: JDK 17's C2 then checks the bounds once,
   * before the loop, where with the offset in a second variable ({@code s += step}, the loop
   * below) or as {@code s0 + 2 * j} it kept a check on each of the 16 loads in the loop (seen in
   * its code, {@code -XX:CompileCommand=print}). Kept for that, not for speed: in separate JVMs,
   * before and after, {@code fft} 512x512, 256x1000, 16x1024, 128x4096 and {@code rfft} 256x1280
   * ran the same within the noise (1.10-1.18x in one JVM with both loops, where the old one ran
   * slower beside the new; docs/fft-widths.md, "The copies by scalar pairs at 4 lanes").
   */
  private static void gatherPairs8(double[] src, int start, int step, int[] map, int count,
      double sign, double[] a, int ao) {
    if (step == 2) {
      int s0 = start + map[0], s1 = start + map[1], s2 = start + map[2], s3 = start + map[3];
      int s4 = start + map[4], s5 = start + map[5], s6 = start + map[6], s7 = start + map[7];
      for (int e = 0; e < 2 * count; e += 2) {
        int k = ao + 8 * e;
        a[k] = src[s0 + e];
        a[k + 8] = sign * src[s0 + e + 1];
        a[k + 1] = src[s1 + e];
        a[k + 9] = sign * src[s1 + e + 1];
        a[k + 2] = src[s2 + e];
        a[k + 10] = sign * src[s2 + e + 1];
        a[k + 3] = src[s3 + e];
        a[k + 11] = sign * src[s3 + e + 1];
        a[k + 4] = src[s4 + e];
        a[k + 12] = sign * src[s4 + e + 1];
        a[k + 5] = src[s5 + e];
        a[k + 13] = sign * src[s5 + e + 1];
        a[k + 6] = src[s6 + e];
        a[k + 14] = sign * src[s6 + e + 1];
        a[k + 7] = src[s7 + e];
        a[k + 15] = sign * src[s7 + e + 1];
      }
      return;
    }
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
    double sign = conjugate ? -1.0 : 1.0;
    // contiguous lines of (re, im) pairs: each line's element j at start + 2 j + map[v]
    boolean contiguous = imOffset == 1 && step == 2;
    if (contiguous && 16L * V * count <= BY_LINES_BYTES) {
      gatherByLines(src, start, map, count, sign, a, ao);
      return;
    }
    if (VECTOR && imOffset == 1) {
      gatherPairs8(src, start, step, map, count, sign, a, ao);
      return;
    }
    if (VECTOR) {
      DoubleVector vsign = DoubleVector.broadcast(S, sign);
      for (int j = 0, s = start; j < count; j++, s += step) {
        DoubleVector.fromArray(S, src, s, map, 0).intoArray(a, ao + 2 * V * j);
        DoubleVector.fromArray(S, src, s + imOffset, map, 0).mul(vsign)
            .intoArray(a, ao + 2 * V * j + V);
      }
      return;
    }
    if (V == 2 && contiguous) {
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
    if (PAIRS4 && contiguous) {
      gatherPairs4(src, start, map, count, sign, a, ao);
      return;
    }
    gatherLanes(src, start, step, imOffset, map, 0, count, sign, a, ao);
  }

  /**
   * Blocks up to this size (half of a 32 KB L1) take {@link #gatherByLines}: at 8 lanes complex
   * lines of up to 128 points, at 4 up to 256, at 2 up to 512 (and real lines of twice that).
   */
  static final int BY_LINES_BYTES = 16384;

  /**
   * {@link #gather} of V contiguous lines of (re, im) pairs ({@code step == 2}) one line after
   * the other, for blocks that stay in L1 ({@link #BY_LINES_BYTES}): each line is read as one
   * sequential stream, where the element-by-element forms ({@link #gatherPairs8} and the like)
   * read V short streams at once, and the block's scattered writes stay in L1. In one JVM, the
   * two switched between rounds (AMD EPYC Zen 4, one worker, the median of six rounds' ratios;
   * this machine's noise put single rounds at 0.55-1.8x): at 512 bits {@code fft} 4096x64 1.10x,
   * 2048x128 0.99-1.06x, {@code rfft} 4096x128 1.04-1.08x, 2048x256 1.05-1.06x; at 256 bits
   * {@code fft} 4096x64 1.13x, 1024x256 1.09x, {@code rfft} 4096x128 1.15-1.23x; at 128 bits
   * {@code fft} 4096x64 1.24x, 2048x128 1.09-1.17x, 1024x256 1.15x, 512x512 1.10x; in separate
   * JVMs (with the other copies of 2026-12-07) about 1.05x at 256 bits and within the noise at
   * 512 and 128 (docs/fft-widths.md, "All of this session's changes together"). Larger blocks
   * lose this way (at 512 bits {@code fft} 256x1000, 16x1024 and {@code rfft} 256x1280 0.85x,
   * their scattered writes going to L2; at 4 lanes a 32 KB block, {@code fft} 512x512, 0.93x).
   */
  private static void gatherByLines(double[] src, int start, int[] map, int count, double sign,
      double[] a, int ao) {
    for (int v = 0; v < V; v++) {
      int s0 = start + map[v];
      int k = ao + v;
      // the counter steps by 2 doubles so that C2 checks the loads' bounds once (gatherPairs8)
      for (int e = 0; e < 2 * count; e += 2) {
        a[k + V * e] = src[s0 + e];
        a[k + V * e + V] = sign * src[s0 + e + 1];
      }
    }
  }

  /**
   * {@link #gather} of two contiguous lines of (re, im) pairs ({@code step == 2}) at 2 lanes:
   * every index a constant multiple of the loop counter plus an invariant, in place of a second
   * induction variable {@code s += step}. The copy in of 256 lines of 1000 points took 0.90 in
   * place of 1.8 ns a point (this AMD EPYC, {@code -XX:MaxVectorSize=16}). C2 still checks the
   * four loads in the loop (indexes {@code s0 + 2 * j}, as {@link #gatherPairs8} says); a counter
   * stepping by 2 doubles, which removes those checks, measured no different here (0.99-1.02x
   * end to end, 2026-12-07).
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
