package dev.numspark.linalg;

/**
 * complex128 LU with partial pivoting for small matrices (order below {@link
 * Batch#THREADED_ORDER}), the complex counterpart of {@link SmallLu}: numspark's own Java code,
 * so that complex solve (general), inv, det and slogdet of small matrices need no native OpenBLAS
 * (netlib's Java LAPACK has no complex routines) and give bitwise the same results on every
 * thread, whatever the number of workers.
 *
 * <p>The kernels are LAPACK's reference algorithms written out step for step: {@link #factor} is
 * zgetf2 with reference izamax (the first largest |re| + |im|, dcabs1), zswap, zscal and zgeru;
 * {@link #solve} is the two reference ztrsm calls of {@link Solvers#general} (from the right, on
 * the transposed matrix); {@link #invert} is unblocked zgetri with ztrti2. They are not bitwise
 * OpenBLAS (whose zgetrf is its own recursive code with other kernels), but agree with it to
 * rounding, and pivot the same way.
 *
 * <p>Every complex division (a pivot's reciprocal, a division by a tiny pivot, the diagonal of
 * the triangular solve and inverse) is LAPACK's zladiv (Baudin and Smith's robust algorithm,
 * {@link #divide}): the textbook (a conj(b)) / |b|^2 squares |b|, which overflows for |b| above
 * about 1e154 and underflows below 1e-154, so that a matrix with entries near 1e300 or 1e-300
 * would come out as zeros or infinities.
 *
 * <p>Matrices are complex interleaved (re, im), column-major n x n at complex offset {@code off}
 * with leading dimension n, element (i, j) at {@code m[2 * (off + i + j * n)]} (and the next
 * double for its imaginary part): a row-major A read this way is A^T (transposed, not
 * conjugated), as in {@link Solvers}. Offsets count complex elements, as in {@link ZKernels}.
 */
final class SmallZLu {
  /** dlamch('S'): the smallest number whose reciprocal does not overflow. */
  private static final double SFMIN = Double.MIN_NORMAL;
  /** dladiv's thresholds from dlamch: half of 'Overflow threshold', 'Safe minimum' * 2 / 'Epsilon'. */
  private static final double HALF_OV = 0.5 * Double.MAX_VALUE;
  private static final double EPS = 0x1p-53;
  private static final double UN_BS_EPS = Double.MIN_NORMAL * 2.0 / EPS;
  /** dladiv's BE = 2 / eps^2, a power of two: scaling by it is exact. */
  private static final double BE = 2.0 / (EPS * EPS);

  private SmallZLu() {}

  /**
   * Solves A X = B for row-major complex A (n x n at aOff) and X (n x k at xOff, holding B on
   * entry): {@link #factor} on a copy of A read in column order (A^T), then {@link #solve}.
   *
   * @return 0, or the 1-based index of the first exactly zero pivot (x is then unchanged)
   */
  static int general(int n, int k, double[] a, int aOff, double[] x, int xOff, Scratch s) {
    double[] lu = s.a(2 * n * n);
    int[] ipiv = s.ipiv(n);
    double[] t = s.work(2);
    System.arraycopy(a, 2 * aOff, lu, 0, 2 * n * n);
    int info = factor(n, lu, 0, ipiv, 0, t);
    if (info == 0) {
      solve(n, k, lu, 0, ipiv, 0, x, xOff, t);
    }
    return info;
  }

  /**
   * inv(A) in place on the row-major complex A at off: factor and invert A^T (the row order read
   * as columns), whose inverse inv(A)^T read back in row order is inv(A). No copy.
   *
   * @return 0, or the 1-based index of the first exactly zero pivot (a then holds the factors)
   */
  static int inv(int n, double[] a, int off, Scratch s) {
    int[] ipiv = s.ipiv(n);
    double[] work = s.work(2 * Math.max(1, n));
    int info = factor(n, a, off, ipiv, 0, work);
    if (info == 0) {
      invert(n, a, off, ipiv, 0, work);
    }
    return info;
  }

