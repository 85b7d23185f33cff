package dev.numspark.linalg;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.lapack.LAPACK;
import org.netlib.util.intW;

/**
 * Per-matrix solvers for A X = B with A a row-major n x n slice and X a row-major n x k slice that
 * holds B on entry and the solution on return. Each returns LAPACK's info: 0 on success, &gt; 0 when
 * A is singular (or, for Cholesky, not positive definite).
 *
 * <p>C order needs no transposition of B: the row-major X is LAPACK's column-major X^T, and
 * A X = B is X^T A^T = B^T, solved with triangular solves from the right ({@code dtrsm} side R)
 * after factoring A^T, which is the row-major A read in column order. Only A is copied, because
 * LAPACK factors in place. The symmetric-indefinite, tridiagonal and banded solvers have no
 * right-hand form in LAPACK; they transpose B into column order and back (a copy of B).
 */
final class Solvers {
  private Solvers() {}

  /**
   * LU with partial pivoting: getrf on A^T, then X^T = B^T U^-1 L^-1 P^T. Small orders run the
   * same algorithm in {@link SmallLu} (bitwise the same results, without f2j's call overhead).
   */
  static int general(int n, int k, double[] a, int aOff, double[] x, int xOff, Scratch s) {
    double[] lu = s.a(n * n);
    int[] ipiv = s.ipiv(n);
    System.arraycopy(a, aOff, lu, 0, n * n);
    if (Batch.small(n)) {
      int info = SmallLu.factor(n, lu, 0, ipiv, 0);
      if (info == 0) {
        SmallLu.solve(n, k, lu, 0, ipiv, 0, x, xOff);
      }
      return info;
    }
    LAPACK lapack = Backend.lapack();
    intW info = new intW(0);
    lapack.dgetrf(n, n, lu, 0, n, ipiv, 0, info);
    if (info.val != 0) {
      return info.val;
    }
    BLAS blas = Backend.blas();
    int ld = Math.max(1, k);
    blas.dtrsm("R", "U", "N", "N", k, n, 1.0, lu, 0, n, x, xOff, ld);
    blas.dtrsm("R", "L", "N", "U", k, n, 1.0, lu, 0, n, x, xOff, ld);
    for (int i = n - 1; i >= 0; i--) {
      Dense.swapRows(x, xOff, k, i, ipiv[i] - 1);
    }
    return 0;
  }

  /**
   * Cholesky: potrf of the triangle SciPy reads ({@code lower} selects A's lower triangle, which
   * is the upper one in column order), then two triangular solves from the right.
   */
  static int positive(int n, int k, boolean lower, double[] a, int aOff, double[] x, int xOff,
      Scratch s) {
    double[] c = s.a(n * n);
    System.arraycopy(a, aOff, c, 0, n * n);
    intW info = new intW(0);
    Backend.lapack().dpotrf(lower ? "U" : "L", n, c, 0, n, info);
    if (info.val != 0) {
      return info.val;
    }
    choSolve(n, k, lower, c, 0, x, xOff);
    return 0;
  }

  /**
   * Solves with a Cholesky factor c in row-major order: upper U (A = U^T U) when not
   * {@code lower}, else lower L (A = L L^T). In column order c is the transpose, so A = Lc Lc^T
   * with Lc the column-order lower triangle (or A = Uc^T Uc), and X^T A = B^T is solved from the
   * right.
   */
  static void choSolve(int n, int k, boolean lower, double[] c, int cOff, double[] x, int xOff) {
    BLAS blas = Backend.blas();
    int ld = Math.max(1, k);
    if (!lower) {
      blas.dtrsm("R", "L", "T", "N", k, n, 1.0, c, cOff, n, x, xOff, ld);
      blas.dtrsm("R", "L", "N", "N", k, n, 1.0, c, cOff, n, x, xOff, ld);
    } else {
      blas.dtrsm("R", "U", "N", "N", k, n, 1.0, c, cOff, n, x, xOff, ld);
      blas.dtrsm("R", "U", "T", "N", k, n, 1.0, c, cOff, n, x, xOff, ld);
    }
  }

  /**
   * Solves with SciPy's LU (row-major, of A itself): read in column order it is LU^T, whose upper
   * triangle is L^T and lower triangle U^T. {@code trans} solves A^T X = B.
   */
  static void luSolve(int n, int k, boolean trans, double[] lu, int luOff, int[] piv, int pivOff,
      double[] x, int xOff) {
    BLAS blas = Backend.blas();
    int ld = Math.max(1, k);
    if (!trans) {
      for (int i = 0; i < n; i++) {
        Dense.swapRows(x, xOff, k, i, piv[pivOff + i]);
      }
      blas.dtrsm("R", "U", "N", "U", k, n, 1.0, lu, luOff, n, x, xOff, ld);
      blas.dtrsm("R", "L", "N", "N", k, n, 1.0, lu, luOff, n, x, xOff, ld);
    } else {
      blas.dtrsm("R", "L", "T", "N", k, n, 1.0, lu, luOff, n, x, xOff, ld);
      blas.dtrsm("R", "U", "T", "U", k, n, 1.0, lu, luOff, n, x, xOff, ld);
      for (int i = n - 1; i >= 0; i--) {
        Dense.swapRows(x, xOff, k, i, piv[pivOff + i]);
      }
    }
  }

