package dev.numspark.fft.engine;

import dev.numspark.fft.FftArgumentException;
import dev.numspark.array.NdArray;
import dev.numspark.parallel.WorkerPool;
import java.util.Arrays;

/**
 * Applies a {@link LineOp} to every 1-D line of an array along one axis, splitting the lines
 * across {@code workers} threads with {@link WorkerPool#parallelFor}. Each line is computed by the
 * same code whatever the thread count, so results are identical for any {@code workers}.
 *
 * <p>Lines along an inner axis are strided in memory; they are gathered in blocks of up to
 * {@link #BLOCK} neighbouring lines so that every cache line read serves several transforms.
 */
public final class AxisRunner {
  static final int BLOCK = 16;

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
    if (VectorSupport.AVAILABLE && x.isComplex() && op.outComplex && op.outLen == len
        && len > 0 && lines >= BlockRunner.lanes() && BlockRunner.supports(op)) {
      int inner = 1;
      for (int d = axis + 1; d < shape.length; d++) {
        inner *= shape[d];
      }
      BlockRunner.run(x.data(), true, x.data(), lines, len, inner, op, workers);
      return x;
    }
    return apply(x, axis, op, workers);
  }

  /**
   * {@link #apply}; with {@code blocks} the Vector API engine ({@link BlockRunner}) computes the
   * lines when it can: the module is present, there are at least as many lines as vector lanes
   * and the engine supports the op's length. Otherwise (and for tests comparing the engines) every
   * line is computed by JTransforms.
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
    boolean engine = blocks && lines > 0 && op.outLen > 0 && VectorSupport.AVAILABLE
        && lines >= BlockRunner.lanes() && BlockRunner.supports(op);
    if (into != null) {
      requireOutput(into, outShape, op.outComplex);
      // the engine transforms in place (see applyOwned); elsewhere a line may be read after
      // another's result overwrote it, so an output sharing the input's memory gets a copy
      boolean inPlace = engine && srcComplex && op.outComplex && op.outLen == len;
      if (into.data() == src && !inPlace) {
        double[] result = apply(x, axis, op, workers, blocks, null).data();
        System.arraycopy(result, 0, src, 0, result.length);
        return into;
      }
    }
    // VectorSupport first: BlockRunner's classes must not load without the Vector API module
    if (engine) {
      if (into != null) {
        BlockRunner.run(src, srcComplex, into.data(), lines, len, inner, op, workers);
        return into;
      }
      // the engine allocates the result itself: with several workers, one zeroes it while the
      // others already transform (or it was allocated ahead by the previous call)
      double[] data = BlockRunner.run(src, srcComplex,
          () -> NdArray.zeros(op.outComplex, outShape).data(), lines, len, inner, op, workers);
      return op.outComplex ? NdArray.complex(data, outShape) : NdArray.real(data, outShape);
    }
    NdArray out = into != null ? into : NdArray.zeros(op.outComplex, outShape);
    if (lines == 0 || op.outLen == 0) {
      return out;
    }
    double[] dst = out.data();
    int innerCount = inner;
    // fewer lines than lanes (one signal, say): the single-line four-step engine
    if (blocks && VectorSupport.AVAILABLE && LineRunner.supports(op)) {
      LineRunner.run(src, srcComplex, dst, lines, len, inner, op, workers);
      return out;
    }
    if (inner == 1 && op.inPlace()) {
      WorkerPool.parallelFor(workers, lines, (from, to) -> {
        for (int line = from; line < to; line++) {
          int off = line * op.outLen * (op.outComplex ? 2 : 1);
          copyLine(src, srcComplex, (long) line * len, op, dst, off);
          op.transform(dst, off);
        }
      });
      return out;
    }
    // work arrays once per worker (made as first needed), not per range
    WorkerPool.parallelFor(workers, lines, () -> new double[Math.min(BLOCK, innerCount)][],
        (work, from, to) -> {
      int line = from;
      while (line < to) {
        int o = line / innerCount;
        int i = line - o * innerCount;
        int block = Math.min(Math.min(BLOCK, to - line), innerCount - i);
        for (int b = 0; b < block; b++) {
          if (work[b] == null) {
            work[b] = new double[op.workLength()];
          }
        }
        gather(src, srcComplex, (long) o * len * innerCount + i, innerCount, block, op, work);
        for (int b = 0; b < block; b++) {
          op.transform(work[b]);
        }
        scatter(dst, op.outComplex, (long) o * op.outLen * innerCount + i, innerCount, block,
            op.outLen, work);
        line += block;
      }
    });
    return out;
  }

  /**
   * Copies the first {@code op.take} elements of a contiguous line into the output row at
   * {@code off} and zeroes the rest of the row (the padding: a given output is not zero).
   */
  private static void copyLine(double[] src, boolean srcComplex, long start, LineOp op,
      double[] dst, int off) {
    int s = (int) start;
    int taken = op.inComplex ? 2 * op.take : op.take;
    Arrays.fill(dst, off + taken, off + op.outLen * (op.outComplex ? 2 : 1), 0.0);
    if (srcComplex) {
      System.arraycopy(src, 2 * s, dst, off, 2 * op.take);
    } else if (op.inComplex) {
      for (int j = 0; j < op.take; j++) {
        dst[off + 2 * j] = src[s + j];
        dst[off + 2 * j + 1] = 0.0;
      }
    } else {
      System.arraycopy(src, s, dst, off, op.take);
    }
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

  /** Copies {@code op.take} elements of {@code block} lines starting at element {@code base}. */
  private static void gather(double[] src, boolean srcComplex, long base, int stride, int block,
      LineOp op, double[][] work) {
    int take = op.take;
    int wi = op.inComplex ? 2 : 1;
    if (srcComplex && !op.inComplex) {
      throw new IllegalStateException("complex input to a real line transform");
    }
    for (int b = 0; b < block; b++) {
      Arrays.fill(work[b], take * wi, op.inputDoubles(), 0.0);
    }
    if (stride == 1) {
      double[] w = work[0];
      int start = (int) base;
      if (srcComplex) {
        System.arraycopy(src, 2 * start, w, 0, 2 * take);
      } else if (op.inComplex) {
        for (int j = 0; j < take; j++) {
          w[2 * j] = src[start + j];
          w[2 * j + 1] = 0.0;
        }
      } else {
        System.arraycopy(src, start, w, 0, take);
      }
      return;
    }
    for (int j = 0; j < take; j++) {
      int row = (int) (base + (long) j * stride);
      for (int b = 0; b < block; b++) {
        double[] w = work[b];
        if (srcComplex) {
          w[2 * j] = src[2 * (row + b)];
          w[2 * j + 1] = src[2 * (row + b) + 1];
        } else if (op.inComplex) {
          w[2 * j] = src[row + b];
          w[2 * j + 1] = 0.0;
        } else {
          w[j] = src[row + b];
        }
      }
    }
  }

  private static void scatter(double[] dst, boolean complex, long base, int stride, int block,
      int outLen, double[][] work) {
    if (stride == 1) {
      int width = complex ? 2 : 1;
      System.arraycopy(work[0], 0, dst, (int) base * width, outLen * width);
      return;
    }
    for (int j = 0; j < outLen; j++) {
      int row = (int) (base + (long) j * stride);
      for (int b = 0; b < block; b++) {
        double[] w = work[b];
        if (complex) {
          dst[2 * (row + b)] = w[2 * j];
          dst[2 * (row + b) + 1] = w[2 * j + 1];
        } else {
          dst[row + b] = w[j];
        }
      }
    }
  }
}