  /**
   * det(A) = det(A^T) from the LU of a copy of the row-major A read in column order, in {@link
   * Assembly#complexDet}, shared with zgetrf's path: out = {det re, det im, sign re, sign im,
   * log|det|}, sign = det / |det| accumulated from the unit phases of U's diagonal (so that it
   * survives where det under- or overflows), negated for each row interchange; an empty matrix
   * gives det 1, sign 1, log 0; a singular one det 0, sign 0, log -inf.
   */
  static void det(int n, double[] a, int aOff, Scratch s, double[] out) {
    double[] lu = s.a(2 * n * n);
    int[] ipiv = s.ipiv(n);
    System.arraycopy(a, 2 * aOff, lu, 0, 2 * n * n);
    factor(n, lu, 0, ipiv, 0, s.work(2));
    double[] diag = s.b(2 * n);
    for (int i = 0; i < n; i++) {
      diag[2 * i] = lu[2 * (i + i * n)];
      diag[2 * i + 1] = lu[2 * (i + i * n) + 1];
    }
    Assembly.complexDet(n, diag, ipiv, 0, out);
  }

  /**
   * zgetf2: P M = L U in place; {@code piv[pivOff + j]} is the 0-based row swapped with row j.
   * Like LAPACK it continues past a zero pivot. {@code t} holds at least 2 doubles (the pivot's
   * reciprocal).
   *
   * @return 0, or the 1-based index of the first exactly zero pivot
   */
  static int factor(int n, double[] m, int off, int[] piv, int pivOff, double[] t) {
    int base = 2 * off;
    int end = base + 2 * n * n;
    int info = 0;
    for (int j = 0; j < n; j++) {
      int col = base + 2 * j * n;
      // izamax: the first largest dcabs1 = |re| + |im| (cheaper than the modulus, and what
      // OpenBLAS's zgetrf compares too, so both pick the same rows). A NaN never compares
      // larger: it is the pivot only where it comes first.
      int p = j;
      double max = Math.abs(m[col + 2 * j]) + Math.abs(m[col + 2 * j + 1]);
      for (int i = j + 1; i < n; i++) {
        double v = Math.abs(m[col + 2 * i]) + Math.abs(m[col + 2 * i + 1]);
        if (v > max) {
          max = v;
          p = i;
        }
      }
      piv[pivOff + j] = p;
      if (m[col + 2 * p] != 0.0 || m[col + 2 * p + 1] != 0.0) {
        if (p != j) {
          for (int c = base; c < end; c += 2 * n) {
            double re = m[c + 2 * j];
            double im = m[c + 2 * j + 1];
            m[c + 2 * j] = m[c + 2 * p];
            m[c + 2 * j + 1] = m[c + 2 * p + 1];
            m[c + 2 * p] = re;
            m[c + 2 * p + 1] = im;
          }
        }
        double pr = m[col + 2 * j];
        double pi = m[col + 2 * j + 1];
        if (Math.hypot(pr, pi) >= SFMIN) {
          // zscal by 1 / pivot: one division, then multiplications.
          divide(1.0, 0.0, pr, pi, t, 0);
          double rr = t[0];
          double ri = t[1];
          for (int i = col + 2 * j + 2; i < col + 2 * n; i += 2) {
            double xr = m[i];
            double xi = m[i + 1];
            m[i] = rr * xr - ri * xi;
            m[i + 1] = rr * xi + ri * xr;
          }
        } else {
          // The reciprocal of a pivot this small overflows: divide each element.
          for (int i = col + 2 * j + 2; i < col + 2 * n; i += 2) {
            divide(m[i], m[i + 1], pr, pi, m, i);
          }
        }
      } else if (info == 0) {
        info = j + 1;
      }
      // zgeru with alpha -1: each later column minus the multipliers times its row-j element,
      // skipped where that element is zero (as the reference).
      for (int c = col + 2 * n; c < end; c += 2 * n) {
        double yr = m[c + 2 * j];
        double yi = m[c + 2 * j + 1];
        if (yr != 0.0 || yi != 0.0) {
          double tr = -yr;
          double ti = -yi;
          for (int i = 2 * j + 2; i < 2 * n; i += 2) {
            double lr = m[col + i];
            double li = m[col + i + 1];
            m[c + i] = m[c + i] + (lr * tr - li * ti);
            m[c + i + 1] = m[c + i + 1] + (lr * ti + li * tr);
          }
        }
      }
    }
    return info;
  }

