package dev.numspark.linalg;

/**
 * Symmetric eigenproblem for small matrices (order below {@link Batch#THREADED_ORDER}): Householder
 * reduction to tridiagonal form and the implicit QL algorithm, after the public-domain JAMA/EISPACK
 * tred2 and tql2 (Bowdler, Martin, Reinsch and Wilkinson, Handbook for Automatic Computation II).
 *
 * <p>Why not netlib's f2j dsyevr, which the batched path used before: for a 16 x 16 matrix its
 * fixed costs (workspace queries, ilaenv and lsame string compares, one BLAS call per column with
 * argument checks, the MRRR machinery that pays off only for large matrices) left batched eigh at
 * about 0.55x numpy's throughput. These loops work on one scratch matrix per thread, allocate
 * nothing per matrix, and run unit-stride throughout: the matrix is held transposed
 * ({@code z[j * n + k]} is V(k, j)), so every column operation of tred2/tql2 is a contiguous row.
 *
 * <p>Numerically as LAPACK's drivers: the matrix is scaled into [RMIN, RMAX] as dsyevr does, each
 * Householder step is scaled by the column's 1-norm (tred2), and rotations use an overflow-safe
 * hypot; eigenvalues are ascending (the selection sort of dsteqr/tql2), eigenvectors orthonormal
 * with LAPACK's freedom of sign. Plain Java arithmetic, so results are bitwise the same on every
 * thread and for eigenvalues with or without vectors.
 */
final class SmallEigh {
  private static final double EPS = Math.ulp(1.0);
  /** dsyevr's scaling bounds: sqrt(safmin / eps) and min(sqrt(1 / that^2), safmin^-1/4). */
  static final double RMIN = Math.sqrt(Double.MIN_NORMAL / EPS);
  static final double RMAX = Math.min(1.0 / RMIN, 1.0 / Math.sqrt(Math.sqrt(
      Double.MIN_NORMAL)));
  /** dsteqr's iteration budget: 30 QL sweeps per eigenvalue in total. */
  private static final int MAX_SWEEPS_PER_VALUE = 30;

  private SmallEigh() {}

  /**
   * Eigenvalues {@code lo..hi} (0-based, inclusive) of the symmetric matrix whose {@code lower}
   * (else upper) triangle is the row-major n x n slice at {@code a[aOff]}, into {@code w[wOff]};
   * when {@code v != null} the matching eigenvectors as columns of the row-major n x (hi-lo+1)
   * slice at {@code v[vOff]}. Input with NaN or infinity gives NaN values and vectors (LAPACK's
   * answer there is undefined: it returns garbage or does not terminate).
   *
   * @return 0, or &gt; 0 if QL did not converge (LAPACK's info; not seen for finite input)
   */
  static int eigh(int n, boolean lower, int lo, int hi, double[] a, int aOff, double[] w,
      int wOff, double[] v, int vOff, Scratch s) {
    boolean vectors = v != null;
    int count = hi - lo + 1;
    double[] z = s.a(n * n);
    double norm = symmetricCopy(n, lower, a, aOff, z);
    if (!Double.isFinite(norm)) {
      java.util.Arrays.fill(w, wOff, wOff + count, Double.NaN);
      if (vectors) {
        java.util.Arrays.fill(v, vOff, vOff + n * count, Double.NaN);
      }
      return 0;
    }
    double sigma = norm > 0 && norm < RMIN ? RMIN / norm : norm > RMAX ? RMAX / norm : 1.0;
    if (sigma != 1.0) {
      for (int i = 0; i < n * n; i++) {
        z[i] *= sigma;
      }
    }
    double[] d = s.d(n);
    double[] e = s.e(n);
    tridiagonalize(n, z, d, e);
    if (vectors) {
      accumulate(n, z, d);
    } else {
      for (int j = 0; j < n; j++) {
        d[j] = z[j * n + j];
      }
    }
    e[0] = 0.0;
    int info = ql(n, d, e, vectors ? z : null);
    if (info != 0) {
      return info;
    }
    sortAscending(n, d, vectors ? z : null);
    double unscale = 1.0 / sigma;
    for (int j = 0; j < count; j++) {
      w[wOff + j] = sigma == 1.0 ? d[lo + j] : d[lo + j] * unscale;
    }
    if (vectors) {
      for (int j = 0; j < count; j++) {
        int col = (lo + j) * n;
        for (int r = 0; r < n; r++) {
          v[vOff + r * count + j] = z[col + r];
        }
      }
    }
    return 0;
  }

