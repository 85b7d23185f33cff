package dev.numspark.fft.engine;

import static dev.numspark.fft.engine.BlockFft.V;

/**
 * The istft's inverse transforms on the FFT engine, V segments per block: each lane of a
 * {@link BlockReal} block holds one segment's one-sided spectrum, the block is inverted at once,
 * and every lane's samples are windowed and overlap-added into the line in segment order (as one
 * segment at a time adds them: each output sample gets its segments' terms in the same order,
 * whatever the block boundaries). The counterpart of {@link SegmentPowers} for the way back.
 * Buffers are per instance; use one per thread ({@link #forThread}).
 */
public final class SegmentInverse {
  private final int nfft;
  private final int h;
  private final BlockReal real;
  /** The gathered spectra {@code [k][re, im][lane]}, {@code k = 0 .. h}. */
  private final double[] spectra;
  /** The packed half-length block, then (digit-reversed) n times the lanes' samples. */
  private final double[] work;
  private final int[] map = new int[V];

  private SegmentInverse(int nfft) {
    this.nfft = nfft;
    this.h = nfft / 2;
    this.real = BlockRunner.realPlan(nfft);
    this.spectra = new double[2 * (h + 1) * V];
    this.work = new double[2 * h * V];
  }

  /**
   * Whether this inverts segments of {@code nfft} bins, {@code nseg} of them: the lengths
   * {@link SegmentPowers#supports} takes (nfft even with a 7-smooth half, a block within the
   * engine's cache budget), and at least V segments.
   */
  static boolean supports(int nfft, long nseg) {
    return SegmentPowers.supports(nfft, nfft, nseg);
  }

  private static final ThreadLocal<SegmentInverse> LAST = new ThreadLocal<>();

  /** The calling thread's instance for {@code nfft} (its last one when nfft is the same). */
  public static SegmentInverse forThread(int nfft) {
    SegmentInverse s = LAST.get();
    if (s == null || s.nfft != nfft) {
      s = new SegmentInverse(nfft);
      LAST.set(s);
    }
    return s;
  }

  /**
   * {@code out[s nstep + j] += (x_s[j] factor) win[j]} for segments {@code s in [first, first +
   * count)} in order and {@code j < win.length} (at most nfft), where {@code x_s} is the inverse
   * real DFT of length nfft ({@code 1/nfft} scaled, numpy's irfft) of segment s's one-sided
   * spectrum {@code X_s[k]}, {@code k = 0 .. nfft/2}: real part at {@code z[2 (base + s sStride +
   * k kStride)]}, imaginary part just after. The imaginary parts of {@code X_0} and
   * {@code X_nfft/2} are ignored, as pocketfft ignores them.
   */
  public void overlapAdd(double[] z, int base, int sStride, int kStride, int first, int count,
      double[] win, double factor, int nstep, double[] out) {
    for (int b = 0; b < count; b += V) {
      int valid = Math.min(V, count - b);
      invert(z, base, sStride, kStride, first + b, valid);
      addLanes(first + b, valid, win, factor, nstep, out);
    }
  }

  /**
   * Segments {@code [s0, s0 + valid)} inverted into {@link #work} (idle lanes of a partial block
   * invert segment s0 again; nothing reads them). A method of its own, called once a block: C2
   * then compiles it as its own root, with the whole inlining depth for the Vector API code under
   * {@link BlockFft#dif}. Inlined into a caller that holds the overlap-add loop too, the chain
   * was cut in some JVMs and the butterflies' vectors boxed (istft 1000 x 4096: 36 ms in one JVM,
   * 61 in another, most time in {@code DoubleVector.intoArray} called, not inlined).
   */
  private void invert(double[] z, int base, int sStride, int kStride, int s0, int valid) {
    for (int v = 0; v < V; v++) {
      map[v] = 2 * (base + (s0 + (v < valid ? v : 0)) * sStride);
    }
    LaneMoves.gather(z, 0, 2 * kStride, 1, map, h + 1, false, spectra, 0);
    real.pack(spectra, 0, work, 0);
    real.half.dif(work);
  }

  /** Lanes {@code [0, valid)} of {@link #work}, segments s0 on, windowed into {@code out}. */
  private void addLanes(int s0, int valid, double[] win, double factor, int nstep,
      double[] out) {
    int nperseg = win.length;
    double scale = 1.0 / nfft;
    int[] perm = real.half.perm;
    // element k of the half-length result is n (x_2k - i x_2k+1), at perm[k]
    for (int v = 0; v < valid; v++) {
      int o = (s0 + v) * nstep;
      for (int j = 0; j < nperseg; j++) {
        int i = 2 * V * perm[j >> 1] + v;
        double sample = (j & 1) == 0 ? work[i] * scale : -work[i + V] * scale;
        out[o + j] += sample * factor * win[j];
      }
    }
  }
}
