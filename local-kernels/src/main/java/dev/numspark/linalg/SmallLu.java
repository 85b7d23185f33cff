package dev.numspark.linalg;

/**
 * LU with partial pivoting for small matrices (order below {@link Batch#THREADED_ORDER}), written
 * out by hand instead of calling netlib's f2j LAPACK: for an 8 x 8 matrix the f2j call costs more
 * than the arithmetic (dgetrf asks ilaenv for a block size through string compares, dgetf2 calls
 * dlamch and one BLAS routine per column, each re-checking its arguments with lsame, and every
 * call allocates an intW), which left batched solve at about 0.7x numpy's throughput.
 *
 * <p>The kernels are LAPACK's reference algorithms, step for step and in the same floating-point
 * order: {@link #factor} is dgetf2 (as dgetrf runs it below its block size) with reference
 * idamax, dswap, dscal and dger; {@link #solve} is the two reference dtrsm calls of {@link
 * Solvers#general}. So pivots (the first largest |a|), singularity detection (an exactly zero
 * pivot, info = its 1-based column), NaN propagation and every result bit are those of the f2j
 * path they replace (SmallLuTest checks this bitwise); being plain Java they are also
 * bitwise the same on every thread.
 *
 * <p>Matrices are column-major n x n at {@code m[off]} with leading dimension n, element (i, j) at
 * {@code m[off + i + j * n]}: a row-major A read this way is A^T, as in {@link Solvers}.
 */
final class SmallLu {
  /** dlamch('S'): the smallest number whose reciprocal does not overflow. */
  private static final double SFMIN = Double.MIN_NORMAL;

  private SmallLu() {}

  /**
   * dgetf2: P M = L U in place; {@code piv[pivOff + j]} is the 0-based row swapped with row j.
   * Like LAPACK it continues past a zero pivot.
   *
   * @return 0, or the 1-based index of the first exactly zero pivot
   */
  static int factor(int n, double[] m, int off, int[] piv, int pivOff) {
    int info = 0;
    for (int j = 0; j < n; j++) {
      int col = off + j * n;
      int p = j;
      double max = Math.abs(m[col + j]);
      for (int i = j + 1; i < n; i++) {
        double v = Math.abs(m[col + i]);
        // f2j's idamax compares with dcmpg, so NaN on either side counts as larger: kept for
        // NaN input (checkFinite false) to behave as before.
        if (!(v <= max)) {
          max = v;
          p = i;
        }
      }
      piv[pivOff + j] = p;
      if (m[col + p] != 0.0) {
        if (p != j) {
          for (int c = off; c < off + n * n; c += n) {
            double t = m[c + j];
            m[c + j] = m[c + p];
            m[c + p] = t;
          }
        }
        double pivot = m[col + j];
        if (Math.abs(pivot) >= SFMIN) {
          double r = 1.0 / pivot;
          for (int i = col + j + 1; i < col + n; i++) {
            m[i] = r * m[i];
          }
        } else {
          for (int i = col + j + 1; i < col + n; i++) {
            m[i] = m[i] / pivot;
          }
        }
      } else if (info == 0) {
        info = j + 1;
      }
      // dger with alpha -1, two columns per pass where both multipliers are nonzero (each
      // element still gets the one update of the reference, which skips zero multipliers).
      int end = off + n * n;
      int c = col + n;
      for (; c + n < end; c += 2 * n) {
        double y0 = m[c + j];
        double y1 = m[c + n + j];
        if (y0 != 0.0 && y1 != 0.0) {
          double t0 = -y0;
          double t1 = -y1;
          for (int i = j + 1; i < n; i++) {
            double l = m[col + i];
            m[c + i] = m[c + i] + l * t0;
            m[c + n + i] = m[c + n + i] + l * t1;
          }
        } else {
          rankOneColumn(n, m, col, c, j);
          rankOneColumn(n, m, col, c + n, j);
        }
      }
      if (c < end) {
        rankOneColumn(n, m, col, c, j);
      }
    }
    return info;
  }

  /** Column c of dger: rows j+1.. minus the pivot column times row j, skipped for a zero. */
  private static void rankOneColumn(int n, double[] m, int col, int c, int j) {
    double y = m[c + j];
    if (y != 0.0) {
      double t = -y;
      for (int i = j + 1; i < n; i++) {
        m[c + i] = m[c + i] + m[col + i] * t;
      }
    }
  }

