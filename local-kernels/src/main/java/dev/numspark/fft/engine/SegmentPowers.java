package dev.numspark.fft.engine;

import static dev.numspark.fft.engine.BlockFft.S;
import static dev.numspark.fft.engine.BlockFft.V;

import jdk.incubator.vector.DoubleVector;

/**
 * The inner loops of Welch and the PSD spectrogram on the block engine: the one-sided power
 * {@code |X_k|^2} of each windowed segment of a real signal ({@code k = 0 .. nfft/2}), with V
 * segments in the lanes of one {@link BlockFft} block, summed over segments ({@link #groupSum},
 * Welch) or stored per segment ({@link #eachPower}, the spectrogram). Detrending (the segment's
 * mean, or none), the window and the zero padding are applied while the segments are laid into
 * the block, and {@code |X|^2} is taken straight from the digit-reversed half-length spectrum
 * (the relations of {@link BlockReal}): no complex segment spectrum is ever written out. Measured
 * against one JTransforms {@code realForward} per segment (the path it replaces, still used where
 * this does not apply): docs/signal.md, "Welch, csd, the spectrogram and the stft on the engine".
 *
 * <p>Welch's order of operations, fixed so that the bits do not depend on {@code workers}:
 * segments are summed in groups of {@link #GROUP}; within a group, lane v sums segments
 * {@code v, v+V, ..} in order, then the lanes are added in lane order; the groups' sums are added
 * in group order by the caller ({@link #groupSum} computes one group). They depend on the vector
 * width (which segments share a lane), as the engine's other results do not: a tolerance, not
 * bits, relates machines of different widths.
 *
 * <p>Hand-written because no library has a batched Welch or spectrogram for the JVM. An instance
 * holds one thread's buffers; the FFT tables are the engine's shared, cached plans.
 */
public final class SegmentPowers {
  /** Segments per group: a multiple of every lane count (powers of two up to 64). */
  public static final int GROUP = 64;

  private final double[] win;
  private final int nperseg;
  private final int h;
  private final BlockReal real;
  /** The block: {@code [j][re, im][lane]} for the half-length complex line. */
  private final double[] work;
  /** Per-lane sums {@code [k][lane]}, {@code k = 0 .. h}. */
  private final double[] lanes;
  /** One block's powers {@code [k][lane]} (a partial block's lanes are added one by one). */
  private final double[] part;
  /** {@link #groupSumCross}: y's spectra, the imaginary per-lane sums, a bin's cross terms. */
  private double[] other;
  private double[] lanesIm;
  private final double[] crossRe = new double[V];
  private final double[] crossIm = new double[V];
  /**
   * x's spectra {@code [k][re, im][lane]} in {@link #groupSumCross}, a partial block's in
   * {@link #eachSpectrum} (made on first use, {@link #spectra()}).
   */
  private double[] spectra;
  /** Where {@link #eachSpectrum} writes a full block: lane v, bin k at 2 (s0 + v + k stride). */
  private final BlockFft.Lines columns = new BlockFft.Lines();
  private final double[] mean = new double[V];
  private final double[] slope = new double[V];
  private final double[] partial = new double[V];
  private final int[] start = new int[V];

  private SegmentPowers(double[] win, int nfft) {
    this.win = win;
    this.nperseg = win.length;
    this.h = nfft / 2;
    this.real = BlockRunner.realPlan(nfft);
    this.work = new double[2 * h * V];
    this.lanes = new double[(h + 1) * V];
    this.part = new double[(h + 1) * V];
    columns.imOff = 1;
    for (int v = 0; v < V; v++) {
      columns.map[v] = 2 * v;
    }
  }

  /**
   * Whether this computes Welch's sums for segments of {@code nperseg} samples, {@code nfft}
   * bins, {@code nseg} segments ({@link Engines#segmentPowers} asks, once the engine is known to
   * be on): {@code nfft} even with a 7-smooth half (the engine's lengths), a block within the
   * engine's cache budget ({@link Engines#BLOCK_MAX_POINTS}), and at least V segments (fewer
   * would leave most lanes idle).
   */
  static boolean supports(int nperseg, int nfft, long nseg) {
    int half = nfft / 2;
    return nfft % 2 == 0 && half >= 2 && nperseg <= nfft && nseg >= V
        && (long) half * V <= Engines.BLOCK_MAX_POINTS && BlockFft.factors(half) != null;
  }

