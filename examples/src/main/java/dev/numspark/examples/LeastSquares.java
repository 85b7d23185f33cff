package dev.numspark.examples;

import dev.numspark.parallel.NativeBlas;
import org.netlib.util.intW;

/**
 * One small least-squares problem {@code min ||A x - b||} with LAPACK's {@code dgelsd} (SciPy's
 * default {@code lstsq} driver), on numspark's BLAS/LAPACK (native OpenBLAS when installed).
 * This calls LAPACK directly because {@code dev.numspark.linalg.Linalg.lstsq} (the batched
 * kernel) is not on this branch yet; switch to it when it lands.
 */
final class LeastSquares {
  private LeastSquares() {}

  /** The solution, its rank and the residual sum of squares. */
  record Fit(double[] x, int rank, double residualSumOfSquares) {}

  /**
   * Solves for {@code x} with {@code a} given row by row ({@code m x n}, C order) and {@code b}
   * of length {@code m}; singular values below {@code 1e-15 * max} are treated as zero.
   */
  static Fit solve(double[] a, int m, int n, double[] b) {
    if (a.length != m * n || b.length != m) {
      throw new IllegalArgumentException("shape mismatch: a has " + a.length + " values for "
          + m + "x" + n + ", b has " + b.length);
    }
    double[] colMajor = new double[m * n];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        colMajor[j * m + i] = a[i * n + j];
      }
    }
    int ldb = Math.max(1, Math.max(m, n));
    double[] rhs = new double[ldb];
    System.arraycopy(b, 0, rhs, 0, m);
    double[] s = new double[Math.min(m, n)];
    intW rank = new intW(0);
    intW info = new intW(0);
    double[] query = new double[1];
    int[] iquery = new int[1];
    var lapack = NativeBlas.lapack();
    lapack.dgelsd(m, n, 1, colMajor, 0, Math.max(1, m), rhs, 0, ldb, s, 0, 1e-15, rank, query, 0,
        -1, iquery, 0, info);
    int lwork = Math.max(1, (int) query[0]);
    double[] work = new double[lwork];
    int[] iwork = new int[Math.max(1, iquery[0])];
    lapack.dgelsd(m, n, 1, colMajor, 0, Math.max(1, m), rhs, 0, ldb, s, 0, 1e-15, rank, work, 0,
        lwork, iwork, 0, info);
    if (info.val != 0) {
      throw new ArithmeticException("SVD did not converge in Linear Least Squares (dgelsd info="
          + info.val + ")");
    }
    double[] x = new double[n];
    System.arraycopy(rhs, 0, x, 0, n);
    double rss = 0;
    for (int i = 0; i < m; i++) {
      double r = -b[i];
      for (int j = 0; j < n; j++) {
        r += a[i * n + j] * x[j];
      }
      rss += r * r;
    }
    return new Fit(x, rank.val, rss);
  }
}
