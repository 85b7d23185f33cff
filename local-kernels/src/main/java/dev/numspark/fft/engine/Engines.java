package dev.numspark.fft.engine;

import java.util.function.Supplier;

/**
 * The one place that decides which engine computes a transform, from its kind and length (what
 * the engines support, {@link BlockRunner#supports}, {@link LineRunner#supports}), the number of
 * lines and the vector width:
 * <ul>
 *   <li>at least as many lines as vector lanes: the Vector API engine in blocks of lanes;
 *   <li>fewer (one signal, say): its single-line four-step transforms, for the lengths where
 *       they beat JTransforms;
 *   <li>otherwise, and always for DCT/DST, the Vector API switched off or absent, JTransforms.
 * </ul>
 * {@link FftConfig#VECTOR_ENGINE} is tested first: the engine's classes must not load without
 * the Vector API module.
 */
public final class Engines {
  static final FftEngine JTRANSFORMS = JTransformsLines::run;

  /** The batched engine; its classes load on first use (an anonymous class, no method handle). */
  static final FftEngine BLOCKS = new FftEngine() {
    @Override
    public void run(double[] src, boolean srcComplex, double[] dst, int lines, int len,
        int inner, LineOp op, int workers) {
      BlockRunner.run(src, srcComplex, dst, lines, len, inner, op, workers);
    }

    @Override
    public double[] run(double[] src, boolean srcComplex, Supplier<double[]> allocate,
        int lines, int len, int inner, LineOp op, int workers) {
      return BlockRunner.run(src, srcComplex, allocate, lines, len, inner, op, workers);
    }

    @Override
    public boolean inPlace() {
      return true;
    }
  };

  /** The single-line engine (as {@link #BLOCKS}, loaded on first use). */
  static final FftEngine LINES = new FftEngine() {
    @Override
    public void run(double[] src, boolean srcComplex, double[] dst, int lines, int len,
        int inner, LineOp op, int workers) {
      LineRunner.run(src, srcComplex, dst, lines, len, inner, op, workers);
    }
  };

  private Engines() {}

  /**
   * The engine for {@code op} on {@code lines} lines; {@code vector}: whether the Vector API
   * engine may be used at all (tests comparing the engines say no).
   */
  static FftEngine choose(LineOp op, int lines, boolean vector) {
    if (!vector || !FftConfig.VECTOR_ENGINE || lines == 0 || op.outLen == 0) {
      return JTRANSFORMS;
    }
    int lanes = BlockRunner.lanes();
    if (lines >= lanes && BlockRunner.supports(op)
        && (FftConfig.VECTOR_ALWAYS || blocksPay(op, lanes))) {
      return BLOCKS;
    }
    return LineRunner.supports(op) ? LINES : JTRANSFORMS;
  }

