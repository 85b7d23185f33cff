package dev.numspark.linalg;

/**
 * Hermitian eigenproblem for small complex matrices (order below {@link Batch#THREADED_ORDER}):
 * a unitary Householder reduction to a Hermitian tridiagonal T, a diagonal unitary D that makes
 * T real (EISPACK htridi's phases), {@link SmallEigh}'s implicit QL on that real symmetric
 * tridiagonal, and the back-transformation V = Q D Z (htribk).
 *
 * <p>Why by hand: netlib's Java LAPACK has no complex routines, so without this the complex eigh
 * needed native OpenBLAS at every order; and for the covariance matrices of sensor arrays (order
 * 4 to 16, thousands per batch, the MUSIC and beamforming workload) a call of zheevr through JNA
 * costs more than the arithmetic. Like {@link SmallEigh} this works on one thread's scratch
 * arrays, allocates nothing per matrix, and is plain Java, so results are bitwise the same on
 * every thread and for eigenvalues with or without vectors.
 *
 * <p>Numerically as zheevr: the matrix is scaled into [RMIN, RMAX] first, each reflection is
 * computed on its column scaled by the column's 1-norm, eigenvalues are real and ascending,
 * eigenvectors orthonormal with LAPACK's freedom of phase. The imaginary parts of the diagonal
 * are ignored, as LAPACK ignores them.
 *
 * <p>Layout: the working matrix is held as separate real and imaginary row-major n x n arrays
 * (unit stride for both parts); eigenvectors are rows of z while QL runs, as in SmallEigh.
 */
final class SmallZEigh {
  private SmallZEigh() {}

  /**
   * Eigenvalues {@code lo..hi} (0-based, inclusive) of the Hermitian matrix whose {@code lower}
   * (else upper) triangle is the row-major interleaved complex n x n slice at complex offset
   * {@code aOff}, into {@code w[wOff]}; when {@code v != null} the matching eigenvectors as
   * columns of the row-major interleaved n x (hi-lo+1) slice at complex offset {@code vOff}.
   * Input with NaN or infinity gives NaN values and vectors, as {@link SmallEigh}.
   *
   * @return 0, or &gt; 0 if QL did not converge (LAPACK's info; not seen for finite input)
   */
  static int eigh(int n, boolean lower, int lo, int hi, double[] a, int aOff, double[] w,
      int wOff, double[] v, int vOff, Scratch s) {
    boolean vectors = v != null;
    int count = hi - lo + 1;
    double[] ar = s.a(n * n);
    double[] ai = s.b(n * n);
    double norm = hermitianCopy(n, lower, a, aOff, ar, ai);
    if (!Double.isFinite(norm)) {
      java.util.Arrays.fill(w, wOff, wOff + count, Double.NaN);
      if (vectors) {
        java.util.Arrays.fill(v, 2 * vOff, 2 * (vOff + n * count), Double.NaN);
      }
      return 0;
    }
    double sigma = norm > 0 && norm < SmallEigh.RMIN ? SmallEigh.RMIN / norm
        : norm > SmallEigh.RMAX ? SmallEigh.RMAX / norm : 1.0;
    if (sigma != 1.0) {
      for (int i = 0; i < n * n; i++) {
        ar[i] *= sigma;
        ai[i] *= sigma;
      }
    }
    // h[k] (0: no reflection at step k), the phases D, then two vectors of scratch.
    double[] t = s.vectors(7 * n);
    double[] d = s.d(n);
    double[] e = s.e(n);
    tridiagonalize(n, ar, ai, t);
    phases(n, ar, ai, d, e, t);
    double[] z = vectors ? s.z(n * n) : null;
    if (vectors) {
      java.util.Arrays.fill(z, 0, n * n, 0.0);
      for (int i = 0; i < n; i++) {
        z[i * n + i] = 1.0;
      }
    }
    int info = SmallEigh.ql(n, d, e, z);
    if (info != 0) {
      return info;
    }
    SmallEigh.sortAscending(n, d, z);
    double unscale = 1.0 / sigma;
    for (int j = 0; j < count; j++) {
      w[wOff + j] = sigma == 1.0 ? d[lo + j] : d[lo + j] * unscale;
    }
    if (vectors) {
      for (int j = 0; j < count; j++) {
        backTransform(n, ar, ai, t, z, (lo + j) * n, v, vOff + j, count);
      }
    }
    return 0;
  }

