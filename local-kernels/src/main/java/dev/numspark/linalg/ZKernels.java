package dev.numspark.linalg;

import com.sun.jna.Pointer;
import dev.numspark.linalg.ZLapack.Z;

/**
 * Per-matrix complex128 kernels over row-major interleaved slices (offsets count complex
 * elements). Each copies its operands into column order in {@link ZWork}'s native memory (LAPACK
 * works in place, and the copy is needed to reach native memory anyway, so the transposition is
 * free), calls the z-routine and copies results back. Each returns LAPACK's info.
 */
final class ZKernels {
  private ZKernels() {}

  private static Pointer matrix(ZWork w, double[] src, int off, int rows, int cols, int ld) {
    Pointer p = w.complex((long) ld * cols);
    ZWork.toColumns(src, off, rows, cols, p, ld, w.tmp(2 * ld * cols));
    return p;
  }

  private static void back(ZWork w, Pointer p, int ld, int rows, int cols, double[] dst, int off) {
    ZWork.fromColumns(p, ld, rows, cols, dst, off, w.tmp(2 * ld * cols));
  }

  /** The optimal lwork a workspace query left in its first complex (or real) element. */
  private static int lwork(Pointer query) {
    return Math.max(1, (int) query.getDouble(0));
  }

  /**
   * zheevr (SciPy's default driver) on the Hermitian matrix whose {@code lower} (else upper)
   * triangle is read: eigenvalues lo..hi into w (real), eigenvectors into the row-major
   * n x (hi-lo+1) complex slice v at vOff, when v != null.
   */
  static int eigh(int n, boolean lower, int lo, int hi, boolean subset, double[] a, int aOff,
      double[] w, int wOff, double[] v, int vOff) {
    return ZEighPlan.forThread(n, lower, lo, hi, subset, v != null).run(a, aOff, w, wOff, v, vOff);
  }

  /** zgeev: eigenvalues w (n complex at wOff) and, when v != null, right eigenvectors. */
  static int eig(int n, double[] a, int aOff, double[] w, int wOff, double[] v, int vOff,
      ZWork s) {
    boolean vectors = v != null;
    s.begin(16L * n * n * 2 + 16L * n + 1024);
    Pointer pa = matrix(s, a, aOff, n, n, n);
    Pointer pn = s.integer(n);
    Pointer pw = s.complex(n);
    Pointer vl = s.complex(1);
    Pointer one = s.integer(1);
    Pointer vr = s.complex(vectors ? (long) n * n : 1);
    Pointer ldvr = s.integer(vectors ? Math.max(1, n) : 1);
    Pointer info = s.integer(0);
    Pointer rwork = s.doubles(2L * n);
    Pointer q = s.complex(1);
    Pointer jobvr = ZLapack.ch(vectors ? 'V' : 'N');
    Z.zgeev_(ZLapack.ch('N'), jobvr, pn, pa, pn, pw, vl, one, vr, ldvr, q, s.integer(-1), rwork,
        info, 1, 1);
    int lw = lwork(q);
    Z.zgeev_(ZLapack.ch('N'), jobvr, pn, pa, pn, pw, vl, one, vr, ldvr, s.work(16L * lw),
        s.integer(lw), rwork, info, 1, 1);
    int result = info.getInt(0);
    if (result != 0) {
      return result;
    }
    pw.read(0, w, 2 * wOff, 2 * n);
    if (vectors) {
      back(s, vr, n, n, n, v, vOff);
    }
    return 0;
  }

  /** The assume_a structures numspark solves for complex a. */
  enum Solve { GENERAL, POSITIVE, HERMITIAN, SYMMETRIC, UPPER, LOWER, DIAGONAL, DETECT }

