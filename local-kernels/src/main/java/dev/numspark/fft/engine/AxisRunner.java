package dev.numspark.fft.engine;

import dev.numspark.array.NdArray;
import dev.numspark.fft.FftArgumentException;
import java.util.Arrays;

/**
 * Applies a {@link LineOp} to every 1-D line of an array along one axis, on {@code workers}
 * threads: shapes, the output array, and the engine {@link Engines#choose} picks, which computes
 * the lines. Every engine's results are identical for any {@code workers}.
 */
public final class AxisRunner {
  private AxisRunner() {}

  /** {@code op} along {@code axis} (already normalised) of {@code x}, on {@code workers} threads. */
  public static NdArray apply(NdArray x, int axis, LineOp op, int workers) {
    return apply(x, axis, op, workers, true);
  }

  /**
   * {@link #apply} on an intermediate array of ours (the result of an earlier axis of an n-d
   * transform, referenced nowhere else): when the Vector API engine computes a complex op of
   * unchanged length, it transforms {@code x} in place and returns it, saving the allocation
   * and zeroing of another result (as large as the input) and a cold write stream. In place is
   * safe there because a block reads all of its lines before writing any, and blocks own
   * disjoint lines. Otherwise a new array, as {@link #apply}.
   */
  public static NdArray applyOwned(NdArray x, int axis, LineOp op, int workers) {
    int[] shape = x.shape();
    int len = shape[axis];
    int lines = x.size() / Math.max(1, len);
    FftEngine engine = Engines.choose(op, lines, true);
    if (engine.inPlace() && x.isComplex() && op.outComplex && op.outLen == len) {
      int inner = 1;
      for (int d = axis + 1; d < shape.length; d++) {
        inner *= shape[d];
      }
      engine.run(x.data(), true, x.data(), lines, len, inner, op, workers);
      return x;
    }
    return apply(x, axis, op, workers);
  }

  /**
   * {@link #apply}; with {@code blocks} the Vector API engine may compute the lines
   * ({@link Engines#choose}); without, every line is computed by JTransforms (for tests comparing
   * the engines).
   */
  static NdArray apply(NdArray x, int axis, LineOp op, int workers, boolean blocks) {
    return apply(x, axis, op, workers, blocks, null);
  }

  /**
   * {@link #apply} into {@code into} (numpy's {@code out=}; null: a new array), which must have
   * the result's shape and dtype and may be {@code x} itself. Every element of {@code into} is
   * written, whatever it held before.
   */
  public static NdArray apply(NdArray x, int axis, LineOp op, int workers, boolean blocks,
      NdArray into) {
    int[] shape = x.shape();
    int len = shape[axis];
    int outer = 1;
    for (int d = 0; d < axis; d++) {
      outer *= shape[d];
    }
    int inner = 1;
    for (int d = axis + 1; d < shape.length; d++) {
      inner *= shape[d];
    }
    int[] outShape = shape.clone();
    outShape[axis] = op.outLen;
    int lines = outer * inner;
    double[] src = x.data();
    boolean srcComplex = x.isComplex();
    FftEngine engine = Engines.choose(op, lines, blocks);
    boolean empty = lines == 0 || op.outLen == 0;
    if (into != null) {
      requireOutput(into, outShape, op.outComplex);
      // an engine that transforms in place may (see applyOwned); elsewhere a line may be read
      // after another's result overwrote it, so an output sharing the input's memory gets a copy
      boolean inPlace = engine.inPlace() && srcComplex && op.outComplex && op.outLen == len;
      if (into.data() == src && !inPlace) {
        double[] result = apply(x, axis, op, workers, blocks, null).data();
        System.arraycopy(result, 0, src, 0, result.length);
        return into;
      }
      if (!empty) {
        engine.run(src, srcComplex, into.data(), lines, len, inner, op, workers);
      }
      return into;
    }
    if (empty) {
      return NdArray.zeros(op.outComplex, outShape);
    }
    // the block engine allocates the result itself: with several workers, one zeroes it while
    // the others already transform (or it was allocated ahead by the previous call)
    double[] data = engine.run(src, srcComplex,
        () -> NdArray.zeros(op.outComplex, outShape).data(), lines, len, inner, op, workers);
    return op.outComplex ? NdArray.complex(data, outShape) : NdArray.real(data, outShape);
  }

  /** That {@code out} has the shape {@code shape} and the dtype of the result, else why not. */
  private static void requireOutput(NdArray out, int[] shape, boolean complex) {
    if (!Arrays.equals(out.shape(), shape)) {
      throw new FftArgumentException("output array has wrong shape: "
          + NdArray.shapeTuple(out.shape()) + ", the result's is " + NdArray.shapeTuple(shape));
    }
    if (out.isComplex() != complex) {
      throw new FftArgumentException("output array has wrong dtype: " + out.dtype()
          + ", the result is " + NdArray.dtypeName(complex));
    }
  }
}