  /**
   * X^T M = B^T for the factors of {@link #factor} with no zero pivot: with row-major x (n x k at
   * complex offset xOff, holding B on entry) read as the column-major k x n B^T, reference
   * ztrsm('R', 'U', 'N', 'N') and ztrsm('R', 'L', 'N', 'U'), then the row interchanges in
   * reverse. For M = A^T this solves A X = B. One departure from the reference: a diagonal
   * element below dlamch('S') divides instead of scaling by its (overflowing) reciprocal. {@code
   * t} holds at least 2 doubles.
   */
  static void solve(int n, int k, double[] m, int off, int[] piv, int pivOff, double[] x,
      int xOff, double[] t) {
    int base = 2 * off;
    int xb = 2 * xOff;
    for (int j = 0; j < n; j++) {
      int xj = xb + 2 * j * k;
      int col = base + 2 * j * n;
      for (int l = 0; l < j; l++) {
        double ur = m[col + 2 * l];
        double ui = m[col + 2 * l + 1];
        if (ur != 0.0 || ui != 0.0) {
          subtractRow(x, xj, ur, ui, xb + 2 * l * k, k);
        }
      }
      double dr = m[col + 2 * j];
      double di = m[col + 2 * j + 1];
      if (Math.hypot(dr, di) >= SFMIN) {
        divide(1.0, 0.0, dr, di, t, 0);
        double rr = t[0];
        double ri = t[1];
        for (int i = xj; i < xj + 2 * k; i += 2) {
          double br = x[i];
          double bi = x[i + 1];
          x[i] = rr * br - ri * bi;
          x[i + 1] = rr * bi + ri * br;
        }
      } else {
        // Reference ztrsm from the right multiplies by 1 / u_jj, which overflows for a pivot
        // below dlamch('S') where zgesv (ztrsm from the left) divides: divide, as zgetf2 does.
        for (int i = xj; i < xj + 2 * k; i += 2) {
          divide(x[i], x[i + 1], dr, di, x, i);
        }
      }
    }
    for (int j = n - 1; j >= 0; j--) {
      int xj = xb + 2 * j * k;
      int col = base + 2 * j * n;
      for (int l = j + 1; l < n; l++) {
        double lr = m[col + 2 * l];
        double li = m[col + 2 * l + 1];
        if (lr != 0.0 || li != 0.0) {
          subtractRow(x, xj, lr, li, xb + 2 * l * k, k);
        }
      }
    }
    for (int i = n - 1; i >= 0; i--) {
      int p = piv[pivOff + i];
      if (p != i) {
        int ri = xb + 2 * i * k;
        int rp = xb + 2 * p * k;
        for (int c = 0; c < 2 * k; c++) {
          double v = x[ri + c];
          x[ri + c] = x[rp + c];
          x[rp + c] = v;
        }
      }
    }
  }

  /**
   * zgetri (unblocked, as below its block size) on the factors of {@link #factor} with no zero
   * pivot: ztrti2 inverts U in place (reference ztrmv and zscal), then inv(M) = inv(U) inv(L) P
   * column by column (reference zgemv) and the column interchanges in reverse. {@code work}
   * holds at least 2n doubles.
   */
  static void invert(int n, double[] m, int off, int[] piv, int pivOff, double[] work) {
    int base = 2 * off;
    for (int j = 0; j < n; j++) {
      int col = base + 2 * j * n;
      divide(1.0, 0.0, m[col + 2 * j], m[col + 2 * j + 1], m, col + 2 * j);
      double ar = -m[col + 2 * j];
      double ai = -m[col + 2 * j + 1];
      // ztrmv('U', 'N', 'N'): x = U(0:j, 0:j) x for x = column j above the diagonal.
      for (int l = 0; l < j; l++) {
        double tr = m[col + 2 * l];
        double ti = m[col + 2 * l + 1];
        if (tr != 0.0 || ti != 0.0) {
          int ul = base + 2 * l * n;
          for (int i = 0; i < 2 * l; i += 2) {
            double ur = m[ul + i];
            double ui = m[ul + i + 1];
            m[col + i] = m[col + i] + (tr * ur - ti * ui);
            m[col + i + 1] = m[col + i + 1] + (tr * ui + ti * ur);
          }
          double dr = m[ul + 2 * l];
          double di = m[ul + 2 * l + 1];
          m[col + 2 * l] = tr * dr - ti * di;
          m[col + 2 * l + 1] = tr * di + ti * dr;
        }
      }
      // zscal by -inv(U)(j, j).
      for (int i = col; i < col + 2 * j; i += 2) {
        double xr = m[i];
        double xi = m[i + 1];
        m[i] = ar * xr - ai * xi;
        m[i + 1] = ar * xi + ai * xr;
      }
    }
    for (int j = n - 1; j >= 0; j--) {
      int col = base + 2 * j * n;
      for (int i = 2 * j + 2; i < 2 * n; i++) {
        work[i] = m[col + i];
        m[col + i] = 0.0;
      }
      // zgemv('N', alpha -1, beta 1): column j -= M(:, j+1:n) work(j+1:n).
      for (int l = j + 1; l < n; l++) {
        double wr = work[2 * l];
        double wi = work[2 * l + 1];
        if (wr != 0.0 || wi != 0.0) {
          double tr = -wr;
          double ti = -wi;
          int cl = base + 2 * l * n;
          for (int i = 0; i < 2 * n; i += 2) {
            double vr = m[cl + i];
            double vi = m[cl + i + 1];
            m[col + i] = m[col + i] + (tr * vr - ti * vi);
            m[col + i + 1] = m[col + i + 1] + (tr * vi + ti * vr);
          }
        }
      }
    }
    for (int j = n - 2; j >= 0; j--) {
      int p = piv[pivOff + j];
      if (p != j) {
        int cj = base + 2 * j * n;
        int cp = base + 2 * p * n;
        for (int i = 0; i < 2 * n; i++) {
          double v = m[cj + i];
          m[cj + i] = m[cp + i];
          m[cp + i] = v;
        }
      }
    }
  }

