package dev.numspark.fft.engine;

/**
 * A 1-D transform applied to every line of an array along one axis (see {@link AxisRunner}).
 *
 * <p>The runner gathers {@link #take} input elements of a line into the front of a work array
 * ({@code re, im} pairs when {@link #inComplex}), zero-fills it up to {@link #inputDoubles} (the
 * zero padding of SciPy's {@code n}), calls {@link #transform}, and scatters the first
 * {@link #outLen} elements of the work array into the output. Everything past
 * {@link #inputDoubles} is scratch the op must initialise itself. Ops are immutable and shared by
 * all worker threads; each thread has its own work arrays.
 */
public abstract class LineOp {
  final int take;
  final int outLen;
  final boolean inComplex;
  final boolean outComplex;

  LineOp(int take, int outLen, boolean inComplex, boolean outComplex) {
    this.take = take;
    this.outLen = outLen;
    this.inComplex = inComplex;
    this.outComplex = outComplex;
  }

  /** The doubles of the padded input region, zero-filled after the gathered data. */
  abstract int inputDoubles();

  /** The doubles of the whole work array (input region plus scratch). */
  abstract int workLength();

  /** Transforms one line in place; the result is in {@code work[0 .. outLen)} elements. */
  abstract void transform(double[] work);

  /**
   * Whether the op can run inside its own output row: its work array is no longer than the row
   * ({@code outLen} elements) and it has no scratch. Contiguous lines then skip the work copy.
   */
  boolean inPlace() {
    return false;
  }

  /** {@link #transform} on the line starting at {@code a[off]} (only when {@link #inPlace}). */
  void transform(double[] a, int off) {
    throw new UnsupportedOperationException();
  }

  static void scale(double[] a, int count, double factor) {
    scale(a, 0, count, factor);
  }

  static void scale(double[] a, int off, int count, double factor) {
    if (factor != 1.0) {
      for (int i = off; i < off + count; i++) {
        a[i] *= factor;
      }
    }
  }
}