  private static final ThreadLocal<SegmentPowers> LAST = new ThreadLocal<>();

  /**
   * The calling thread's instance for the window {@code win} (nperseg samples) and {@code nfft}:
   * its last one when that has the same window and nfft (a Spark SQL function calls once per
   * row: allocating the buffers each time cost a tenth of a 4096-sample Welch).
   */
  public static SegmentPowers forThread(double[] win, int nfft) {
    SegmentPowers p = LAST.get();
    if (p == null || p.h != nfft / 2 || !java.util.Arrays.equals(p.win, win)) {
      p = new SegmentPowers(win.clone(), nfft);
      LAST.set(p);
    }
    return p;
  }

  /**
   * {@code sum[k] = sum over segments s in [first, first + count) of |X_s[k]|^2}, {@code k = 0 ..
   * nfft/2}, where segment s is {@code x[off + s hop ..]} ({@code nperseg} samples) less its
   * {@code trend} (nothing, its mean, or its least-squares line), times the window, zero-padded to
   * nfft. {@code count} is at most
   * {@link #GROUP} and {@code first} a multiple of it, so that every caller sums the same groups.
   */
  public void groupSum(double[] x, int off, int hop, long first, int count, SegmentTrend trend,
      double[] sum) {
    java.util.Arrays.fill(lanes, 0.0);
    for (int b = 0; b < count; b += V) {
      int valid = Math.min(V, count - b);
      transform(x, off, hop, first + b, valid, trend);
      if (valid == V) {
        real.powers(work, lanes, true);
      } else {
        real.powers(work, part, false);
        for (int k = 0; k <= h; k++) {
          for (int v = 0; v < valid; v++) {
            lanes[k * V + v] += part[k * V + v];
          }
        }
      }
    }
    for (int k = 0; k <= h; k++) {
      sum[k] = laneSum(lanes, k);
    }
  }

  /** The V per-lane sums of bin k, added in lane order. */
  private static double laneSum(double[] lanes, int k) {
    double s = 0.0;
    for (int v = 0; v < V; v++) {
      s += lanes[k * V + v];
    }
    return s;
  }

  /** {@link #spectra}, made on first use. */
  private double[] spectra() {
    if (spectra == null) {
      spectra = new double[2 * (h + 1) * V];
    }
    return spectra;
  }

  /**
   * csd's cross spectra: {@code sum[2k] + i sum[2k+1] = sum over segments s of conj(X_s[k])
   * Y_s[k]}, X of {@code x} from {@code xOff} and Y of {@code y} from {@code yOff}, with the
   * segments, groups and order of {@link #groupSum} (each block transforms V segments of x, then
   * the same of y).
   */
  public void groupSumCross(double[] x, int xOff, double[] y, int yOff, int hop, long first,
      int count, SegmentTrend trend, double[] sum) {
    double[] xs = spectra();
    if (other == null) {
      other = new double[2 * (h + 1) * V];
      lanesIm = new double[(h + 1) * V];
    }
    java.util.Arrays.fill(lanes, 0.0);
    java.util.Arrays.fill(lanesIm, 0.0);
    for (int b = 0; b < count; b += V) {
      int valid = Math.min(V, count - b);
      transform(x, xOff, hop, first + b, valid, trend);
      real.unpack(work, xs);
      transform(y, yOff, hop, first + b, valid, trend);
      real.unpack(work, other);
      for (int k = 0; k <= h; k++) {
        int re = 2 * V * k;
        DoubleVector xr = DoubleVector.fromArray(S, xs, re);
        DoubleVector xi = DoubleVector.fromArray(S, xs, re + V);
        DoubleVector yr = DoubleVector.fromArray(S, other, re);
        DoubleVector yi = DoubleVector.fromArray(S, other, re + V);
        xr.mul(yr).add(xi.mul(yi)).intoArray(crossRe, 0);
        xr.mul(yi).sub(xi.mul(yr)).intoArray(crossIm, 0);
        for (int v = 0; v < valid; v++) {
          lanes[k * V + v] += crossRe[v];
          lanesIm[k * V + v] += crossIm[v];
        }
      }
    }
    for (int k = 0; k <= h; k++) {
      sum[2 * k] = laneSum(lanes, k);
      sum[2 * k + 1] = laneSum(lanesIm, k);
    }
  }