  /**
   * Row j of X minus (fr + i fi) times row l: the k complex values at x[xj] and x[xl] (doubles),
   * each x_j - (f x_l) with the product's parts formed first, as reference zaxpy/ztrsm do.
   */
  static void subtractRow(double[] x, int xj, double fr, double fi, int xl, int k) {
    for (int i = 0; i < 2 * k; i += 2) {
      double br = x[xl + i];
      double bi = x[xl + i + 1];
      x[xj + i] = x[xj + i] - (fr * br - fi * bi);
      x[xj + i + 1] = x[xj + i + 1] - (fr * bi + fi * br);
    }
  }

  /**
   * (a + ib) / (c + id) into {@code out[at]}, {@code out[at + 1]}: LAPACK's zladiv, which is
   * dladiv (Baudin and Smith, "A robust complex division in Scilab", 2012): operands scaled by
   * powers of two away from overflow and underflow, then Smith's algorithm (divide by the larger
   * of |c| and |d| first, so that no square of them is formed) with its refinement for products
   * that underflow to zero.
   */
  static void divide(double a, double b, double c, double d, double[] out, int at) {
    double aa = a;
    double bb = b;
    double cc = c;
    double dd = d;
    double ab = Math.max(Math.abs(a), Math.abs(b));
    double cd = Math.max(Math.abs(c), Math.abs(d));
    double s = 1.0;
    if (ab >= HALF_OV) {
      aa = 0.5 * aa;
      bb = 0.5 * bb;
      s = 2.0 * s;
    }
    if (cd >= HALF_OV) {
      cc = 0.5 * cc;
      dd = 0.5 * dd;
      s = 0.5 * s;
    }
    if (ab <= UN_BS_EPS) {
      aa = aa * BE;
      bb = bb * BE;
      s = s / BE;
    }
    if (cd <= UN_BS_EPS) {
      cc = cc * BE;
      dd = dd * BE;
      s = s * BE;
    }
    double p;
    double q;
    if (Math.abs(d) <= Math.abs(c)) {
      // dladiv1(aa, bb, cc, dd)
      double r = dd / cc;
      double t = 1.0 / (cc + dd * r);
      p = smith(aa, bb, cc, dd, r, t);
      q = smith(bb, -aa, cc, dd, r, t);
    } else {
      // dladiv1(bb, aa, dd, cc), q negated
      double r = cc / dd;
      double t = 1.0 / (dd + cc * r);
      p = smith(bb, aa, dd, cc, r, t);
      q = -smith(aa, -bb, dd, cc, r, t);
    }
    out[at] = p * s;
    out[at + 1] = q * s;
  }

  /** dladiv2: (a + b r) t, keeping b's contribution where b r underflows to zero. */
  private static double smith(double a, double b, double c, double d, double r, double t) {
    if (r != 0.0) {
      double br = b * r;
      if (br != 0.0) {
        return (a + br) * t;
      }
      return a * t + (b * t) * r;
    }
    return (a + d * (b / c)) * t;
  }
}
