package dev.numspark.linalg;

import dev.ludovic.netlib.lapack.LAPACK;
import org.netlib.util.intW;

/** Per-matrix symmetric and general eigenproblems, SVD and least squares on row-major slices. */
final class Spectral {
  private Spectral() {}

  /**
   * dsyevr (SciPy's default driver) on a copy of A; SciPy's {@code lower} triangle of the row-major
   * A is the upper one in column order. Eigenvalues {@code lo..hi} (0-based, inclusive) go to
   * {@code w}; eigenvectors, when {@code v != null}, are transposed from LAPACK's column order
   * into the row-major n x (hi-lo+1) output (a copy).
   *
   * Small orders use {@link SmallEigh} (tridiagonal QL) instead.
   *
   * @return LAPACK's info
   */
  static int eigh(int n, boolean lower, int lo, int hi, boolean subset, double[] a, int aOff,
      double[] w, int wOff, double[] v, int vOff, Scratch s) {
    if (Batch.small(n)) {
      return SmallEigh.eigh(n, lower, lo, hi, a, aOff, w, wOff, v, vOff, s);
    }
    LAPACK lapack = Backend.lapack();
    double[] c = s.a(n * n);
    System.arraycopy(a, aOff, c, 0, n * n);
    int count = hi - lo + 1;
    boolean vectors = v != null;
    String jobz = vectors ? "V" : "N";
    String range = subset ? "I" : "A";
    String uplo = lower ? "U" : "L";
    // netlib's bounds check sizes z by ldz even for values only: ldz 1, n entries.
    double[] z = vectors ? s.b(n * Math.max(1, count)) : new double[Math.max(1, n)];
    int ldz = vectors ? Math.max(1, n) : 1;
    double[] wAll = new double[n];
    int[] isuppz = new int[2 * Math.max(1, n)];
    intW found = new intW(0);
    intW info = new intW(0);
    double[] query = new double[1];
    int[] iquery = new int[1];
    lapack.dsyevr(jobz, range, uplo, n, c, 0, n, 0.0, 0.0, lo + 1, hi + 1, 0.0, found, wAll, 0,
        z, 0, ldz, isuppz, 0, query, 0, -1, iquery, 0, -1, info);
    int lwork = Dense.lwork(query[0]);
    int liwork = Math.max(1, iquery[0]);
    lapack.dsyevr(jobz, range, uplo, n, c, 0, n, 0.0, 0.0, lo + 1, hi + 1, 0.0, found, wAll, 0,
        z, 0, ldz, isuppz, 0, s.work(lwork), 0, lwork, s.iwork(liwork), 0, liwork,
        info);
    if (info.val != 0) {
      return info.val;
    }
    System.arraycopy(wAll, 0, w, wOff, count);
    if (vectors) {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < count; j++) {
          v[vOff + i * count + j] = z[i + j * n];
        }
      }
    }
    return 0;
  }

  /**
   * dgeev on A transposed into column order (geev works in place, and computing on A itself keeps
   * LAPACK's eigenvalue order and vector normalisation identical to SciPy's). Writes interleaved
   * complex eigenvalues to {@code w} and, when {@code v != null}, complex row-major eigenvectors
   * (columns) to {@code v}.
   *
   * @return LAPACK's info
   */
  static int eig(int n, double[] a, int aOff, double[] w, int wOff, double[] v, int vOff,
      Scratch s) {
    LAPACK lapack = Backend.lapack();
    double[] col = s.a(n * n);
    Dense.transpose(a, aOff, n, n, col, 0);
    boolean vectors = v != null;
    double[] wr = new double[n];
    double[] wi = new double[n];
    double[] vr = vectors ? s.b(n * n) : new double[Math.max(1, n)];
    double[] vl = new double[Math.max(1, n)];
    int ldvr = vectors ? Math.max(1, n) : 1;
    intW info = new intW(0);
    Object lock = Backend.geevLock(lapack);
    if (lock == null) {
      geev(lapack, vectors, n, col, wr, wi, vl, vr, ldvr, s, info);
    } else {
      synchronized (lock) {
        geev(lapack, vectors, n, col, wr, wi, vl, vr, ldvr, s, info);
      }
    }
    if (info.val != 0) {
      return info.val;
    }
    for (int j = 0; j < n; j++) {
      w[wOff + 2 * j] = wr[j];
      w[wOff + 2 * j + 1] = wi[j];
    }
    if (vectors) {
      // A conjugate pair j, j+1 (wi[j] > 0) stores re in column j and im in column j+1.
      for (int j = 0; j < n; j++) {
        boolean pairFirst = wi[j] > 0 && j + 1 < n;
        boolean pairSecond = j > 0 && wi[j] < 0;
        for (int i = 0; i < n; i++) {
          int out = vOff + 2 * (i * n + j);
          if (pairFirst) {
            v[out] = vr[i + j * n];
            v[out + 1] = vr[i + (j + 1) * n];
          } else if (pairSecond) {
            v[out] = vr[i + (j - 1) * n];
            v[out + 1] = -vr[i + j * n];
          } else {
            v[out] = vr[i + j * n];
            v[out + 1] = 0.0;
          }
        }
      }
    }
    return 0;
  }

  private static void geev(LAPACK lapack, boolean vectors, int n, double[] col, double[] wr,
      double[] wi, double[] vl, double[] vr, int ldvr, Scratch s, intW info) {
    double[] query = new double[1];
    String jobvr = vectors ? "V" : "N";
    lapack.dgeev("N", jobvr, n, col, 0, n, wr, 0, wi, 0, vl, 0, 1, vr, 0, ldvr, query,
        0, -1, info);
    int lwork = Dense.lwork(query[0]);
    lapack.dgeev("N", jobvr, n, col, 0, n, wr, 0, wi, 0, vl, 0, 1, vr, 0, ldvr,
        s.work(lwork), 0, lwork, info);
  }

  /**
   * dgelsd's LIWORK: what the workspace query returned, else the documented
   * 3 * minmn * nlvl + 11 * minmn. The query returns it in LAPACK 3.2 and later (OpenBLAS);
   * netlib's Java LAPACK, translated from an older LAPACK, leaves it unset, and a one-element
   * IWORK then fails inside dlalsd.
   */
  private static int gelsdIwork(LAPACK lapack, int m, int n, int queried) {
    int minmn = Math.min(m, n);
    if (queried > 0 || minmn == 0) {
      return Math.max(1, queried);
    }
    int smlsiz = Math.max(1, lapack.ilaenv(9, "DGELSD", " ", 0, 0, 0, 0));
    int nlvl = Math.max(0, (int) (Math.log((double) minmn / (smlsiz + 1)) / Math.log(2)) + 1);
    return 3 * minmn * nlvl + 11 * minmn;
  }

  /**
   * dgesdd (SciPy's default driver) on the row-major A read in column order, which is A^T: from
   * A^T = U' S V'^T follows A = V' S U'^T, and LAPACK's column-order U' and V'^T, read in row
   * order, are exactly A's V^T and U. So LAPACK writes straight into the outputs; only A is copied
   * (gesdd destroys its input).
   *
   * @param full full_matrices; ignored when u == null
   * @return LAPACK's info
   */
  static int svd(int m, int n, boolean full, double[] a, int aOff, double[] sv, int sOff,
      double[] u, int uOff, double[] vt, int vtOff, Scratch s) {
    LAPACK lapack = Backend.lapack();
    int k = Math.min(m, n);
    double[] c = s.a(m * n);
    System.arraycopy(a, aOff, c, 0, m * n);
    boolean vectors = u != null;
    String jobz = !vectors ? "N" : full ? "A" : "S";
    // The column-order problem is n x m: U' is n x (n|k) into vt, V'^T is (m|k) x m into u.
    double[] uPrime = vectors ? vt : new double[Math.max(1, Math.max(m, n))];
    int uPrimeOff = vectors ? vtOff : 0;
    double[] vtPrime = vectors ? u : new double[Math.max(1, Math.max(m, n))];
    int vtPrimeOff = vectors ? uOff : 0;
    int ldu = vectors ? Math.max(1, n) : 1;
    int ldvt = vectors ? Math.max(1, full ? m : k) : 1;
    int[] iwork = s.iwork(8 * Math.max(1, k));
    intW info = new intW(0);
    double[] query = new double[1];
    lapack.dgesdd(jobz, n, m, c, 0, Math.max(1, n), sv, sOff, uPrime, uPrimeOff, ldu, vtPrime,
        vtPrimeOff, ldvt, query, 0, -1, iwork, 0, info);
    int lwork = Dense.lwork(query[0]);
    lapack.dgesdd(jobz, n, m, c, 0, Math.max(1, n), sv, sOff, uPrime, uPrimeOff, ldu, vtPrime,
        vtPrimeOff, ldvt, s.work(lwork), 0, lwork, iwork, 0, info);
    if (info.val == -4) {
      throw new IllegalArgumentException("A has a NaN entry");
    }
    Factorizations.check(info, "gesdd");
    return info.val;
  }

  /**
   * dgelsd (SciPy's default driver): A is transposed into column order and B into a column-order
   * max(m, n) x k block (gelsd works in place and has no transposed form); x is read back.
   *
   * @return {info, rank}
   */
  static int[] lstsq(int m, int n, int k, double cond, double[] a, int aOff, double[] b,
      int bOff, double[] x, int xOff, double[] res, int resOff, boolean residues, double[] sv,
      int sOff, Scratch s) {
    LAPACK lapack = Backend.lapack();
    int lda = Math.max(1, m);
    int ldb = Math.max(1, Math.max(m, n));
    double[] ac = s.a(lda * n);
    Dense.transpose(a, aOff, m, n, ac, 0);
    double[] bc = s.b(ldb * k);
    java.util.Arrays.fill(bc, 0, ldb * k, 0.0);
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < k; j++) {
        bc[i + j * ldb] = b[bOff + i * k + j];
      }
    }
    intW rank = new intW(0);
    intW info = new intW(0);
    double[] query = new double[1];
    int[] iquery = new int[1];
    lapack.dgelsd(m, n, k, ac, 0, lda, bc, 0, ldb, sv, sOff, cond, rank, query, 0, -1, iquery, 0,
        info);
    int lwork = Dense.lwork(query[0]);
    int liwork = gelsdIwork(lapack, m, n, iquery[0]);
    lapack.dgelsd(m, n, k, ac, 0, lda, bc, 0, ldb, sv, sOff, cond, rank, s.work(lwork), 0, lwork,
        s.iwork(liwork), 0, info);
    Factorizations.check(info, "gelsd");
    if (info.val > 0) {
      return new int[] {info.val, rank.val};
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < k; j++) {
        x[xOff + i * k + j] = bc[i + j * ldb];
      }
    }
    if (residues) {
      for (int j = 0; j < k; j++) {
        double sum = 0.0;
        for (int i = n; i < m; i++) {
          double r = bc[i + j * ldb];
          sum += r * r;
        }
        res[resOff + j] = sum;
      }
    }
    return new int[] {0, rank.val};
  }
}