  /**
   * X with A X = B; x holds B on entry (row-major n x k at xOff). Tridiagonal and banded a are
   * solved by LU (zgesv): the same solution without LAPACK's band storage.
   */
  static int solve(Solve kind, int n, int k, boolean lower, double[] a, int aOff, double[] x,
      int xOff, ZWork s) {
    Solve how = kind == Solve.DETECT ? detect(n, a, aOff) : kind;
    if (how == Solve.DIAGONAL) {
      return diagonal(n, k, a, aOff, x, xOff);
    }
    s.begin(16L * n * n + 16L * n * k + 8L * n + 1024);
    Pointer pa = matrix(s, a, aOff, n, n, n);
    Pointer pb = matrix(s, x, xOff, n, k, n);
    Pointer pn = s.integer(n);
    Pointer pk = s.integer(k);
    Pointer ld = s.integer(Math.max(1, n));
    Pointer ipiv = s.ints(n);
    Pointer info = s.integer(0);
    Pointer uplo = ZLapack.ch(lower ? 'L' : 'U');
    switch (how) {
      case GENERAL -> Z.zgesv_(pn, pk, pa, ld, ipiv, pb, ld, info);
      case UPPER, LOWER -> {
        for (int i = 0; i < n; i++) {
          int d = 2 * (aOff + i * n + i);
          if (a[d] == 0.0 && a[d + 1] == 0.0) {
            return i + 1;
          }
        }
        Z.ztrtrs_(ZLapack.ch(how == Solve.LOWER ? 'L' : 'U'), ZLapack.ch('N'), ZLapack.ch('N'),
            pn, pk, pa, ld, pb, ld, info, 1, 1, 1);
      }
      case POSITIVE -> {
        Z.zpotrf_(uplo, pn, pa, ld, info, 1);
        if (info.getInt(0) == 0) {
          Z.zpotrs_(uplo, pn, pk, pa, ld, pb, ld, info, 1);
        }
      }
      case HERMITIAN, SYMMETRIC -> {
        if (kind == Solve.DETECT && how == Solve.HERMITIAN) {
          // as the real path: Cholesky first, Bunch-Kaufman when not positive definite
          Z.zpotrf_(uplo, pn, pa, ld, info, 1);
          if (info.getInt(0) == 0) {
            Z.zpotrs_(uplo, pn, pk, pa, ld, pb, ld, info, 1);
            break;
          }
          ZWork.toColumns(a, aOff, n, n, pa, n, s.tmp(2 * n * n));
          info.setInt(0, 0);
        }
        Pointer q = s.complex(1);
        Pointer minus1 = s.integer(-1);
        boolean her = how == Solve.HERMITIAN;
        if (her) {
          Z.zhesv_(uplo, pn, pk, pa, ld, ipiv, pb, ld, q, minus1, info, 1);
        } else {
          Z.zsysv_(uplo, pn, pk, pa, ld, ipiv, pb, ld, q, minus1, info, 1);
        }
        int lw = lwork(q);
        Pointer work = s.work(16L * lw);
        if (her) {
          Z.zhesv_(uplo, pn, pk, pa, ld, ipiv, pb, ld, work, s.integer(lw), info, 1);
        } else {
          Z.zsysv_(uplo, pn, pk, pa, ld, ipiv, pb, ld, work, s.integer(lw), info, 1);
        }
      }
      default -> throw new IllegalStateException(how.name());
    }
    int result = info.getInt(0);
    if (result == 0) {
      back(s, pb, n, n, k, x, xOff);
    }
    return result;
  }

