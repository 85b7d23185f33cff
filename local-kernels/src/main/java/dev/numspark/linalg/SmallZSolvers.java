package dev.numspark.linalg;

/**
 * Complex solves and Cholesky factors below order 32 in numspark's own Java code, so that every
 * small complex solve (and cholesky / cho_factor) needs no native OpenBLAS and gives bitwise the
 * same numbers for any workers: MVDR weights from a sensor array's Hermitian covariance, the
 * workload of issue 21, are order 4 to 16, thousands per batch, where a JNA call to zpotrf or
 * zhesv costs more than the arithmetic.
 *
 * <p>The algorithms: Cholesky (zpotf2's, unblocked: the right-looking columns of L with L L^H =
 * A, reading only the chosen triangle and the real part of the diagonal, failing at the first
 * non-positive or NaN pivot); forward and back substitution with L and L^H, or with a triangular
 * A (complex divisions by {@link SmallZLu#divide}, zladiv's overflow-safe algorithm); and LU
 * ({@link SmallZLu}) for general matrices. A Hermitian solve tries Cholesky first, as the native
 * path does when it detects a Hermitian matrix, and takes LU where the matrix is not positive
 * definite; a complex-symmetric solve takes LU. LAPACK's zhesv and zsysv (Bunch-Kaufman) solve
 * those with a symmetric factorisation instead; the solutions agree to rounding, and a matrix is
 * singular for both exactly when it is singular.
 *
 * <p>Matrices are row-major interleaved (re, im) at complex offsets, as in {@link ZKernels}.
 */
final class SmallZSolvers {
  private SmallZSolvers() {}

  /**
   * X with A X = B for the structure {@code how} (never DETECT); x holds B on entry (row-major
   * n x k at complex offset xOff). {@code lower} selects the triangle read for POSITIVE,
   * HERMITIAN and SYMMETRIC.
   *
   * @return 0, or &gt; 0 when A is singular (POSITIVE: not positive definite)
   */
  static int solve(ZKernels.Solve how, int n, int k, boolean lower, double[] a, int aOff,
      double[] x, int xOff, Scratch s) {
    switch (how) {
      case GENERAL:
        return SmallZLu.general(n, k, a, aOff, x, xOff, s);
      case DIAGONAL:
        return ZKernels.diagonal(n, k, a, aOff, x, xOff);
      case UPPER:
      case LOWER:
        return triangular(how == ZKernels.Solve.LOWER, n, k, a, aOff, x, xOff, s);
      case POSITIVE:
      case HERMITIAN: {
        double[] l = s.z(2 * n * n);
        int info = factor(n, lower, a, aOff, l);
        if (info == 0) {
          choSolve(n, k, l, x, xOff);
          return 0;
        }
        if (how == ZKernels.Solve.POSITIVE) {
          return info;
        }
        return SmallZLu.general(n, k, full(n, lower, true, a, aOff, s.z(2 * n * n)), 0, x, xOff,
            s);
      }
      case SYMMETRIC:
        return SmallZLu.general(n, k, full(n, lower, false, a, aOff, s.z(2 * n * n)), 0, x, xOff,
            s);
      default:
        throw new IllegalStateException(how.name());
    }
  }

