package dev.numspark.examples;

import dev.numspark.array.NdArray;
import dev.numspark.linalg.Linalg;
import dev.numspark.linalg.LstsqResult;

/**
 * One small least-squares problem {@code min ||A x - b||}: numspark's {@code Linalg.lstsq}
 * ({@code scipy.linalg.lstsq}, LAPACK gelsd), plus the residual sum of squares, which SciPy
 * reports only for full-rank overdetermined systems and which the job reports for every group.
 */
final class LeastSquares {
  private LeastSquares() {}

  /** The solution, its rank and the residual sum of squares. */
  record Fit(double[] x, int rank, double residualSumOfSquares) {}

  /** Solves for {@code x} with {@code a} given row by row ({@code m x n}) and {@code b} (m). */
  static Fit solve(double[] a, int m, int n, double[] b) {
    if (a.length != m * n || b.length != m) {
      throw new IllegalArgumentException("shape mismatch: a has " + a.length + " values for "
          + m + "x" + n + ", b has " + b.length);
    }
    // workers 1: each group is one small problem inside one task; the tasks are the parallelism
    LstsqResult r = Linalg.lstsq(NdArray.real(a, m, n), NdArray.real(b, m), null, true, 1);
    double[] x = r.x().data();
    double rss = 0;
    for (int i = 0; i < m; i++) {
      double res = -b[i];
      for (int j = 0; j < n; j++) {
        res += a[i * n + j] * x[j];
      }
      rss += res * res;
    }
    return new Fit(x.clone(), r.rank()[0], rss);
  }
}