  /**
   * z = the symmetric matrix from the chosen triangle (row-major, equal to its transpose).
   *
   * @return max |a_ij| over that triangle; NaN or infinity if any entry is not finite
   */
  private static double symmetricCopy(int n, boolean lower, double[] a, int aOff, double[] z) {
    double max = 0.0;
    boolean finite = true;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double x = lower ? a[aOff + i * n + j] : a[aOff + j * n + i];
        z[i * n + j] = x;
        z[j * n + i] = x;
        finite &= Double.isFinite(x);
        max = Math.max(max, Math.abs(x));
      }
    }
    return finite ? max : Double.NaN;
  }

  /**
   * tred2's reduction: afterwards the diagonal of T is on z's diagonal, its subdiagonal in
   * e[1..n-1], and the Householder vectors (scaled by d) in the strict upper part of V.
   */
  private static void tridiagonalize(int n, double[] z, double[] d, double[] e) {
    for (int j = 0; j < n; j++) {
      d[j] = z[j * n + n - 1];
    }
    for (int i = n - 1; i > 0; i--) {
      double scale = 0.0;
      double h = 0.0;
      for (int k = 0; k < i; k++) {
        scale += Math.abs(d[k]);
      }
      if (scale == 0.0) {
        e[i] = d[i - 1];
        for (int j = 0; j < i; j++) {
          d[j] = z[j * n + i - 1];
          z[j * n + i] = 0.0;
          z[i * n + j] = 0.0;
        }
        d[i] = h;
        continue;
      }
      for (int k = 0; k < i; k++) {
        d[k] /= scale;
        h += d[k] * d[k];
      }
      double f = d[i - 1];
      double g = f > 0 ? -Math.sqrt(h) : Math.sqrt(h);
      e[i] = scale * g;
      h -= f * g;
      d[i - 1] = f - g;
      java.util.Arrays.fill(e, 0, i, 0.0);
      // e = V d over the leading i x i block, from its lower triangle (column j of V is row j).
      for (int j = 0; j < i; j++) {
        int col = j * n;
        f = d[j];
        z[i * n + j] = f;
        g = e[j] + z[col + j] * f;
        for (int k = j + 1; k < i; k++) {
          g += z[col + k] * d[k];
          e[k] += z[col + k] * f;
        }
        e[j] = g;
      }
      f = 0.0;
      for (int j = 0; j < i; j++) {
        e[j] /= h;
        f += e[j] * d[j];
      }
      double hh = f / (h + h);
      for (int j = 0; j < i; j++) {
        e[j] -= hh * d[j];
      }
      for (int j = 0; j < i; j++) {
        int col = j * n;
        f = d[j];
        g = e[j];
        for (int k = j; k < i; k++) {
          z[col + k] -= f * e[k] + g * d[k];
        }
        d[j] = z[col + i - 1];
        z[col + i] = 0.0;
      }
      d[i] = h;
    }
  }

  /** tred2's accumulation: V becomes the orthogonal Q of A = Q T Q^T; d the diagonal of T. */
  private static void accumulate(int n, double[] z, double[] d) {
    for (int i = 0; i < n - 1; i++) {
      int next = (i + 1) * n;
      z[i * n + n - 1] = z[i * n + i];
      z[i * n + i] = 1.0;
      double h = d[i + 1];
      if (h != 0.0) {
        for (int k = 0; k <= i; k++) {
          d[k] = z[next + k] / h;
        }
        for (int j = 0; j <= i; j++) {
          int col = j * n;
          double g = 0.0;
          for (int k = 0; k <= i; k++) {
            g += z[next + k] * z[col + k];
          }
          for (int k = 0; k <= i; k++) {
            z[col + k] -= g * d[k];
          }
        }
      }
      java.util.Arrays.fill(z, next, next + i + 1, 0.0);
    }
    for (int j = 0; j < n; j++) {
      d[j] = z[j * n + n - 1];
      z[j * n + n - 1] = 0.0;
    }
    z[n * n - 1] = 1.0;
  }

  /**
   * tql2: implicit QL with Wilkinson-type shifts on the tridiagonal (d, e[1..n-1]), rotations
   * accumulated into V when {@code z != null}; eigenvalues end in d, unsorted.
   *
   * @return 0, or 1 if the iteration budget ran out
   */
  static int ql(int n, double[] d, double[] e, double[] z) {
    for (int i = 1; i < n; i++) {
      e[i - 1] = e[i];
    }
    e[n - 1] = 0.0;
    double f = 0.0;
    double tst1 = 0.0;
    int budget = MAX_SWEEPS_PER_VALUE * n;
    for (int l = 0; l < n; l++) {
      tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
      int m = l;
      while (m < n - 1 && Math.abs(e[m]) > EPS * tst1) {
        m++;
      }
      while (m > l) {
        if (budget-- == 0) {
          return 1;
        }
        double g = d[l];
        double p = (d[l + 1] - g) / (2.0 * e[l]);
        double r = hypot(p, 1.0);
        if (p < 0) {
          r = -r;
        }
        d[l] = e[l] / (p + r);
        d[l + 1] = e[l] * (p + r);
        double dl1 = d[l + 1];
        double h = g - d[l];
        for (int i = l + 2; i < n; i++) {
          d[i] -= h;
        }
        f += h;
        p = d[m];
        double c = 1.0;
        double c2 = c;
        double c3 = c;
        double el1 = e[l + 1];
        double s = 0.0;
        double s2 = 0.0;
        for (int i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i];
          h = c * p;
          r = hypot(p, e[i]);
          e[i + 1] = s * r;
          s = e[i] / r;
          c = p / r;
          p = c * d[i] - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]);
          if (z != null) {
            rotate(n, z, i * n, s, c);
          }
        }
        p = -s * s2 * c3 * el1 * e[l] / dl1;
        e[l] = s * p;
        d[l] = c * p;
        if (Math.abs(e[l]) <= EPS * tst1) {
          break;
        }
      }
      d[l] += f;
      e[l] = 0.0;
    }
    return 0;
  }

  /** Columns i, i+1 of V (rows of z at {@code at}, {@code at + n}) by the plane rotation (c, s). */
  private static void rotate(int n, double[] z, int at, double s, double c) {
    int next = at + n;
    for (int k = 0; k < n; k++) {
      double h = z[next + k];
      double x = z[at + k];
      z[next + k] = s * x + c * h;
      z[at + k] = c * x - s * h;
    }
  }

  /** Selection sort of d ascending, moving V's columns along (as dsteqr and tql2). */
  static void sortAscending(int n, double[] d, double[] z) {
    for (int i = 0; i < n - 1; i++) {
      int k = i;
      double p = d[i];
      for (int j = i + 1; j < n; j++) {
        if (d[j] < p) {
          k = j;
          p = d[j];
        }
      }
      if (k != i) {
        d[k] = d[i];
        d[i] = p;
        if (z != null) {
          for (int r = 0; r < n; r++) {
            double t = z[i * n + r];
            z[i * n + r] = z[k * n + r];
            z[k * n + r] = t;
          }
        }
      }
    }
  }

  /**
   * sqrt(x^2 + y^2) without spurious overflow or underflow. Faster than {@link Math#hypot}, which
   * is exact to the last bit at a cost that dominated the QL sweep; the direct formula is within
   * an ulp whenever the sum of squares is comfortably normal, else LAPACK's dlapy2 scaling.
   */
  static double hypot(double x, double y) {
    double sum = x * x + y * y;
    if (sum >= 0x1p-1000 && sum <= Double.MAX_VALUE) {
      return Math.sqrt(sum);
    }
    double ax = Math.abs(x);
    double ay = Math.abs(y);
    double big = Math.max(ax, ay);
    double small = Math.min(ax, ay);
    if (small == 0.0 || big > Double.MAX_VALUE) {
      return big;
    }
    double q = small / big;
    return big * Math.sqrt(1.0 + q * q);
  }
}