  /**
   * zpotrf on the chosen triangle of A (row-major at complex offset off), in place: the upper U
   * (A = U^H U) or, with {@code lower}, L (A = L L^H); the other triangle zeroed when
   * {@code clean}, else left as A's.
   *
   * @return 0, or the 1-based order of the first leading minor that is not positive definite
   */
  static int cholesky(int n, boolean lower, boolean clean, double[] c, int off, Scratch s) {
    double[] l = s.z(2 * n * n);
    int info = factor(n, lower, c, off, l);
    if (info != 0) {
      return info;
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        // L(i, j) goes to (i, j), or conjugated to (j, i) for U = L^H
        int at = 2 * (off + (lower ? i * n + j : j * n + i));
        c[at] = l[2 * (i * n + j)];
        c[at + 1] = lower ? l[2 * (i * n + j) + 1] : -l[2 * (i * n + j) + 1];
        if (clean && i != j) {
          int other = 2 * (off + (lower ? j * n + i : i * n + j));
          c[other] = 0.0;
          c[other + 1] = 0.0;
        }
      }
    }
    return 0;
  }

  /** Element (i, j), i &gt;= j, of the Hermitian matrix whose chosen triangle is at a[aOff]. */
  private static double re(int n, boolean lower, double[] a, int aOff, int i, int j) {
    return a[2 * (aOff + (lower ? i * n + j : j * n + i))];
  }

  private static double im(int n, boolean lower, double[] a, int aOff, int i, int j) {
    double v = a[2 * (aOff + (lower ? i * n + j : j * n + i)) + 1];
    return lower ? v : -v;
  }

  /**
   * L with L L^H = A into the row-major l (its strict upper part is not written): column by
   * column, L(j, j) = sqrt(A(j, j) - sum |L(j, p)|^2) and L(i, j) = (A(i, j) - sum L(i, p)
   * conj(L(j, p))) / L(j, j), sums over p &lt; j (unit stride in row-major rows).
   */
  private static int factor(int n, boolean lower, double[] a, int aOff, double[] l) {
    for (int j = 0; j < n; j++) {
      int rj = 2 * j * n;
      double ajj = re(n, lower, a, aOff, j, j);
      for (int p = 0; p < j; p++) {
        ajj -= l[rj + 2 * p] * l[rj + 2 * p] + l[rj + 2 * p + 1] * l[rj + 2 * p + 1];
      }
      if (!(ajj > 0.0)) { // zpotf2: not positive, or NaN
        return j + 1;
      }
      ajj = Math.sqrt(ajj);
      l[rj + 2 * j] = ajj;
      l[rj + 2 * j + 1] = 0.0;
      double r = 1.0 / ajj;
      for (int i = j + 1; i < n; i++) {
        int ri = 2 * i * n;
        double sr = re(n, lower, a, aOff, i, j);
        double si = im(n, lower, a, aOff, i, j);
        for (int p = 0; p < j; p++) { // - L(i, p) conj(L(j, p))
          double ar = l[ri + 2 * p];
          double ai = l[ri + 2 * p + 1];
          double br = l[rj + 2 * p];
          double bi = l[rj + 2 * p + 1];
          sr -= ar * br + ai * bi;
          si -= ai * br - ar * bi;
        }
        l[ri + 2 * j] = sr * r;
        l[ri + 2 * j + 1] = si * r;
      }
    }
    return 0;
  }

  /** X = L^-H L^-1 B in place (x: row-major n x k at complex offset xOff). */
  private static void choSolve(int n, int k, double[] l, double[] x, int xOff) {
    for (int i = 0; i < n; i++) { // L Y = B
      int xi = 2 * (xOff + i * k);
      for (int p = 0; p < i; p++) {
        SmallZLu.subtractRow(x, xi, l[2 * (i * n + p)], l[2 * (i * n + p) + 1],
            2 * (xOff + p * k), k);
      }
      double r = 1.0 / l[2 * (i * n + i)];
      for (int c = 0; c < 2 * k; c++) {
        x[xi + c] *= r;
      }
    }
    for (int i = n - 1; i >= 0; i--) { // L^H X = Y: (L^H)(i, p) = conj(L(p, i)), p > i
      int xi = 2 * (xOff + i * k);
      for (int p = i + 1; p < n; p++) {
        SmallZLu.subtractRow(x, xi, l[2 * (p * n + i)], -l[2 * (p * n + i) + 1],
            2 * (xOff + p * k), k);
      }
      double r = 1.0 / l[2 * (i * n + i)];
      for (int c = 0; c < 2 * k; c++) {
        x[xi + c] *= r;
      }
    }
  }

  /**
   * Forward ({@code lower}) or back substitution with the triangular A itself (ztrtrs: the other
   * triangle is not read; an exactly zero diagonal element i gives info i + 1, X unchanged).
   */
  private static int triangular(boolean lower, int n, int k, double[] a, int aOff, double[] x,
      int xOff, Scratch s) {
    for (int i = 0; i < n; i++) {
      int d = 2 * (aOff + i * n + i);
      if (a[d] == 0.0 && a[d + 1] == 0.0) {
        return i + 1;
      }
    }
    double[] q = s.work(2);
    for (int step = 0; step < n; step++) {
      int i = lower ? step : n - 1 - step;
      int xi = 2 * (xOff + i * k);
      int from = lower ? 0 : i + 1;
      int to = lower ? i : n;
      for (int p = from; p < to; p++) {
        SmallZLu.subtractRow(x, xi, a[2 * (aOff + i * n + p)], a[2 * (aOff + i * n + p) + 1],
            2 * (xOff + p * k), k);
      }
      int d = 2 * (aOff + i * n + i);
      for (int c = 0; c < 2 * k; c += 2) {
        SmallZLu.divide(x[xi + c], x[xi + c + 1], a[d], a[d + 1], q, 0);
        x[xi + c] = q[0];
        x[xi + c + 1] = q[1];
      }
    }
    return 0;
  }

  /**
   * The whole matrix from its chosen triangle into m (row-major, offset 0): the other triangle
   * mirrored, conjugated when {@code hermitian}; a Hermitian diagonal's imaginary parts are
   * dropped, as LAPACK ignores them.
   */
  private static double[] full(int n, boolean lower, boolean hermitian, double[] a, int aOff,
      double[] m) {
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        int at = 2 * (aOff + (lower ? i * n + j : j * n + i));
        double re = a[at];
        double im = i == j && hermitian ? 0.0 : a[at + 1];
        // im is the stored element's; (i, j) below the diagonal is it, or its conjugate
        double below = lower || !hermitian ? im : -im;
        m[2 * (i * n + j)] = re;
        m[2 * (i * n + j) + 1] = below;
        m[2 * (j * n + i)] = re;
        m[2 * (j * n + i) + 1] = hermitian ? -below : below;
      }
    }
    return m;
  }
}
