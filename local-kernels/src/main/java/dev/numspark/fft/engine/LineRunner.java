package dev.numspark.fft.engine;

import dev.numspark.parallel.WorkerPool;
import java.util.Arrays;
import java.util.Map;

/**
 * Runs {@code fft}/{@code ifft}, {@code rfft}/{@code ihfft} and {@code irfft}/{@code hfft} on
 * lines that are alone, or fewer than the engine's V lanes ({@link AxisRunner}), and the one-row
 * {@code Fft.rfftParts}, with the single-line four-step transforms {@link LineFft} and {@link LineReal} on the Vector API
 * engine. Only loaded when {@link FftConfig#VECTOR_ENGINE}.
 *
 * <p>A line's result depends only on its data, the length and the norm: the lines are shared out
 * whole to the workers, or (long lines) one line's steps are shared out by index ranges with the
 * same operations, so the bits do not depend on {@code workers}; {@code Fft.rfftParts} and
 * {@code Fft.rfft} of that row run the same {@link LineReal#forward} with the same factors, so
 * they agree bit for bit.
 */
public final class LineRunner {
  /**
   * Shortest complex power-of-two lines run here; shorter ones stay on JTransforms, which is as
   * fast or faster there (one line, JDK 17, AVX-512: n = 64: 0.6 vs 0.4 us, 128: 1.0 vs 0.9,
   * 256: 1.9 vs 2.0; other 5-smooth lengths from V^2 gain, 192: 1.4 vs 2.2 us). See docs/fft.md.
   */
  static final int MIN_COMPLEX_POW2 = 256;
  /**
   * Shortest complex lines of other lengths run here (at 8 lanes the engine's own minimum, V^2):
   * below, JTransforms was faster at 4 and 2 lanes ({@code fft} of 20, 40 and 60 0.64-0.68x at 4,
   * of 12, 20 and 60 0.63-0.74x at 2; of 72 to 200 1.06-1.64x at either).
   */
  static final int MIN_COMPLEX = 64;
  /** Shortest real lines ({@code rfft}) run here (n = 128: 0.28 vs 0.41 us). */
  static final int MIN_REAL = 128;
  /**
   * At 4 lanes (AVX2) the same shortest lines as at 8, and real lines ({@code rfft},
   * {@code irfft}) up to this length: one line, JDK 17, a real AVX2 CPU (AMD EPYC Zen 3), JVMs
   * with and without the engine alternated, two a side, JTransforms' time over the engine's:
   * {@code fft} of 48 to 192 1.06-1.52x, of 256 to 2^18 1.29-1.49x, of 2^19 and 2^20 0.98x and
   * 0.91x ({@link LineFft#MAX_AT_4_LANES}); {@code rfft} of 128 to 2^18 1.15-1.77x, of 2^19
   * 0.83-0.89x; {@code irfft} of 128 to 2^18 1.15-1.48x, of 2^19 0.98x. (The limits before, fft
   * from 1024 and rfft from 4096, came from {@code -XX:UseAVX=2} on an AVX-512 CPU, before the
   * tile step moved scalars at 4 lanes.)
   */
  static final int MAX_REAL_AT_4_LANES = 1 << 18;
  /**
   * At 2 lanes (128-bit: ARM NEON, or {@code -XX:MaxVectorSize=16}) {@code rfft} lines of powers
   * of two stay on JTransforms (batches of them take the blocks from n/2 = 256 since the blocks'
   * unpack went by place, {@link Engines#blocksPay}; the real split here is another, scalar one):
   * one line, JDK 17, this AMD EPYC (Zen 3) at {@code -XX:MaxVectorSize=16}, best of two JVMs a
   * side against JTransforms, {@code rfft} of 256 to 2^16 0.87-0.97x (on Zen 4 after radix 8 at
   * 2 lanes, 2026-12-07: of 1024, 4096 and 2^16 0.76-0.84x). Complex lines of powers of two
   * stayed there too ({@code fft} of 256 to 4096 0.99-1.15x, of 2^16 to 2^18 0.73-0.90x) until
   * radix 8 took the lone 2 of the engine's half-length blocks at 2 lanes: since (Zen 4, JVMs
   * alternated, two a side) {@code fft} of 1024 1.26-1.28x, of 4096 1.22x, of 2^16 1.11x, of 256
   * 1.0-1.14x, and Bluestein lines, whose convolutions may now take a power of two, {@code fft}
   * of 1009 1.11-1.19x, of 4099 1.11-1.15x, of 16411 1.13x, {@code rfft} of 1009 1.08-1.17x.
   * Other 5-smooth lengths gain ({@code fft} of 200 to 10000 1.41-1.83x, {@code rfft} of 200 to
   * 96000 1.12-1.34x), and so does {@code irfft} of every length from 256 ({@code irfft} of 256
   * to 2^16 1.13-1.59x, of 2^18 0.83x: lines up to a complex length of
   * {@link LineFft#MAX_AT_2_LANES}).
   */
  static final int MIN_INVERSE_AT_2_LANES = 256;
  /** Complex lengths from which one line's steps are shared among the workers. */
  static final int PARALLEL_MIN = 1 << 15;
  /**
   * Scratch arrays up to this many doubles (2 MB) are kept per thread: the row path
   * ({@code numspark_rfft}) calls {@link #rfft} once per row, 100 000s of times, and per-call
   * scratch (the engine block of 2n doubles, the split spectrum) would be most of its
   * allocation. Longer lines allocate their scratch per call rather than pin it to a thread.
   */
  static final int KEEP_MAX = 1 << 18;