  /**
   * Whether the block engine beats JTransforms on {@code op} at {@code lanes} lanes (it computes
   * it: {@link BlockRunner#supports}). Measured in one JVM per width on this project's AVX-512
   * machine, JDK 17, one worker, the two engines interleaved call by call (docs/fft.md, "Vector
   * widths"):
   * <ul>
   *   <li>Bluestein lengths (not 7-smooth) win at every width (1.4x to 3x at 17, 1009, 8191);
   *   <li>a block's work array ({@code 16 m V} bytes for a complex FFT of length m, m = n/2 for
   *       real ops) beyond 4 MB at 8 and 4 lanes ({@link #BLOCK_MAX_POINTS_LARGE}, measured
   *       again on an AMD EPYC Zen 4 and a real AVX2 CPU) and beyond 1 MB (half of L2) at 2
   *       lanes loses to line-by-line transforms (as first measured, when every width had the
   *       1 MB limit: {@code fft} 16 x 16384 at 8 lanes 0.81x, 8 x 32768 0.70x, 16 x 48000 at
   *       4 lanes 0.66x, 4 x 65536 0.86x, {@code rfft} 8 x 65536 at 8 lanes 0.82x, 4 x 65536 at
   *       4 lanes 0.31x (there the single-line engine, at 8 lanes, or JTransforms takes them; the
   *       single-line engine beat JTransforms on 8 x 32768, 8 x 65536, 16 x 48000: 1.05x-2.2x);
   *   <li>at 2 lanes (128-bit vectors: ARM NEON, or {@code -XX:MaxVectorSize=16}) the 5-smooth
   *       lengths win ({@code fft} 204 x 1280 1.19x, 54 x 4800 1.67x, {@code rfft} 128 x 4800
   *       1.21x, 262 x 1000 1.49x); powers of two lost or tied until the 2-lane copies indexed
   *       from one counter and radix 8 took the lone 2 (2026-12-07, AMD EPYC Zen 4, JVMs with
   *       and without {@code -Dnumspark.fft.vector=always} alternated, two a side): since, complex
   *       lengths from 64 win ({@code fft} 256 x 64 1.09-1.10x, 2048 x 64 1.12-1.14x, 512 x 512
   *       1.16-1.22x, 256 x 1024 1.09-1.11x, 128 x 4096 1.08-1.14x, 1024 x 4096 1.14x; 2048 x 32
   *       0.95x) and {@code irfft} from 256 ({@code irfft} 512 x 512 1.18x, 16 x 1024
   *       1.14-1.17x, 64 x 4096 1.19-1.21x, 512 x 4096 1.22x; 2048 x 64 0.95-1.0x), and
   *       {@code rfft} from 256 too since its unpack took its pairs by place (one JVM, the two
   *       engines alternated, two runs in opposite orders: {@code rfft} 512 x 512 1.14x and
   *       1.16x, 256 x 1024 1.10x and 1.15x, 16 x 4096 1.06x and 1.17x, 64 x 4096 1.33x and
   *       1.16x, 512 x 4096 1.11x and 1.49x, 8 x 65536 1.27x and 1.18x; 1024 x 256 0.99x and
   *       1.04x, 2048 x 64 0.81x and 0.89x, 4096 x 32 0.64x and 0.67x; {@link
   *       #pow2PaysAtTwoLanes});
   *   <li>complex length 16 ties (0.93x to 0.96x at 4 and 8 lanes, 0.70x at 2): JTransforms.
   * </ul>
   * {@code -Dnumspark.fft.vector=always} skips this (tests prove the engine at every width).
   */
  static boolean blocksPay(LineOp op, int lanes) {
    int m;
    if (op instanceof ComplexLineOp c) {
      m = c.n;
    } else if (op instanceof RealForwardLineOp r) {
      m = r.n % 2 == 0 && BlockFft.factors(r.n / 2) != null ? r.n / 2 : -1;
    } else if (op instanceof RealInverseLineOp r) {
      m = r.n % 2 == 0 && BlockFft.factors(r.n / 2) != null ? r.n / 2 : -1;
    } else {
      return false;
    }
    if (m < 0 || BlockFft.factors(m) == null) {
      // Bluestein: BlockRunner.supports already asked BlockBluestein.pays
      return true;
    }
    boolean complexOp = op instanceof ComplexLineOp;
    long maxPoints = lanes >= 4 ? BLOCK_MAX_POINTS_LARGE : BLOCK_MAX_POINTS;
    if ((long) m * lanes > maxPoints || complexOp && m <= 16) {
      return false;
    }
    return lanes > 2 || Integer.bitCount(m) != 1 || pow2PaysAtTwoLanes(op, m);
  }

  /**
   * Whether a power of two m (the complex length, or n/2 of a real op) pays on the blocks at 2
   * lanes: complex ops from 64 points, real ones from 256 (as measured: {@link #blocksPay}).
   */
  private static boolean pow2PaysAtTwoLanes(LineOp op, int m) {
    return m >= (op instanceof ComplexLineOp ? 64 : 256);
  }

  /**
   * Whether Welch's segment powers (real signal, one-sided, any detrending, mean
   * averaging) run on the engine ({@link SegmentPowers}) for these segments.
   */
  public static boolean segmentPowers(int nperseg, int nfft, long nseg) {
    return FftConfig.VECTOR_ENGINE && SegmentPowers.supports(nperseg, nfft, nseg);
  }

  /**
   * Whether csd's cross spectra of two real signals run on the engine
   * ({@link SegmentPowers#groupSumCross}): as {@link #segmentPowers}, from 4 lanes on. Measured,
   * 2000 pairs of 4096 samples, nperseg 256, against one transform per segment: 1.34x at 8
   * lanes, 1.5x at 4, 0.9x at 2 (two blocks and their unpacking per V segments cost more than
   * the vectors give at 128 bits). {@code -Dnumspark.fft.vector=always} takes 2 lanes too (the
   * tests at 128 bits prove it).
   */
  public static boolean segmentCross(int nperseg, int nfft, long nseg) {
    return segmentPowers(nperseg, nfft, nseg)
        && (FftConfig.VECTOR_ALWAYS || BlockRunner.lanes() >= 4);
  }