  /**
   * Each segment's own scaled power, the spectrogram's: {@code out[base + k stride + s] =
   * factor[k] |X_s[k]|^2} for segments {@code s in [first, first + count)} (as
   * {@link #groupSum} defines them), {@code k = 0 .. nfft/2}. A segment's values do not depend on
   * the block it shares (lanes are independent), so any split of the segments gives the same bits.
   */
  public void eachPower(double[] x, int off, int hop, int first, int count, SegmentTrend trend,
      double[] factor, double[] out, int base, int stride) {
    for (int b = 0; b < count; b += V) {
      int valid = Math.min(V, count - b);
      transform(x, off, hop, first + b, valid, trend);
      real.powers(work, part, false);
      int s0 = base + first + b;
      for (int k = 0; k <= h; k++) {
        int o = s0 + k * stride;
        if (valid == V) {
          DoubleVector.fromArray(S, part, k * V).mul(factor[k]).intoArray(out, o);
        } else {
          for (int v = 0; v < valid; v++) {
            out[o + v] = part[k * V + v] * factor[k];
          }
        }
      }
    }
  }

  /**
   * Each segment's own one-sided spectrum times {@code scale}, complex, the stft's (and the
   * spectrogram's other modes'): {@code out[2 i], out[2 i + 1]} with {@code i = base + k stride +
   * s} are the real and imaginary parts of {@code scale X_s[k]}, for segments {@code s in [first,
   * first + count)} as {@link #groupSum} defines them, {@code k = 0 .. nfft/2}. As
   * {@link #eachPower}, a segment's values do not depend on the block it shares.
   */
  public void eachSpectrum(double[] x, int off, int hop, int first, int count, SegmentTrend trend,
      double scale, double[] out, int base, int stride) {
    for (int b = 0; b < count; b += V) {
      int valid = Math.min(V, count - b);
      transform(x, off, hop, first + b, valid, trend);
      int s0 = base + first + b;
      if (valid == V) {
        // straight from the digit-reversed spectrum into the V time columns, scaled
        columns.data = out;
        columns.base = 2 * s0;
        columns.step = 2 * stride;
        real.unpack(work, 0, real.half.perm, columns, scale, scale);
        continue;
      }
      double[] sp = spectra();
      real.unpack(work, sp);
      for (int k = 0; k <= h; k++) {
        int o = 2 * (s0 + k * stride);
        int re = 2 * V * k;
        for (int v = 0; v < valid; v++) {
          out[o + 2 * v] = sp[re + v] * scale;
          out[o + 2 * v + 1] = sp[re + V + v] * scale;
        }
      }
    }
  }

  /**
   * The half-length spectra of segments {@code [first, first + valid)} in the lanes of
   * {@link #work} (digit-reversed, as {@link BlockFft#dif} leaves them). Idle lanes of a partial
   * block transform its first segment; callers ignore them.
   */
  private void transform(double[] x, int off, int hop, long first, int valid, SegmentTrend trend) {
    for (int v = 0; v < V; v++) {
      start[v] = Math.toIntExact(off + (first + (v < valid ? v : 0)) * hop);
    }
    fill(x, trend);
    real.half.dif(work);
  }