  private static final int MAX_PLANS = 16;
  private static final Map<Integer, Object> PLANS = PlanCache.lru(MAX_PLANS);

  /** Per-thread scratch of the row path (see {@link #KEEP_MAX}). */
  private static final class Scratch {
    final double[] tile = new double[LineFft.tileLength()];
    double[] a = new double[0];
    double[] xr = new double[0];
    double[] xi = new double[0];
    double[] line = new double[0];
    double[] re = new double[0];
    double[] im = new double[0];
  }

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private LineRunner() {}

  /** An array of at least {@code need} doubles: {@code have} if large enough. */
  private static double[] fit(double[] have, int need) {
    return have.length >= need ? have : new double[need];
  }

  /** Whether one complex line of length n runs here. */
  static boolean supportsComplex(int n) {
    return supportsFactored(n) || LineSplit.supports(n) || LineBluestein.supports(n);
  }

  /** Whether one complex line of length n runs here on {@link LineFft}. */
  static boolean supportsFactored(int n) {
    boolean pow2 = Integer.bitCount(n) == 1;
    return LineFft.supports(n) && n >= (pow2 ? MIN_COMPLEX_POW2 : MIN_COMPLEX);
  }

  /**
   * The real plan used last: the row path transforms row after row of one length, and this
   * spares each row the length check (which factors n) and the cache lookup (a lock and a boxed
   * key), about 5% of a 1024-sample row.
   */
  private static volatile LineReal lastReal;

  /** Whether one real line of length n ({@code rfft}) runs here. */
  static boolean supportsReal(int n) {
    LineReal last = lastReal;
    if (BlockFft.V == 2 && Integer.bitCount(n) == 1 || beyondRealMax(n)) {
      return false; // (the last plan may be an irfft's)
    }
    return last != null && last.n == n || n >= MIN_REAL && LineReal.supports(n)
        || LineBluestein.supportsReal(n);
  }

  /** Whether {@code op} runs here. */
  static boolean supports(LineOp op) {
    if (op instanceof ComplexLineOp c) {
      return supportsComplex(c.n);
    }
    if (op instanceof RealForwardLineOp r) {
      return supportsReal(r.n);
    }
    if (op instanceof RealInverseLineOp r) {
      return supportsInverse(r.n);
    }
    return false;
  }