  /**
   * Whether the istft's inverse transforms run on the engine, V segments per block
   * ({@link SegmentInverse}): nfft even with a 7-smooth half, at least V segments, from 4 lanes
   * on. Measured, istft of 1000 x 4096 samples, nperseg 256, one worker, against one transform
   * per segment (3 JVMs each): 1.35x faster at 8 lanes (48.6-51.6 ms to 34.9-39.0), 1.2x at 4
   * (57-61 to 47-49), 0.83x at 2 (57-59 to 68-71), where it keeps the old path.
   * {@code -Dnumspark.fft.vector=always} takes 2 lanes too (the tests at 128 bits prove it).
   */
  public static boolean segmentInverse(int nfft, long nseg) {
    return FftConfig.VECTOR_ENGINE && SegmentInverse.supports(nfft, nseg)
        && (FftConfig.VECTOR_ALWAYS || BlockRunner.lanes() >= 4);
  }

  /** The vector lanes of the batched engine (call only when {@link #segmentPowers} said yes). */
  public static int lanes() {
    return BlockRunner.lanes();
  }

  /** Complex points of a block ({@code m V}) up to which it pays at 2 lanes: 1 MB of work array. */
  static final long BLOCK_MAX_POINTS = 1L << 16;

  /**
   * At 4 lanes, blocks pay up to 4 MB of work array (m up to 65536): on a real AVX2 CPU (AMD EPYC
   * Zen 3, 512 KB of L2 a core, 32 MB of L3; JDK 17, one worker, the engines alternated in one
   * JVM) blocks beat the single-line engine on {@code fft} 16 x 20000 1.38x, 16 x 32768 1.53x,
   * 16 x 48000 1.22x, 16 x 44100 1.28x, 16 x 65536 1.44x, {@code irfft} 16 x 131072 1.37x,
   * {@code rfft} 64 x 44100 2.07x (there the line takes the full complex transform), 16 x 48000
   * 1.05x, 16 x 131072 1.01x; beyond, {@code fft} 8 x 131072 0.96x and {@code rfft} 8 x 262144
   * 0.48x. (The 1 MB limit came from {@code -XX:UseAVX=2} on an AVX-512 CPU; at 2 lanes it held
   * on this CPU: {@code fft} 16 x 48000 0.93x, {@code rfft} 16 x 120000 0.92x.)
   *
   * <p>At 8 lanes too (2026-12-07): the 1 MB limit there was measured on 2026-12-04, before the
   * blocks' copies moved scalars at 8 lanes and their buffers were kept on cache lines; on an AMD
   * EPYC Zen 4 with AVX-512 (1 MB of L2 a core, 32 MB of L3; JDK 17, JVMs with the 1 MB rule and
   * with {@code -Dnumspark.fft.vector=always} alternated, two a side, the single-line engine's
   * time over the blocks') one worker: {@code fft} 16 x 16384 1.47x and 2.13x, 16 x 20000 1.31x
   * and 1.70x, 16 x 32768 1.33x and 1.46x, 8 x 32768 1.13x and 1.15x, {@code rfft} 8 x 65536
   * 1.08x and 1.31x, 16 x 32768 1.21x and 1.24x, 16 x 65536 1.00x, {@code irfft} 16 x 65536
   * 1.12x and 1.18x; two workers: {@code fft} 16 x 32768 1.46x and 1.55x, 16 x 16384 0.94x and
   * 1.05x, 16 x 20000 0.79x and 1.10x, {@code rfft} 8 x 65536 0.97x and 1.01x. Beyond 4 MB:
   * {@code fft} 8 x 131072 0.66x and 0.68x, {@code rfft} 16 x 131072 0.75x and 1.05x. (No Intel
   * CPU with AVX-512 was at hand to measure.)
   */
  static final long BLOCK_MAX_POINTS_LARGE = 1L << 18;

  /**
   * Whether {@code Fft.rfftParts} (one real row of length n, split parts) runs on the
   * single-line engine ({@link LineRunner#rfft}, called there directly: every call between
   * Spark's generated code and the Vector API counts towards C2's inlining depth limit), else
   * on JTransforms ({@link RealForwardLineOp#transformToParts}).
   */
  public static boolean rowOnVector(int n) {
    return FftConfig.VECTOR_ENGINE && LineRunner.supportsReal(n);
  }
}
