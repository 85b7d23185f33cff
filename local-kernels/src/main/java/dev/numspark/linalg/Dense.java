package dev.numspark.linalg;

import dev.ludovic.netlib.blas.BLAS;

/**
 * Row-major (C order) matrix helpers over slices of primitive arrays. A row-major m x n matrix is,
 * to BLAS/LAPACK, the column-major n x m matrix of its transpose; the helpers use that instead of
 * copying wherever the algebra allows.
 */
final class Dense {
  private Dense() {}

  /**
   * C = A B for row-major A (m x k), B (k x n), C (m x n): BLAS computes the column-major
   * C^T = B^T A^T on the same storage, no copies.
   */
  static void gemm(BLAS blas, int m, int n, int k, double[] a, int aOff, double[] b, int bOff,
      double[] c, int cOff) {
    if (m == 0 || n == 0) {
      return;
    }
    if (k == 0) {
      java.util.Arrays.fill(c, cOff, cOff + m * n, 0.0);
      return;
    }
    blas.dgemm("N", "N", n, m, k, 1.0, b, bOff, n, a, aOff, k, 0.0, c, cOff, n);
  }

  static void gemm(int m, int n, int k, double[] a, int aOff, double[] b, int bOff, double[] c,
      int cOff) {
    gemm(Backend.blas(), m, n, k, a, aOff, b, bOff, c, cOff);
  }

  /** dst (cols x rows, row-major) = transpose of src (rows x cols, row-major). */
  static void transpose(double[] src, int srcOff, int rows, int cols, double[] dst, int dstOff) {
    for (int i = 0; i < rows; i++) {
      int row = srcOff + i * cols;
      for (int j = 0; j < cols; j++) {
        dst[dstOff + j * rows + i] = src[row + j];
      }
    }
  }

  /** Swaps rows i and j of a row-major matrix with {@code cols} columns. */
  static void swapRows(double[] x, int off, int cols, int i, int j) {
    if (i == j) {
      return;
    }
    int a = off + i * cols;
    int b = off + j * cols;
    for (int c = 0; c < cols; c++) {
      double t = x[a + c];
      x[a + c] = x[b + c];
      x[b + c] = t;
    }
  }

  /** Zeroes the strict lower (or upper) triangle of a row-major n x n matrix. */
  static void clearTriangle(double[] a, int off, int n, boolean lowerPart) {
    for (int i = 0; i < n; i++) {
      if (lowerPart) {
        java.util.Arrays.fill(a, off + i * n, off + i * n + i, 0.0);
      } else {
        java.util.Arrays.fill(a, off + i * n + i + 1, off + (i + 1) * n, 0.0);
      }
    }
  }

  /** Lower and upper bandwidth of a row-major n x n matrix: {kl, ku}. */
  static int[] bandwidth(double[] a, int off, int n) {
    int kl = 0;
    int ku = 0;
    for (int i = 0; i < n; i++) {
      int row = off + i * n;
      for (int j = 0; j < n; j++) {
        if (a[row + j] != 0.0) {
          if (i > j) {
            kl = Math.max(kl, i - j);
          } else {
            ku = Math.max(ku, j - i);
          }
        }
      }
    }
    return new int[] {kl, ku};
  }

  static boolean isSymmetric(double[] a, int off, int n) {
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        if (a[off + i * n + j] != a[off + j * n + i]) {
          return false;
        }
      }
    }
    return true;
  }

  static int lwork(double query) {
    return Math.max(1, (int) query);
  }
}
