package dev.numspark.linalg;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

/**
 * Native memory of one thread for the complex kernels ({@link ZLapack}): a block carved, per
 * matrix, into 64-byte-aligned regions (matrices, vectors, Fortran integers), and a separate
 * growable block for LAPACK's work arrays. Both are reused across the matrices of a range.
 *
 * <p>Why 64-byte alignment at offsets that depend only on the matrix's sizes: OpenBLAS's kernels
 * round differently with the alignment of their operands, so a matrix must sit at the same
 * alignment whichever thread and batch position computes it for results to be the same for any
 * number of workers.
 */
final class ZWork {
  private static final long ALIGN = 64;
  private Memory block;
  private Pointer base;
  private long capacity;
  private long used;
  private Memory workBlock;
  private Pointer work;
  private long workCapacity;

  /** Starts carving a matrix's regions from at most {@code bytes} (plus small integers). */
  void begin(long bytes) {
    long need = bytes + 4096;
    if (need > capacity) {
      block = new Memory(need + ALIGN);
      base = block.align((int) ALIGN);
      capacity = need;
    }
    used = 0;
  }

  /** A region of {@code count} complex numbers (16 bytes each). */
  Pointer complex(long count) {
    return take(16 * Math.max(1, count));
  }

  /** A region of {@code count} doubles. */
  Pointer doubles(long count) {
    return take(8 * Math.max(1, count));
  }

  /** A region of {@code count} Fortran integers. */
  Pointer ints(long count) {
    return take(4 * Math.max(1, count));
  }

  /** A Fortran integer holding {@code value}. */
  Pointer integer(int value) {
    Pointer p = take(4);
    p.setInt(0, value);
    return p;
  }

  /** A double holding {@code value}. */
  Pointer real(double value) {
    Pointer p = take(8);
    p.setDouble(0, value);
    return p;
  }

  private Pointer take(long bytes) {
    long start = used;
    long end = start + (bytes + ALIGN - 1) / ALIGN * ALIGN;
    if (end > capacity) {
      throw new IllegalStateException("ZWork: region of " + bytes + " bytes exceeds the block");
    }
    used = end;
    return base.share(start, bytes);
  }

  /** The work block, at least {@code bytes} long (contents undefined). */
  Pointer work(long bytes) {
    if (bytes > workCapacity) {
      workBlock = new Memory(bytes + ALIGN);
      work = workBlock.align((int) ALIGN);
      workCapacity = bytes;
    }
    return work;
  }

  /**
   * Copies the row-major rows x cols complex matrix at {@code src[2 * off]} into column order at
   * {@code dst} with leading dimension {@code ld} (which may exceed rows), through {@code tmp}.
   */
  static void toColumns(double[] src, int off, int rows, int cols, Pointer dst, int ld,
      double[] tmp) {
    for (int j = 0; j < cols; j++) {
      for (int i = 0; i < rows; i++) {
        int s = 2 * (off + i * cols + j);
        tmp[2 * (i + j * ld)] = src[s];
        tmp[2 * (i + j * ld) + 1] = src[s + 1];
      }
    }
    dst.write(0, tmp, 0, 2 * ld * cols);
  }

  /** The inverse of {@link #toColumns}: column order at {@code src} into the row-major slice. */
  static void fromColumns(Pointer src, int ld, int rows, int cols, double[] dst, int off,
      double[] tmp) {
    src.read(0, tmp, 0, 2 * ld * cols);
    for (int j = 0; j < cols; j++) {
      for (int i = 0; i < rows; i++) {
        int d = 2 * (off + i * cols + j);
        dst[d] = tmp[2 * (i + j * ld)];
        dst[d + 1] = tmp[2 * (i + j * ld) + 1];
      }
    }
  }

  private double[] tmp = new double[0];

  /** A Java scratch array of at least {@code n} doubles. */
  double[] tmp(int n) {
    if (tmp.length < n) {
      tmp = new double[n];
    }
    return tmp;
  }
}