  /**
   * (ar, ai) = the Hermitian matrix from the chosen triangle, diagonal real.
   *
   * @return the largest |re| or |im| over that triangle; NaN if any entry is not finite
   */
  private static double hermitianCopy(int n, boolean lower, double[] a, int aOff, double[] ar,
      double[] ai) {
    double max = 0.0;
    boolean finite = true;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        // element (i, j) of the lower triangle: stored there, or the conjugate of (j, i)
        int at = 2 * (aOff + (lower ? i * n + j : j * n + i));
        double re = a[at];
        double im = i == j ? 0.0 : lower ? a[at + 1] : -a[at + 1];
        ar[i * n + j] = re;
        ai[i * n + j] = im;
        ar[j * n + i] = re;
        ai[j * n + i] = -im;
        finite &= Double.isFinite(re) && Double.isFinite(im);
        max = Math.max(max, Math.max(Math.abs(re), Math.abs(im)));
      }
    }
    return finite ? max : Double.NaN;
  }

  /**
   * Householder steps k = 0..n-3, each H = I - u u^H / h (Hermitian and unitary) with
   * H x = -phase(x_0) |x| e_1 for x the column below the diagonal, applied from both sides to the
   * trailing block: B := H B H = B - q u^H - u q^H with p = B u / h, K = u^H p / (2h),
   * q = p - K u. Afterwards the diagonal of (ar, ai) is T's, (k+1, k) holds T's subdiagonal,
   * and row k right of the diagonal holds u_k; t[k] = h_k, 0 where no reflection was needed.
   */
  private static void tridiagonalize(int n, double[] ar, double[] ai, double[] t) {
    java.util.Arrays.fill(t, 0, n, 0.0);
    int pOff = 3 * n; // p's real parts at t[3n..4n), imaginary at t[4n..5n)
    for (int k = 0; k < n - 2; k++) {
      int row = k * n;
      // x = column k below the diagonal = the conjugate of row k right of it
      double tail = 0.0;
      for (int r = k + 2; r < n; r++) {
        tail += Math.abs(ar[row + r]) + Math.abs(ai[row + r]);
      }
      if (tail == 0.0) {
        continue; // already tridiagonal in this column: H = I
      }
      double scale = tail + Math.abs(ar[row + k + 1]) + Math.abs(ai[row + k + 1]);
      double sum = 0.0;
      for (int r = k + 1; r < n; r++) {
        // u holds the scaled x = conj(row k); stored in row k itself, which is not read again
        double xr = ar[row + r] / scale;
        double xi = -ai[row + r] / scale;
        ar[row + r] = xr;
        ai[row + r] = xi;
        sum += xr * xr + xi * xi;
      }
      double alpha = Math.sqrt(sum);
      double x0r = ar[row + k + 1];
      double x0i = ai[row + k + 1];
      double a0 = SmallEigh.hypot(x0r, x0i);
      double phr = a0 == 0.0 ? 1.0 : x0r / a0;
      double phi = a0 == 0.0 ? 0.0 : x0i / a0;
      ar[row + k + 1] = phr * (a0 + alpha);
      ai[row + k + 1] = phi * (a0 + alpha);
      double h = alpha * (alpha + a0);
      t[k] = h;
      // T's subdiagonal (k+1, k) = -phase alpha, unscaled; kept below the diagonal
      ar[(k + 1) * n + k] = -phr * alpha * scale;
      ai[(k + 1) * n + k] = -phi * alpha * scale;
      // p = B u / h over the trailing block rows/columns k+1..n-1
      double kk = 0.0;
      for (int i = k + 1; i < n; i++) {
        int bi = i * n;
        double sr = 0.0;
        double si = 0.0;
        for (int j = k + 1; j < n; j++) {
          double ur = ar[row + j];
          double ui = ai[row + j];
          sr += ar[bi + j] * ur - ai[bi + j] * ui;
          si += ar[bi + j] * ui + ai[bi + j] * ur;
        }
        sr /= h;
        si /= h;
        t[pOff + i] = sr;
        t[pOff + n + i] = si;
        kk += ar[row + i] * sr + ai[row + i] * si;
      }
      kk /= 2 * h;
      for (int i = k + 1; i < n; i++) {
        t[pOff + i] -= kk * ar[row + i];
        t[pOff + n + i] -= kk * ai[row + i];
      }
      // B -= q u^H + u q^H
      for (int i = k + 1; i < n; i++) {
        int bi = i * n;
        double qr = t[pOff + i];
        double qi = t[pOff + n + i];
        double uir = ar[row + i];
        double uii = ai[row + i];
        for (int j = k + 1; j < n; j++) {
          double ujr = ar[row + j];
          double uji = ai[row + j];
          double vr = t[pOff + j];
          double vi = t[pOff + n + j];
          ar[bi + j] -= qr * ujr + qi * uji + uir * vr + uii * vi;
          ai[bi + j] -= qi * ujr - qr * uji + uii * vr - uir * vi;
        }
      }
    }
  }

  /**
   * D with D^H T D real: phase_0 = 1, phase_{k+1} = phase_k c_k / |c_k| for T's subdiagonal c_k;
   * the real tridiagonal is then (d, e) with e[k+1] = |c_k|, in {@link SmallEigh#ql}'s
   * convention. Phases go to t[n..3n).
   */
  private static void phases(int n, double[] ar, double[] ai, double[] d, double[] e,
      double[] t) {
    double fr = 1.0;
    double fi = 0.0;
    e[0] = 0.0;
    for (int k = 0; k < n; k++) {
      d[k] = ar[k * n + k];
      t[n + k] = fr;
      t[2 * n + k] = fi;
      if (k == n - 1) {
        break;
      }
      // T(k+1, k): a reflection's -phase alpha, or the (updated) entry where none was needed
      double cr = ar[(k + 1) * n + k];
      double ci = ai[(k + 1) * n + k];
      double c = SmallEigh.hypot(cr, ci);
      e[k + 1] = c;
      if (c != 0.0) {
        double gr = fr * cr / c - fi * ci / c;
        fi = fr * ci / c + fi * cr / c;
        fr = gr;
      }
    }
  }

  /**
   * Eigenvector y = Q D z for the real QL vector in row {@code zRow} of z: y = D z, then the
   * reflections in reverse order, y := H_k y = y - u_k (u_k^H y) / h_k. Written as column
   * {@code vCol} of the row-major interleaved n x count slice at complex offset {@code vOff}.
   */
  private static void backTransform(int n, double[] ar, double[] ai, double[] t, double[] z,
      int zRow, double[] v, int vCol, int count) {
    int yr = 5 * n;
    int yi = 6 * n;
    for (int r = 0; r < n; r++) {
      double x = z[zRow + r];
      t[yr + r] = t[n + r] * x;
      t[yi + r] = t[2 * n + r] * x;
    }
    for (int k = n - 3; k >= 0; k--) {
      double h = t[k];
      if (h == 0.0) {
        continue;
      }
      int row = k * n;
      double sr = 0.0;
      double si = 0.0;
      for (int r = k + 1; r < n; r++) {
        double ur = ar[row + r];
        double ui = ai[row + r];
        sr += ur * t[yr + r] + ui * t[yi + r];
        si += ur * t[yi + r] - ui * t[yr + r];
      }
      sr /= h;
      si /= h;
      for (int r = k + 1; r < n; r++) {
        double ur = ar[row + r];
        double ui = ai[row + r];
        t[yr + r] -= ur * sr - ui * si;
        t[yi + r] -= ur * si + ui * sr;
      }
    }
    for (int r = 0; r < n; r++) {
      int at = 2 * (vCol + r * count);
      v[at] = t[yr + r];
      v[at + 1] = t[yi + r];
    }
  }
}