  /**
   * Whether one real inverse line of length n ({@code irfft}) runs here: by the half-length trick
   * ({@link LineReal#inverse}), or for a length only {@link LineBluestein} takes, as the complex
   * transform of the line's Hermitian extension (as its {@code rfft}). One line, 4 lanes, Zen 3,
   * JVMs with and without the engine alternated, two a side, JTransforms' time over the engine's:
   * 131 3.99x, 257 2.08x, 1009 1.11x, 2002 1.33x, 4099 2.21x, 65537 1.81x; at 2 lanes from
   * {@link #MIN_REAL} too (the limit of 256 there is the half-length trick's): 131 4.21x, 211
   * 1.27x, 1009 1.03x, 2002 1.15x, 4099 1.95x, 16411 1.93x. A 5-smooth length whose
   * half the engine does not take (n/2 not a multiple of the lanes: 500, 1500, 4500, 37500) lost
   * that way (0.86-0.95x; its {@code rfft} as a complex transform gains 1.05-1.34x), so it stays
   * on JTransforms; with a factor 7, where JTransforms runs a generic radix, the complex
   * transform of n wins: 140 1.05x, 196 1.38x, 588 1.44x, 1764 1.33x, 3500 1.09x, 44100 1.28x
   * at 4 lanes; 882 1.34x, 1470 1.28x, 3430 4.54x, 22050 1.02x at 2.
   */
  static boolean supportsInverse(int n) {
    if (beyondRealMax(n)) {
      return false;
    }
    return n >= (BlockFft.V == 2 ? MIN_INVERSE_AT_2_LANES : MIN_REAL) && LineReal.supportsHalf(n)
        || LineBluestein.supportsReal(n) || n >= MIN_REAL && n % 7 == 0 && LineFft.supports(n);
  }

  /** Whether a real line of n is past the longest one taken at this width. */
  private static boolean beyondRealMax(int n) {
    return BlockFft.V == 4 && n > MAX_REAL_AT_4_LANES;
  }

  private static LinePlan complexPlan(int n) {
    return (LinePlan) plan(n);
  }

  /** The plan one complex line of n runs on, for tests ({@link #supportsComplex} first). */
  static Object complexPlanForTest(int n) {
    return supportsComplex(n) ? complexPlan(n) : null;
  }

  private static LineReal realPlan(int n) {
    LineReal last = lastReal;
    if (last != null && last.n == n) {
      return last;
    }
    last = (LineReal) plan(-n);
    lastReal = last;
    return last;
  }

  /** The cached plan: complex of length key (key > 0) or real of length -key. */
  private static Object plan(int key) {
    return PlanCache.cached(PLANS, key, k -> k < 0 ? new LineReal(-k)
        : LineFft.supports(k) ? LineFft.plan(k)
        : LineSplit.supports(k) ? LineSplit.plan(k) : LineBluestein.plan(k));
  }

  /**
   * The rfft of {@code x[xOff .. xOff + n)}, real parts times {@code fr} and imaginary parts
   * times {@code fi}, into {@code re[reOff ..]} and {@code im[imOff ..]}, on the per-thread
   * scratch. {@code Fft.rfftParts} (the per-row path of {@code numspark_rfft}) calls this
   * directly, with one worker: every call between Spark's generated code and the Vector API
   * counts towards C2's inlining depth limit (docs/spark.md).
   */
  public static void rfft(double[] x, int xOff, int n, double fr, double fi, double[] re,
      int reOff, double[] im, int imOff, int workers) {
    LineReal last = lastReal;
    if ((last == null || last.n != n) && !LineReal.supports(n)) {
      rfftBluestein(x, xOff, n, fr, fi, re, reOff, im, imOff, workers);
      return;
    }
    LineReal p = realPlan(n);
    int blockLen = p.blockLength();
    int splitLen = p.splitLength();
    Scratch s = SCRATCH.get();
    double[] a;
    double[] xr;
    double[] xi;
    if (blockLen <= KEEP_MAX) {
      a = s.a = fit(s.a, blockLen);
      xr = s.xr = fit(s.xr, splitLen);
      xi = s.xi = fit(s.xi, splitLen);
    } else {
      a = new double[blockLen];
      xr = new double[splitLen];
      xi = new double[splitLen];
    }
    p.forward(x, xOff, fr, fi, re, reOff, im, imOff, a, s.tile, xr, xi, workers);
  }