  /** SciPy's _find_matrix_structure for complex a (tridiagonal goes to LU, see solve). */
  static Solve detect(int n, double[] a, int aOff) {
    int below = 0;
    int above = 0;
    boolean hermitian = true;
    boolean symmetric = true;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        int p = 2 * (aOff + i * n + j);
        int t = 2 * (aOff + j * n + i);
        if (a[p] != 0.0 || a[p + 1] != 0.0) {
          below = Math.max(below, i - j);
          above = Math.max(above, j - i);
        }
        hermitian &= a[p] == a[t] && a[p + 1] == -a[t + 1];
        symmetric &= a[p] == a[t] && a[p + 1] == a[t + 1];
      }
    }
    if (below == 0 && above == 0) {
      return Solve.DIAGONAL;
    }
    if (above == 0) {
      return Solve.LOWER;
    }
    if (below == 0) {
      return Solve.UPPER;
    }
    if (below <= 1 && above <= 1 && n > 3) {
      return Solve.GENERAL;
    }
    return hermitian ? Solve.HERMITIAN : symmetric ? Solve.SYMMETRIC : Solve.GENERAL;
  }

  static int diagonal(int n, int k, double[] a, int aOff, double[] x, int xOff) {
    for (int i = 0; i < n; i++) {
      int d = 2 * (aOff + i * n + i);
      if (a[d] == 0.0 && a[d + 1] == 0.0) {
        return i + 1;
      }
    }
    for (int i = 0; i < n; i++) {
      int d = 2 * (aOff + i * n + i);
      double dr = a[d];
      double di = a[d + 1];
      double den = dr * dr + di * di;
      for (int j = 0; j < k; j++) {
        int p = 2 * (xOff + i * k + j);
        double xr = x[p];
        double xi = x[p + 1];
        x[p] = (xr * dr + xi * di) / den;
        x[p + 1] = (xi * dr - xr * di) / den;
      }
    }
    return 0;
  }

  /** inv(A): zgetrf and zgetri, in place on out (which holds A). */
  static int inv(int n, double[] out, int off, ZWork s) {
    s.begin(16L * n * n + 4L * n + 1024);
    Pointer pa = matrix(s, out, off, n, n, n);
    Pointer pn = s.integer(n);
    Pointer ipiv = s.ints(n);
    Pointer info = s.integer(0);
    Z.zgetrf_(pn, pn, pa, pn, ipiv, info);
    if (info.getInt(0) != 0) {
      return info.getInt(0);
    }
    Pointer q = s.complex(1);
    Z.zgetri_(pn, pa, pn, ipiv, q, s.integer(-1), info);
    int lw = lwork(q);
    Z.zgetri_(pn, pa, pn, ipiv, s.work(16L * lw), s.integer(lw), info);
    if (info.getInt(0) == 0) {
      back(s, pa, n, n, n, out, off);
    }
    return info.getInt(0);
  }

  /**
   * det from zgetrf's diagonal and pivots: out = {det re, det im, sign re, sign im, log|det|}
   * (sign = det / |det|, 0 for a singular matrix).
   */
  static void det(int n, double[] a, int aOff, ZWork s, double[] out) {
    if (n == 0) {
      Assembly.complexDet(0, new double[0], new int[0], 1, out);
      return;
    }
    s.begin(16L * n * n + 4L * n + 1024);
    Pointer pa = matrix(s, a, aOff, n, n, n);
    Pointer pn = s.integer(n);
    Pointer ipiv = s.ints(n);
    Pointer info = s.integer(0);
    Z.zgetrf_(pn, pn, pa, pn, ipiv, info);
    double[] diag = s.tmp(2 * n);
    for (int i = 0; i < n; i++) {
      long at = 16L * (i + (long) i * n);
      diag[2 * i] = pa.getDouble(at);
      diag[2 * i + 1] = pa.getDouble(at + 8);
    }
    Assembly.complexDet(n, diag, ipiv.getIntArray(0, n), 1, out);
  }

  /**
   * zpotrf: the upper U (A = U^H U) or, with lower, L (A = L L^H) into c at off (which holds A);
   * the other triangle is zeroed when {@code clean}, else keeps A's values.
   */
  static int cholesky(int n, boolean lower, boolean clean, double[] c, int off, ZWork s) {
    s.begin(16L * n * n + 1024);
    Pointer pa = matrix(s, c, off, n, n, n);
    Pointer pn = s.integer(n);
    Pointer info = s.integer(0);
    Z.zpotrf_(ZLapack.ch(lower ? 'L' : 'U'), pn, pa, pn, info, 1);
    if (info.getInt(0) != 0) {
      return info.getInt(0);
    }
    double[] keep = clean ? null : java.util.Arrays.copyOfRange(c, 2 * off, 2 * (off + n * n));
    back(s, pa, n, n, n, c, off);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        boolean other = lower ? j > i : j < i;
        if (other) {
          int p = 2 * (off + i * n + j);
          c[p] = clean ? 0.0 : keep[2 * (i * n + j)];
          c[p + 1] = clean ? 0.0 : keep[2 * (i * n + j) + 1];
        }
      }
    }
    return 0;
  }

  /**
   * zgesdd (SciPy's default driver): s (k real at sOff) and, when u != null, u (m x uCols) and
   * vh (vhRows x n), row-major complex.
   */
  static int svd(int m, int n, boolean full, double[] a, int aOff, double[] sv, int sOff,
      double[] u, int uOff, double[] vh, int vhOff, ZWork s) {
    int k = Math.min(m, n);
    boolean vectors = u != null;
    int uCols = full ? m : k;
    int vhRows = full ? n : k;
    s.begin(16L * m * n + 16L * m * uCols + 16L * vhRows * n + 8L * k + 32L * k + 1024);
    Pointer pa = matrix(s, a, aOff, m, n, m);
    Pointer ps = s.doubles(k);
    Pointer pu = s.complex(vectors ? (long) m * uCols : 1);
    Pointer pvt = s.complex(vectors ? (long) vhRows * n : 1);
    Pointer ldu = s.integer(vectors ? Math.max(1, m) : 1);
    Pointer ldvt = s.integer(vectors ? Math.max(1, vhRows) : 1);
    Pointer iwork = s.ints(8L * k);
    Pointer info = s.integer(0);
    Pointer pm = s.integer(m);
    Pointer pn = s.integer(n);
    Pointer jobz = ZLapack.ch(!vectors ? 'N' : full ? 'A' : 'S');
    // zgesdd's rwork: LAPACK 3.7's bound, the largest of its jobz cases.
    long mx = Math.max(m, n);
    long lrwork = vectors ? Math.max(5L * k * k + 5L * k, 2L * mx * k + 2L * k * k + k)
        : 7L * k;
    Pointer q = s.complex(1);
    Pointer rq = s.doubles(1);
    Z.zgesdd_(jobz, pm, pn, pa, pm, ps, pu, ldu, pvt, ldvt, q, s.integer(-1), rq, iwork, info, 1);
    int lw = lwork(q);
    Pointer work = s.work(16L * lw + 8L * Math.max(1, lrwork) + 64);
    Pointer rwork = work.share(16L * lw + 64 - (16L * lw) % 64);
    Z.zgesdd_(jobz, pm, pn, pa, pm, ps, pu, ldu, pvt, ldvt, work, s.integer(lw), rwork, iwork,
        info, 1);
    int result = info.getInt(0);
    if (result != 0) {
      return result;
    }
    ps.read(0, sv, sOff, k);
    if (vectors) {
      back(s, pu, m, m, uCols, u, uOff);
      back(s, pvt, vhRows, vhRows, n, vh, vhOff);
    }
    return 0;
  }

  /**
   * zgelsd (SciPy's default driver): x (row-major n x k at xOff), residues (real, k at resOff,
   * when {@code residues}), singular values (real, min(m, n) at sOff).
   *
   * @return {info, rank}
   */
  static int[] lstsq(int m, int n, int k, double cond, double[] a, int aOff, double[] b,
      int bOff, double[] x, int xOff, double[] res, int resOff, boolean residues, double[] sv,
      int sOff, ZWork s) {
    int ldb = Math.max(1, Math.max(m, n));
    int kMin = Math.min(m, n);
    s.begin(16L * m * n + 16L * ldb * k + 8L * kMin + 1024);
    Pointer pa = matrix(s, a, aOff, m, n, Math.max(1, m));
    Pointer pb = s.complex((long) ldb * k);
    double[] tmp = s.tmp(2 * ldb * k);
    java.util.Arrays.fill(tmp, 0, 2 * ldb * k, 0.0);
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < k; j++) {
        tmp[2 * (i + j * ldb)] = b[2 * (bOff + i * k + j)];
        tmp[2 * (i + j * ldb) + 1] = b[2 * (bOff + i * k + j) + 1];
      }
    }
    pb.write(0, tmp, 0, 2 * ldb * k);
    Pointer ps = s.doubles(kMin);
    Pointer rank = s.integer(0);
    Pointer info = s.integer(0);
    Pointer pm = s.integer(m);
    Pointer pn = s.integer(n);
    Pointer pk = s.integer(k);
    Pointer lda = s.integer(Math.max(1, m));
    Pointer pldb = s.integer(ldb);
    Pointer rcond = s.real(cond);
    Pointer q = s.complex(1);
    Pointer rq = s.doubles(1);
    Pointer iq = s.ints(1);
    Z.zgelsd_(pm, pn, pk, pa, lda, pb, pldb, ps, rcond, rank, q, s.integer(-1), rq, iq, info);
    int lw = lwork(q);
    int lrw = lwork(rq);
    int liw = Math.max(1, iq.getInt(0));
    Pointer work = s.work(16L * lw + 8L * lrw + 4L * liw + 128);
    Pointer rwork = work.share(16L * lw + 64 - (16L * lw) % 64);
    Pointer iwork = rwork.share(8L * lrw + 64 - (8L * lrw) % 64);
    Z.zgelsd_(pm, pn, pk, pa, lda, pb, pldb, ps, rcond, rank, work, s.integer(lw), rwork, iwork,
        info);
    int result = info.getInt(0);
    if (result < 0) {
      throw new IllegalArgumentException(
          "illegal value in " + (-result) + "th argument of internal gelsd");
    }
    if (result > 0) {
      return new int[] {result, rank.getInt(0)};
    }
    ps.read(0, sv, sOff, kMin);
    pb.read(0, tmp, 0, 2 * ldb * k);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < k; j++) {
        x[2 * (xOff + i * k + j)] = tmp[2 * (i + j * ldb)];
        x[2 * (xOff + i * k + j) + 1] = tmp[2 * (i + j * ldb) + 1];
      }
    }
    if (residues) {
      for (int j = 0; j < k; j++) {
        double sum = 0.0;
        for (int i = n; i < m; i++) {
          double re = tmp[2 * (i + j * ldb)];
          double im = tmp[2 * (i + j * ldb) + 1];
          sum += re * re + im * im;
        }
        res[resOff + j] = sum;
      }
    }
    return new int[] {0, rank.getInt(0)};
  }

  /** QR as SciPy: zgeqrf, then zungqr for Q (row-major m x qCols, or null); R rRows x n. */
  static int qr(int m, int n, double[] a, int aOff, double[] q, int qOff, int qCols, double[] r,
      int rOff, int rRows, ZWork s) {
    int k = Math.min(m, n);
    int width = Math.max(n, q == null ? 0 : qCols);
    int lda = Math.max(1, m);
    s.begin(16L * lda * Math.max(1, width) + 16L * k + 1024);
    Pointer pa = s.complex((long) lda * Math.max(1, width));
    double[] tmp = s.tmp(2 * lda * Math.max(1, width));
    java.util.Arrays.fill(tmp, 0, 2 * lda * Math.max(1, width), 0.0);
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        tmp[2 * (i + j * lda)] = a[2 * (aOff + i * n + j)];
        tmp[2 * (i + j * lda) + 1] = a[2 * (aOff + i * n + j) + 1];
      }
    }
    pa.write(0, tmp, 0, 2 * lda * Math.max(1, width));
    Pointer tau = s.complex(k);
    Pointer pm = s.integer(m);
    Pointer pn = s.integer(n);
    Pointer pk = s.integer(k);
    Pointer plda = s.integer(lda);
    Pointer info = s.integer(0);
    Pointer query = s.complex(1);
    Z.zgeqrf_(pm, pn, pa, plda, tau, query, s.integer(-1), info);
    int lw = lwork(query);
    Z.zgeqrf_(pm, pn, pa, plda, tau, s.work(16L * lw), s.integer(lw), info);
    if (info.getInt(0) != 0) {
      return info.getInt(0);
    }
    pa.read(0, tmp, 0, 2 * lda * Math.max(1, width));
    for (int i = 0; i < rRows; i++) {
      for (int j = 0; j < n; j++) {
        int p = 2 * (rOff + i * n + j);
        r[p] = j >= i ? tmp[2 * (i + j * lda)] : 0.0;
        r[p + 1] = j >= i ? tmp[2 * (i + j * lda) + 1] : 0.0;
      }
    }
    if (q == null) {
      return 0;
    }
    Pointer pq = s.integer(qCols);
    Z.zungqr_(pm, pq, pk, pa, plda, tau, query, s.integer(-1), info);
    lw = lwork(query);
    Z.zungqr_(pm, pq, pk, pa, plda, tau, s.work(16L * lw), s.integer(lw), info);
    if (info.getInt(0) != 0) {
      return info.getInt(0);
    }
    back(s, pa, lda, m, qCols, q, qOff);
    return 0;
  }

  /** C = A B (row-major complex m x k times k x n) with zgemm on column-order copies. */
  static void matmul(int m, int n, int k, double[] a, int aOff, double[] b, int bOff, double[] c,
      int cOff, ZWork s) {
    if (m == 0 || n == 0) {
      return;
    }
    if (k == 0) {
      java.util.Arrays.fill(c, 2 * cOff, 2 * (cOff + m * n), 0.0);
      return;
    }
    s.begin(16L * (m * k + k * n + m * n) + 1024);
    Pointer pa = matrix(s, a, aOff, m, k, m);
    Pointer pb = matrix(s, b, bOff, k, n, k);
    Pointer pc = s.complex((long) m * n);
    Pointer one = s.complex(1);
    one.setDouble(0, 1.0);
    one.setDouble(8, 0.0);
    Pointer zero = s.complex(1);
    zero.setDouble(0, 0.0);
    zero.setDouble(8, 0.0);
    Pointer nn = ZLapack.ch('N');
    Z.zgemm_(nn, nn, s.integer(m), s.integer(n), s.integer(k), one, pa, s.integer(m), pb,
        s.integer(k), zero, pc, s.integer(m), 1, 1);
    back(s, pc, m, m, n, c, cOff);
  }
}
