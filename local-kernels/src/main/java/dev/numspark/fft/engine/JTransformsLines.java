package dev.numspark.fft.engine;

import dev.numspark.parallel.WorkerPool;
import java.util.Arrays;

/**
 * The JTransforms engine: each line through {@link LineOp#transform} (whose FFTs are
 * JTransforms' plans), split across {@code workers} threads with {@link WorkerPool#parallelFor}.
 * Each line is computed by the same code whatever the thread count, so results are identical for
 * any {@code workers}.
 *
 * <p>Lines along an inner axis are strided in memory; they are gathered in blocks of up to
 * {@link #BLOCK} neighbouring lines so that every cache line read serves several transforms.
 */
final class JTransformsLines {
  static final int BLOCK = 16;

  private JTransformsLines() {}

  /** {@link FftEngine#run(double[], boolean, double[], int, int, int, LineOp, int)}. */
  static void run(double[] src, boolean srcComplex, double[] dst, int lines, int len, int inner,
      LineOp op, int workers) {
    int innerCount = inner;
    if (inner == 1 && op.inPlace()) {
      WorkerPool.parallelFor(workers, lines, (from, to) -> {
        for (int line = from; line < to; line++) {
          int off = line * op.outLen * (op.outComplex ? 2 : 1);
          copyLine(src, srcComplex, (long) line * len, op, dst, off);
          op.transform(dst, off);
        }
      });
      return;
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