  /**
   * {@link #rfft} of a length that only {@link LineBluestein} takes: the complex DFT of the line
   * with zero imaginary parts, its first {@code n/2 + 1} bins kept (the parts of X_0 and, n even,
   * X_n/2 are those of a complex transform: their imaginary parts are rounding, not zero; they
   * are set to zero, as a real transform's are).
   */
  private static void rfftBluestein(double[] x, int xOff, int n, double fr, double fi,
      double[] re, int reOff, double[] im, int imOff, int workers) {
    LinePlan p = complexPlan(n);
    Scratch s = 2 * n <= KEEP_MAX && p.blockLength() <= KEEP_MAX ? SCRATCH.get() : new Scratch();
    double[] z = s.xr = fit(s.xr, 2 * n);
    double[] y = s.xi = fit(s.xi, 2 * n);
    double[] a = s.a = fit(s.a, p.blockLength());
    for (int j = 0; j < n; j++) {
      z[2 * j] = x[xOff + j];
      z[2 * j + 1] = 0.0;
    }
    p.forward(z, 0, false, y, 0, fr, fi, a, workers);
    int bins = n / 2 + 1;
    for (int k = 0; k < bins; k++) {
      re[reOff + k] = y[2 * k];
      im[imOff + k] = y[2 * k + 1];
    }
    im[imOff] = 0.0;
    if (n % 2 == 0) {
      im[imOff + n / 2] = 0.0;
    }
  }

  private static void complex(double[] z, int zOff, int n, boolean conjugate, double[] dst,
      int dOff, double fr, double fi, int workers) {
    LinePlan p = complexPlan(n);
    int blockLen = p.blockLength();
    double[] a;
    if (blockLen <= KEEP_MAX) {
      Scratch s = SCRATCH.get();
      a = s.a = fit(s.a, blockLen);
    } else {
      a = new double[blockLen];
    }
    p.forward(z, zOff, conjugate, dst, dOff, fr, fi, a, workers);
  }

  /**
   * {@code op} on the {@code lines} lines of {@code src} (line {@code L} starts at element
   * {@code (L / inner) len inner + L % inner}, stride {@code inner}) into {@code dst} (the same
   * with {@code op.outLen}): as {@code BlockRunner.run}, for fewer lines than lanes.
   */
  static void run(double[] src, boolean srcComplex, double[] dst, int lines, int len, int inner,
      LineOp op, int workers) {
    int n = op instanceof ComplexLineOp c ? c.n
        : op instanceof RealForwardLineOp r ? r.n : ((RealInverseLineOp) op).n;
    // long lines: each line's steps on all the workers; short ones: whole lines per worker
    int inside = n >= PARALLEL_MIN ? workers : 1;
    int across = inside > 1 ? 1 : workers;
    WorkerPool.parallelFor(across, lines, 1, (from, to) -> {
      for (int line = from; line < to; line++) {
        int s = (line / inner) * len * inner + line % inner;
        int o = (line / inner) * op.outLen * inner + line % inner;
        if (op instanceof ComplexLineOp c) {
          complexLine(src, srcComplex, s, inner, c, dst, o, inside);
        } else if (op instanceof RealForwardLineOp r) {
          realLine(src, s, inner, r, dst, o, inside);
        } else {
          realInverseLine(src, srcComplex, s, inner, (RealInverseLineOp) op, dst, o, inside);
        }
      }
    });
  }

  private static void complexLine(double[] src, boolean srcComplex, int s, int inner,
      ComplexLineOp c, double[] dst, int o, int workers) {
    int n = c.n;
    double fi = c.forward ? c.factor : -c.factor;
    double[] z;
    int zOff;
    if (srcComplex && inner == 1 && c.take == n) {
      // a whole contiguous line is read where it is
      z = src;
      zOff = 2 * s;
    } else {
      z = lineBuffer(2 * n);
      zOff = 0;
      Arrays.fill(z, 2 * c.take, 2 * n, 0.0);
      for (int j = 0, i = s; j < c.take; j++, i += inner) {
        z[2 * j] = srcComplex ? src[2 * i] : src[i];
        z[2 * j + 1] = srcComplex ? src[2 * i + 1] : 0.0;
      }
    }
    if (inner == 1) {
      complex(z, zOff, n, !c.forward, dst, 2 * o, c.factor, fi, workers);
      return;
    }
    double[] y = new double[2 * n];
    complex(z, zOff, n, !c.forward, y, 0, c.factor, fi, workers);
    for (int k = 0, d = o; k < n; k++, d += inner) {
      dst[2 * d] = y[2 * k];
      dst[2 * d + 1] = y[2 * k + 1];
    }
  }