  /**
   * X^T M = B^T for the factors of {@link #factor}: with row-major x (n x k, holding B on entry)
   * read as the column-major k x n B^T, reference dtrsm('R', 'U', 'N', 'N') and dtrsm('R', 'L',
   * 'N', 'U'), then the row interchanges in reverse. For M = A^T this solves A X = B.
   */
  static void solve(int n, int k, double[] m, int off, int[] piv, int pivOff, double[] x,
      int xOff) {
    if (k == 1) {
      solveVector(n, m, off, piv, pivOff, x, xOff);
      return;
    }
    for (int j = 0; j < n; j++) {
      int xj = xOff + j * k;
      int col = off + j * n;
      for (int l = 0; l < j; l++) {
        double u = m[col + l];
        if (u != 0.0) {
          int xl = xOff + l * k;
          for (int i = 0; i < k; i++) {
            x[xj + i] = x[xj + i] - u * x[xl + i];
          }
        }
      }
      double t = 1.0 / m[col + j];
      for (int i = xj; i < xj + k; i++) {
        x[i] = t * x[i];
      }
    }
    for (int j = n - 1; j >= 0; j--) {
      int xj = xOff + j * k;
      int col = off + j * n;
      for (int l = j + 1; l < n; l++) {
        double lower = m[col + l];
        if (lower != 0.0) {
          int xl = xOff + l * k;
          for (int i = 0; i < k; i++) {
            x[xj + i] = x[xj + i] - lower * x[xl + i];
          }
        }
      }
    }
    for (int i = n - 1; i >= 0; i--) {
      Dense.swapRows(x, xOff, k, i, piv[pivOff + i]);
    }
  }

  /** {@link #solve} for one right-hand side: the same operations with x_j kept in a register. */
  private static void solveVector(int n, double[] m, int off, int[] piv, int pivOff, double[] x,
      int xOff) {
    for (int j = 0; j < n; j++) {
      int col = off + j * n;
      double xj = x[xOff + j];
      for (int l = 0; l < j; l++) {
        double u = m[col + l];
        if (u != 0.0) {
          xj = xj - u * x[xOff + l];
        }
      }
      x[xOff + j] = (1.0 / m[col + j]) * xj;
    }
    for (int j = n - 1; j >= 0; j--) {
      int col = off + j * n;
      double xj = x[xOff + j];
      for (int l = j + 1; l < n; l++) {
        double lower = m[col + l];
        if (lower != 0.0) {
          xj = xj - lower * x[xOff + l];
        }
      }
      x[xOff + j] = xj;
    }
    for (int i = n - 1; i >= 0; i--) {
      int p = piv[pivOff + i];
      if (p != i) {
        double t = x[xOff + i];
        x[xOff + i] = x[xOff + p];
        x[xOff + p] = t;
      }
    }
  }

  /**
   * dgetri (unblocked, as below its block size) on the factors of {@link #factor} with no zero
   * pivot: dtrti2 inverts U in place (reference dtrmv and dscal), then inv(M) = inv(U) inv(L) P
   * column by column (reference dgemv) and the column interchanges in reverse. {@code work}
   * holds at least n entries.
   */
  static void invert(int n, double[] m, int off, int[] piv, int pivOff, double[] work) {
    for (int j = 0; j < n; j++) {
      int col = off + j * n;
      m[col + j] = 1.0 / m[col + j];
      double ajj = -m[col + j];
      // dtrmv('U', 'N', 'N'): x = U(0:j, 0:j) x for x = column j above the diagonal.
      for (int l = 0; l < j; l++) {
        double t = m[col + l];
        if (t != 0.0) {
          int ul = off + l * n;
          for (int i = 0; i < l; i++) {
            m[col + i] = m[col + i] + t * m[ul + i];
          }
          m[col + l] = m[col + l] * m[ul + l];
        }
      }
      for (int i = col; i < col + j; i++) {
        m[i] = ajj * m[i];
      }
    }
    for (int j = n - 1; j >= 0; j--) {
      int col = off + j * n;
      for (int i = j + 1; i < n; i++) {
        work[i] = m[col + i];
        m[col + i] = 0.0;
      }
      // dgemv('N', alpha -1, beta 1): column j -= M(:, j+1:n) work(j+1:n).
      for (int l = j + 1; l < n; l++) {
        if (work[l] != 0.0) {
          double t = -work[l];
          int cl = off + l * n;
          for (int i = 0; i < n; i++) {
            m[col + i] = m[col + i] + t * m[cl + i];
          }
        }
      }
    }
    for (int j = n - 2; j >= 0; j--) {
      int p = piv[pivOff + j];
      if (p != j) {
        for (int i = 0; i < n; i++) {
          double t = m[off + j * n + i];
          m[off + j * n + i] = m[off + p * n + i];
          m[off + p * n + i] = t;
        }
      }
    }
  }
}
