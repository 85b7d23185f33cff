package dev.numspark.linalg;

import dev.ludovic.netlib.lapack.LAPACK;
import org.netlib.util.intW;

/** Per-matrix LU, Cholesky, inverse, determinant and QR on row-major slices. */
final class Factorizations {
  private Factorizations() {}

  /**
   * Cholesky in place on a copy of A at {@code c/cOff}: A = U^T U (upper) or L L^T (lower). The
   * row-major upper triangle is the column-order lower one, so potrf("L") yields U directly (the
   * factor of A^T = A read back in row order): no transposition.
   */
  static int cholesky(int n, boolean lower, boolean clean, double[] c, int cOff) {
    intW info = new intW(0);
    Backend.lapack().dpotrf(lower ? "U" : "L", n, c, cOff, n, info);
    if (info.val == 0 && clean) {
      Dense.clearTriangle(c, cOff, n, !lower);
    }
    return info.val;
  }

  /**
   * SciPy's LU of A (P A = L U) at {@code lu/luOff}, which holds A on entry. LAPACK would factor
   * A^T in row order, so A goes through column order and back (two copies of n^2).
   */
  static int luFactor(int n, double[] lu, int luOff, int[] piv, int pivOff, Scratch s) {
    double[] col = s.a(n * n);
    Dense.transpose(lu, luOff, n, n, col, 0);
    int info = getrf(n, col, piv, pivOff);
    Dense.transpose(col, 0, n, n, lu, luOff);
    return info;
  }

  /**
   * dgetrf of the column-major n x n matrix at {@code m[0]} with 0-based pivots: {@link SmallLu}
   * for small orders (the same arithmetic without f2j's per-call overhead), else LAPACK.
   */
  private static int getrf(int n, double[] m, int[] piv, int pivOff) {
    if (Batch.small(n)) {
      return SmallLu.factor(n, m, 0, piv, pivOff);
    }
    intW info = new intW(0);
    Backend.lapack().dgetrf(n, n, m, 0, Math.max(1, n), piv, pivOff, info);
    for (int i = 0; i < n; i++) {
      piv[pivOff + i] -= 1;
    }
    return info.val;
  }

  /**
   * inv(A) in place on a copy of A: getrf and getri of A^T (row order read as columns) give
   * inv(A^T) = inv(A)^T in column order, which is inv(A) in row order. No transposition.
   */
  static int inv(int n, double[] a, int aOff, Scratch s) {
    int[] ipiv = s.ipiv(n);
    if (Batch.small(n)) {
      int info = SmallLu.factor(n, a, aOff, ipiv, 0);
      if (info == 0) {
        SmallLu.invert(n, a, aOff, ipiv, 0, s.work(n));
      }
      return info;
    }
    LAPACK lapack = Backend.lapack();
    intW info = new intW(0);
    lapack.dgetrf(n, n, a, aOff, Math.max(1, n), ipiv, 0, info);
    if (info.val != 0) {
      return info.val;
    }
    double[] query = new double[1];
    lapack.dgetri(n, a, aOff, n, ipiv, 0, query, 0, -1, info);
    int lwork = Dense.lwork(query[0]);
    lapack.dgetri(n, a, aOff, n, ipiv, 0, s.work(lwork), 0, lwork, info);
    return info.val;
  }

  /**
   * det(A) = det(A^T) from the LU of the row-major slice read in column order, as
   * {sign, log|det|} when {@code log}, else {det, 0}. A is copied (getrf works in place).
   */
  static void det(int n, double[] a, int aOff, Scratch s, double[] out) {
    double[] lu = s.a(n * n);
    System.arraycopy(a, aOff, lu, 0, n * n);
    int[] ipiv = s.ipiv(n);
    if (n == 0) {
      out[0] = 1.0;
      out[1] = 1.0;
      out[2] = 0.0;
      return;
    }
    getrf(n, lu, ipiv, 0);
    double det = 1.0;
    double sign = 1.0;
    double logAbs = 0.0;
    for (int i = 0; i < n; i++) {
      double d = lu[i * n + i];
      det *= d;
      if (ipiv[i] != i) {
        det = -det;
        sign = -sign;
      }
      sign *= Math.signum(d);
      logAbs += Math.log(Math.abs(d));
    }
    out[0] = det + 0.0; // no negative zero for a singular matrix, as SciPy
    out[1] = sign;
    out[2] = sign == 0.0 ? Double.NEGATIVE_INFINITY : logAbs;
  }

  /**
   * QR of A (m x n) as SciPy: geqrf, then orgqr for Q. A is transposed into column order (LAPACK
   * works in place and QR of A^T is not QR of A); Q and R are transposed back into the outputs.
   *
   * @param q row-major m x qCols output (qCols = m for full, min(m, n) for economic) or null
   * @param r row-major rRows x n output (rRows = m for full/r, min(m, n) for economic)
   */
  static void qr(int m, int n, double[] a, int aOff, double[] q, int qOff, int qCols, double[] r,
      int rOff, int rRows, Scratch s) {
    LAPACK lapack = Backend.lapack();
    int k = Math.min(m, n);
    int width = Math.max(n, q == null ? 0 : qCols);
    int lda = Math.max(1, m);
    double[] col = s.a(lda * Math.max(1, width));
    Dense.transpose(a, aOff, m, n, col, 0);
    double[] tau = s.b(Math.max(1, k));
    intW info = new intW(0);
    double[] query = new double[1];
    lapack.dgeqrf(m, n, col, 0, lda, tau, 0, query, 0, -1, info);
    int lwork = Dense.lwork(query[0]);
    lapack.dgeqrf(m, n, col, 0, lda, tau, 0, s.work(lwork), 0, lwork, info);
    check(info, "geqrf");
    for (int i = 0; i < rRows; i++) {
      for (int j = 0; j < n; j++) {
        r[rOff + i * n + j] = j >= i ? col[i + j * lda] : 0.0;
      }
    }
    if (q == null) {
      return;
    }
    // Q: orgqr on the first qCols columns; full Q of a tall A needs zeroed extra columns.
    for (int j = n; j < qCols; j++) {
      java.util.Arrays.fill(col, j * lda, j * lda + m, 0.0);
    }
    lapack.dorgqr(m, qCols, k, col, 0, lda, tau, 0, query, 0, -1, info);
    lwork = Dense.lwork(query[0]);
    lapack.dorgqr(m, qCols, k, col, 0, lda, tau, 0, s.work(lwork), 0, lwork, info);
    check(info, "orgqr");
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < qCols; j++) {
        q[qOff + i * qCols + j] = col[i + j * lda];
      }
    }
  }

  static void check(intW info, String routine) {
    if (info.val < 0) {
      throw new IllegalArgumentException(
          "illegal value in " + (-info.val) + "th argument of internal " + routine);
    }
  }
}
