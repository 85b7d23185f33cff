package dev.numspark.linalg;

import dev.numspark.array.NdArray;

/**
 * Result assembly that {@link Linalg}'s real path and {@link ComplexLinalg} share. Arrays hold
 * {@code parts} doubles per element: 1 for float64, 2 (re, im) for complex128.
 */
final class Assembly {
  private Assembly() {}

  /**
   * Ones on the diagonal of each rows x cols matrix of {@code out} (zeros elsewhere): the factors
   * SciPy returns for a zero dimension, where LAPACK never runs (qr's q, svd's u and vh).
   */
  static void identities(int count, int rows, int cols, double[] out, int parts) {
    for (int i = 0; i < count; i++) {
      for (int j = 0; j < Math.min(rows, cols); j++) {
        out[parts * (i * rows * cols + j * cols + j)] = 1.0;
      }
    }
  }

  /** lstsq's residues with no unknowns (n = 0): the squared norms of b's columns. */
  static void zeroColumnResidues(int count, int m, int k, double[] b, int[] bi, double[] res,
      int parts) {
    for (int i = 0; i < count; i++) {
      for (int j = 0; j < k; j++) {
        double sum = 0;
        for (int row = 0; row < m; row++) {
          int p = parts * (bi[i] * m * k + row * k + j);
          for (int c = 0; c < parts; c++) {
            sum += b[p + c] * b[p + c];
          }
        }
        res[i * k + j] = sum;
      }
    }
  }

  /**
   * lstsq's residues as SciPy returns them: the squared residual norms when every matrix of the
   * batch is tall (m > n) and of full rank, else an empty array.
   */
  static NdArray residues(double[] res, int[] rank, int count, int m, int n, int k,
      boolean vector, int[] batch) {
    boolean fullRank = count > 0 && (n == 0 || m > n);
    for (int r : rank) {
      fullRank &= r == n || n == 0;
    }
    return fullRank
        ? NdArray.real(res, vector ? batch : Shapes.concat(batch, k))
        : NdArray.real(new double[0], Shapes.concat(batch, 0));
  }

  /**
   * pinv's rank: how many of the k descending singular values at {@code s[off..]} exceed
   * atol + rtol * max(s).
   */
  static int pinvRank(double[] s, int off, int k, double atol, double rtol) {
    double max = 0;
    for (int j = 0; j < k; j++) {
      max = Math.max(max, s[off + j]);
    }
    double cutoff = atol + max * rtol;
    int rank = 0;
    while (rank < k && s[off + rank] > cutoff) {
      rank++;
    }
    return rank;
  }

  /**
   * det and slogdet of a complex matrix from its LU factors, shared by the Java LU ({@link
   * SmallZLu}) and zgetrf ({@link ZKernels}): U's diagonal interleaved in {@code diag[0, 2n)},
   * and row i swapped where {@code piv[i] != i + base} (base 0 or LAPACK's 1). Sets out = {det re,
   * det im, sign re, sign im, log|det|}, sign = det / |det|; a singular matrix gives 0, 0 and
   * -inf, n = 0 gives det 1, sign 1, log 0.
   */
  static void complexDet(int n, double[] diag, int[] piv, int base, double[] out) {
    double dr = 1.0;
    double di = 0.0;
    double sr = 1.0;
    double si = 0.0;
    double log = 0.0;
    for (int i = 0; i < n; i++) {
      double ur = diag[2 * i];
      double ui = diag[2 * i + 1];
      double t = dr * ur - di * ui;
      di = dr * ui + di * ur;
      dr = t;
      double abs = Math.hypot(ur, ui);
      log += Math.log(abs);
      if (abs == 0.0) {
        sr = 0.0;
        si = 0.0;
      } else {
        t = sr * ur / abs - si * ui / abs;
        si = sr * ui / abs + si * ur / abs;
        sr = t;
      }
      if (piv[i] != i + base) {
        dr = -dr;
        di = -di;
        sr = -sr;
        si = -si;
      }
    }
    out[0] = dr + 0.0; // no negative zero for a singular matrix
    out[1] = di + 0.0;
    out[2] = sr + 0.0;
    out[3] = si + 0.0;
    out[4] = sr == 0.0 && si == 0.0 ? Double.NEGATIVE_INFINITY : log;
  }
}
