package dev.numspark.fft.engine;

/**
 * One complex line's transform on the single-line engine: {@link LineFft}, {@link LineSplit} or
 * {@link LineBluestein}.
 */
interface LinePlan {
  /** Doubles of scratch that {@link #forward} needs. */
  int blockLength();

  /**
   * The DFT of the complex line at {@code z[zOff ..]} (interleaved values, conjugated first if
   * asked) times {@code (fr, fi)} (real parts times fr, imaginary parts times fi) into
   * {@code dst[dOff ..]} (interleaved; not {@code z}). {@code a}: scratch of
   * {@link #blockLength()}. Every value is computed by the same operations for any
   * {@code workers}.
   */
  void forward(double[] z, int zOff, boolean conjugate, double[] dst, int dOff, double fr,
      double fi, double[] a, int workers);
}
