package dev.numspark.fft.engine;

import java.util.function.Supplier;

/**
 * One way of computing a {@link LineOp} on many lines: JTransforms line by line
 * ({@link JTransformsLines}), or the Vector API engine in blocks of lanes ({@link BlockRunner}) or
 * one line at a time ({@link LineRunner}). {@link Engines} picks one per transform.
 *
 * <p>Line {@code L} of {@code src} starts at element {@code (L / inner) len inner + L % inner},
 * with stride {@code inner}; the output lines in {@code dst} are laid out the same with
 * {@code op.outLen}. Every element of the output lines is written. There is at least one line,
 * and {@code op.outLen > 0}.
 */
interface FftEngine {
  /** {@code op} on the {@code lines} lines of {@code src} into {@code dst}. */
  void run(double[] src, boolean srcComplex, double[] dst, int lines, int len, int inner,
      LineOp op, int workers);

  /**
   * {@link #run(double[], boolean, double[], int, int, int, LineOp, int)} into the new, zero
   * array {@code allocate} returns, which is returned. An engine may allocate it while it
   * computes (the block engine's workers do).
   */
  default double[] run(double[] src, boolean srcComplex, Supplier<double[]> allocate, int lines,
      int len, int inner, LineOp op, int workers) {
    double[] dst = allocate.get();
    run(src, srcComplex, dst, lines, len, inner, op, workers);
    return dst;
  }

  /**
   * Whether {@code dst} may be {@code src} when a complex op keeps the length: the engine reads
   * all lines it transforms together before writing any, and such groups own disjoint lines.
   */
  default boolean inPlace() {
    return false;
  }
}