  /**
   * The V segments at {@link #start} into the block: sample j of lane v is
   * {@code w_j (x[start_v + j] - mean_v)} (mean_v 0 for no trend; a line, {@link #fillLine}), at
   * {@code work[V j + v]} (the half-length line's
   * element j/2, real part for even j, imaginary for odd), zero from {@code nperseg} on. Row by
   * row: each row reads one sample of each of the V segments (V sequential streams) and writes V
   * contiguous doubles. Measured against vector gathers (8 lanes: 1.1x slower with their index
   * checks), one segment at a time (writes V doubles apart: 1.5x slower), and this loop with the
   * lanes unrolled for 8 (C2 keeps the starts and means in registers: 1.2x faster, kept for 8),
   * and for 4 (256-bit vectors: Welch of 4096 samples, nperseg 256, 18.6-22.4 us a signal before,
   * 17.3-18.1 after, interleaved JVMs with {@code -XX:UseAVX=2}).
   */
  private void fill(double[] x, SegmentTrend trend) {
    for (int v = 0; v < V; v++) {
      mean[v] = trend == SegmentTrend.NONE ? 0.0 : mean(x, start[v]);
    }
    if (trend == SegmentTrend.LINE) {
      fillLine(x);
    } else if (V == 8) {
      fill8(x);
    } else if (V == 4) {
      fill4(x);
    } else {
      for (int j = 0; j < nperseg; j++) {
        double w = win[j];
        int o = V * j;
        for (int v = 0; v < V; v++) {
          work[o + v] = w * (x[start[v] + j] - mean[v]);
        }
      }
    }
    java.util.Arrays.fill(work, V * nperseg, work.length, 0.0);
  }

  /**
   * {@link #fill} less each segment's least-squares line, as {@code SegmentFft.detrend} takes it
   * off: {@code w_j (x_j - (mean + slope ((j + 1) - (n + 1) / 2)))}.
   */
  private void fillLine(double[] x) {
    for (int v = 0; v < V; v++) {
      slope[v] = SegmentTrend.slope(x, start[v], nperseg, mean[v]);
    }
    double tMean = (nperseg + 1) / 2.0;
    for (int j = 0; j < nperseg; j++) {
      double w = win[j];
      double t = (j + 1) - tMean;
      int o = V * j;
      for (int v = 0; v < V; v++) {
        work[o + v] = w * (x[start[v] + j] - (mean[v] + slope[v] * t));
      }
    }
  }

  private void fill4(double[] x) {
    int s0 = start[0], s1 = start[1], s2 = start[2], s3 = start[3];
    double m0 = mean[0], m1 = mean[1], m2 = mean[2], m3 = mean[3];
    for (int j = 0, o = 0; j < nperseg; j++, o += 4) {
      double w = win[j];
      work[o] = w * (x[s0 + j] - m0);
      work[o + 1] = w * (x[s1 + j] - m1);
      work[o + 2] = w * (x[s2 + j] - m2);
      work[o + 3] = w * (x[s3 + j] - m3);
    }
  }

  private void fill8(double[] x) {
    int s0 = start[0], s1 = start[1], s2 = start[2], s3 = start[3];
    int s4 = start[4], s5 = start[5], s6 = start[6], s7 = start[7];
    double m0 = mean[0], m1 = mean[1], m2 = mean[2], m3 = mean[3];
    double m4 = mean[4], m5 = mean[5], m6 = mean[6], m7 = mean[7];
    for (int j = 0, o = 0; j < nperseg; j++, o += 8) {
      double w = win[j];
      work[o] = w * (x[s0 + j] - m0);
      work[o + 1] = w * (x[s1 + j] - m1);
      work[o + 2] = w * (x[s2 + j] - m2);
      work[o + 3] = w * (x[s3 + j] - m3);
      work[o + 4] = w * (x[s4 + j] - m4);
      work[o + 5] = w * (x[s5 + j] - m5);
      work[o + 6] = w * (x[s6 + j] - m6);
      work[o + 7] = w * (x[s7 + j] - m7);
    }
  }

  /**
   * The mean of {@code nperseg} samples from {@code s}: V partial sums of strided elements, then
   * added in lane order (a fixed order; numpy's pairwise sum differs from it by rounding only).
   */
  private double mean(double[] x, int s) {
    int n = nperseg;
    int j = 0;
    DoubleVector acc = DoubleVector.zero(S);
    for (int bound = S.loopBound(n); j < bound; j += V) {
      acc = acc.add(DoubleVector.fromArray(S, x, s + j));
    }
    acc.intoArray(partial, 0);
    double total = 0.0;
    for (int v = 0; v < V; v++) {
      total += partial[v];
    }
    for (; j < n; j++) {
      total += x[s + j];
    }
    return total / n;
  }
}