  private static void realLine(double[] src, int s, int inner, RealForwardLineOp r,
      double[] dst, int o, int workers) {
    int n = r.n;
    int bins = n / 2 + 1;
    double fi = r.conjugate ? -r.factor : r.factor;
    double[] x;
    int xOff;
    if (inner == 1 && r.take == n) {
      x = src;
      xOff = s;
    } else {
      x = lineBuffer(n);
      xOff = 0;
      Arrays.fill(x, r.take, n, 0.0);
      for (int j = 0, i = s; j < r.take; j++, i += inner) {
        x[j] = src[i];
      }
    }
    Scratch sc = SCRATCH.get();
    double[] re;
    double[] im;
    if (bins <= KEEP_MAX) {
      re = sc.re = fit(sc.re, bins);
      im = sc.im = fit(sc.im, bins);
    } else {
      re = new double[bins];
      im = new double[bins];
    }
    rfft(x, xOff, n, r.factor, fi, re, 0, im, 0, workers);
    for (int k = 0, d = o; k < bins; k++, d += inner) {
      dst[2 * d] = re[k];
      dst[2 * d + 1] = im[k];
    }
  }

  /**
   * irfft/hfft of one line: its {@code take} half-spectrum values (conjugated for hfft, zero
   * padded to n/2 + 1, the imaginary parts of {@code X_0} and, n even, {@code X_n/2} dropped) as
   * separate parts, then {@link #inverse} straight into the output line (through a buffer when
   * the line is strided).
   */
  private static void realInverseLine(double[] src, boolean srcComplex, int s, int inner,
      RealInverseLineOp r, double[] dst, int o, int workers) {
    int n = r.n;
    int h = n / 2;
    Object plan = inversePlan(n);
    Scratch sc = inverseScratch(plan, n);
    double[] sr = sc.re;
    double[] si = sc.im;
    double sign = r.conjugate ? -1.0 : 1.0;
    for (int j = 0, i = s; j < r.take; j++, i += inner) {
      sr[j] = srcComplex ? src[2 * i] : src[i];
      si[j] = srcComplex ? sign * src[2 * i + 1] : 0.0;
    }
    Arrays.fill(sr, r.take, h + 1, 0.0);
    Arrays.fill(si, r.take, h + 1, 0.0);
    if (inner == 1) {
      inverse(plan, n, r.norm, dst, o, sc, workers);
      return;
    }
    double[] y = new double[n];
    inverse(plan, n, r.norm, y, 0, sc, workers);
    for (int k = 0, d = o; k < n; k++, d += inner) {
      dst[d] = y[k];
    }
  }

  /**
   * The irfft, times {@code norm}, of the spectrum in JTransforms' packed layout ({@code FftPlan}:
   * {@code a[off]} bin 0, then re, im of bins 1 .. (n-1)/2, except that for even n {@code a[off +
   * 1]} is the real bin n/2, and for odd n bin (n-1)/2's real part is at {@code a[off + n - 1]} and
   * its imaginary part at {@code a[off + 1]}) in place over it, for {@link EnginePlan#realInverse};
   * n as {@link #supportsInverse} says. The same arithmetic as {@link #realInverseLine} of those
   * bins, on the per-thread scratch.
   */
  static void irfftPacked(double[] a, int off, int n, double norm) {
    int h = n / 2;
    Object plan = inversePlan(n);
    Scratch sc = inverseScratch(plan, n);
    double[] sr = sc.re;
    double[] si = sc.im;
    sr[0] = a[off];
    for (int k = 1; k < h; k++) {
      sr[k] = a[off + 2 * k];
      si[k] = a[off + 2 * k + 1];
    }
    if (n % 2 == 0) {
      sr[h] = a[off + 1];
    } else {
      sr[h] = a[off + n - 1];
      si[h] = a[off + 1];
    }
    inverse(plan, n, norm, a, off, sc, 1);
  }

