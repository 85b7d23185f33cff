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
    if (lines >= BlockRunner.lanes() && BlockRunner.supports(op)) {
      return BLOCKS;
    }
    return LineRunner.supports(op) ? LINES : JTRANSFORMS;
  }

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