  /** Triangular A (upper or lower in row-major order) used in place: no copy at all. */
  static int triangular(int n, int k, boolean lowerA, double[] a, int aOff, double[] x,
      int xOff) {
    for (int i = 0; i < n; i++) {
      if (a[aOff + i * n + i] == 0.0) {
        return i + 1;
      }
    }
    // A's upper triangle is the lower one of A^T in column order, and X^T A^T = B^T.
    Backend.blas().dtrsm("R", lowerA ? "U" : "L", "N", "N", k, n, 1.0, a, aOff, n, x, xOff,
        Math.max(1, k));
    return 0;
  }

  static int diagonal(int n, int k, double[] a, int aOff, double[] x, int xOff) {
    for (int i = 0; i < n; i++) {
      if (a[aOff + i * n + i] == 0.0) {
        return i + 1;
      }
    }
    for (int i = 0; i < n; i++) {
      double d = a[aOff + i * n + i];
      for (int j = 0; j < k; j++) {
        x[xOff + i * k + j] /= d;
      }
    }
    return 0;
  }

  /** Bunch-Kaufman (dsysv) on the triangle SciPy reads; B goes through column order (a copy). */
  static int symmetric(int n, int k, boolean lower, double[] a, int aOff, double[] x, int xOff,
      Scratch s) {
    LAPACK lapack = Backend.lapack();
    double[] c = s.a(n * n);
    System.arraycopy(a, aOff, c, 0, n * n);
    double[] b = s.b(n * k);
    Dense.transpose(x, xOff, n, k, b, 0);
    int[] ipiv = s.ipiv(n);
    String uplo = lower ? "U" : "L";
    intW info = new intW(0);
    double[] query = new double[1];
    lapack.dsysv(uplo, n, k, c, 0, n, ipiv, 0, b, 0, Math.max(1, n), query, 0, -1, info);
    int lwork = Dense.lwork(query[0]);
    lapack.dsysv(uplo, n, k, c, 0, n, ipiv, 0, b, 0, Math.max(1, n), s.work(lwork), 0, lwork,
        info);
    if (info.val != 0) {
      return info.val;
    }
    Dense.transpose(b, 0, k, n, x, xOff);
    return 0;
  }

  /** dgtsv on A's three diagonals (copied, as gtsv overwrites them); B via column order. */
  static int tridiagonal(int n, int k, double[] a, int aOff, double[] x, int xOff, Scratch s) {
    double[] diags = s.a(3 * n);
    for (int i = 0; i < n; i++) {
      diags[n + i] = a[aOff + i * n + i];
      if (i + 1 < n) {
        diags[i] = a[aOff + (i + 1) * n + i];
        diags[2 * n + i] = a[aOff + i * n + i + 1];
      }
    }
    double[] b = s.b(n * k);
    Dense.transpose(x, xOff, n, k, b, 0);
    intW info = new intW(0);
    Backend.lapack().dgtsv(n, k, diags, 0, diags, n, diags, 2 * n, b, 0, Math.max(1, n), info);
    if (info.val != 0) {
      return info.val;
    }
    Dense.transpose(b, 0, k, n, x, xOff);
    return 0;
  }

  /** dgbsv on A copied into LAPACK's band storage (kl, ku from A's nonzeros); B via column order. */
  static int banded(int n, int k, int kl, int ku, double[] a, int aOff, double[] x, int xOff,
      Scratch s) {
    int ldab = 2 * kl + ku + 1;
    double[] ab = s.a(ldab * n);
    java.util.Arrays.fill(ab, 0, ldab * n, 0.0);
    for (int j = 0; j < n; j++) {
      for (int i = Math.max(0, j - ku); i <= Math.min(n - 1, j + kl); i++) {
        ab[kl + ku + i - j + j * ldab] = a[aOff + i * n + j];
      }
    }
    double[] b = s.b(n * k);
    Dense.transpose(x, xOff, n, k, b, 0);
    intW info = new intW(0);
    Backend.lapack().dgbsv(n, kl, ku, k, ab, 0, ldab, s.ipiv(n), 0, b, 0, Math.max(1, n), info);
    if (info.val != 0) {
      return info.val;
    }
    Dense.transpose(b, 0, k, n, x, xOff);
    return 0;
  }

  /**
   * SciPy's structure detection (assume_a=None): diagonal, triangular, tridiagonal (n &gt; 3),
   * symmetric (Cholesky, falling back to Bunch-Kaufman when not positive definite) or general.
   */
  static int detect(int n, int k, boolean lower, double[] a, int aOff, double[] x, int xOff,
      Scratch s) {
    int[] band = Dense.bandwidth(a, aOff, n);
    if (band[0] == 0 && band[1] == 0) {
      return diagonal(n, k, a, aOff, x, xOff);
    }
    if (band[1] == 0) {
      return triangular(n, k, true, a, aOff, x, xOff);
    }
    if (band[0] == 0) {
      return triangular(n, k, false, a, aOff, x, xOff);
    }
    if (band[0] <= 1 && band[1] <= 1 && n > 3) {
      return tridiagonal(n, k, a, aOff, x, xOff, s);
    }
    if (Dense.isSymmetric(a, aOff, n)) {
      // positive() leaves x untouched when the factorization fails.
      if (positive(n, k, lower, a, aOff, x, xOff, s) == 0) {
        return 0;
      }
      return symmetric(n, k, lower, a, aOff, x, xOff, s);
    }
    return general(n, k, a, aOff, x, xOff, s);
  }
}