  /**
   * The irfft, times {@code norm}, of the bins {@code sc.re[0 .. n/2]}, {@code sc.im[..]} (whose
   * imaginary parts of {@code X_0} and, n even, {@code X_n/2} are ignored, as pocketfft does) into
   * {@code dst[dOff .. dOff + n)}; {@code plan} from {@link #inversePlan}, {@code sc} from
   * {@link #inverseScratch}.
   */
  private static void inverse(Object plan, int n, double norm, double[] dst, int dOff,
      Scratch sc, int workers) {
    double[] sr = sc.re;
    double[] si = sc.im;
    if (plan instanceof LineReal p) {
      si[0] = 0.0;
      si[n / 2] = 0.0;
      p.inverse(sr, si, norm, dst, dOff, sc.a, sc.tile, sc.xr, sc.xi, workers);
      return;
    }
    // the Hermitian extension z (z_0 and, n even, z_n/2 real), then Re(DFT(conj z)), which is
    // the unnormalised inverse DFT of z: a real line, so half of the complex result is dropped,
    // as rfftBluestein does
    double[] z = sc.xr;
    double[] y = sc.xi;
    z[0] = sr[0];
    z[1] = 0.0;
    for (int k = 1, top = (n + 1) / 2; k < top; k++) {
      z[2 * k] = sr[k];
      z[2 * k + 1] = si[k];
      z[2 * (n - k)] = sr[k];
      z[2 * (n - k) + 1] = -si[k];
    }
    if (n % 2 == 0) {
      z[n] = sr[n / 2];
      z[n + 1] = 0.0;
    }
    ((LinePlan) plan).forward(z, 0, true, y, 0, norm, norm, sc.a, workers);
    for (int j = 0; j < n; j++) {
      dst[dOff + j] = y[2 * j];
    }
  }

  /**
   * The plan for one real inverse line of n, looked up once a line: its {@link LineReal} (the
   * half-length trick; the last real plan, as {@link #supportsReal} keeps it for row after row),
   * else the complex plan of n ({@link #inverse}'s Hermitian extension).
   */
  private static Object inversePlan(int n) {
    LineReal last = lastReal;
    if (last != null && last.n == n && last.half != null) {
      return last;
    }
    return LineReal.supportsHalf(n) ? realPlan(n) : complexPlan(n);
  }

  /**
   * Scratch for one real inverse line of n with {@code plan} ({@link #inverse}): the bins' parts in {@code re},
   * {@code im}; for the half-length trick {@link LineReal#inverse}'s {@code zr}, {@code zi} in
   * {@code xr}, {@code xi} and its block in {@code a}; for the complex transform the extension and
   * its transform (2n each) in {@code xr}, {@code xi} and that plan's scratch in {@code a}. The
   * thread's own (grown as needed), or a new one for a line too long to keep.
   */
  private static Scratch inverseScratch(Object plan, int n) {
    int parts;
    int work;
    int blockLen;
    if (plan instanceof LineReal p) {
      parts = work = p.splitLength();
      blockLen = p.half.blockLength();
    } else {
      parts = n / 2 + 1;
      work = 2 * n;
      blockLen = ((LinePlan) plan).blockLength();
    }
    Scratch sc = blockLen <= KEEP_MAX && work <= KEEP_MAX ? SCRATCH.get() : new Scratch();
    sc.re = fit(sc.re, parts);
    sc.im = fit(sc.im, parts);
    sc.xr = fit(sc.xr, work);
    sc.xi = fit(sc.xi, work);
    sc.a = fit(sc.a, blockLen);
    return sc;
  }

  /** The calling thread's line buffer of at least {@code need} doubles (kept if not huge). */
  private static double[] lineBuffer(int need) {
    if (need > KEEP_MAX) {
      return new double[need];
    }
    Scratch s = SCRATCH.get();
    return s.line = fit(s.line, need);
  }
}
