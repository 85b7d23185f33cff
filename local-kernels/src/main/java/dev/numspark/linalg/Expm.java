package dev.numspark.linalg;

/**
 * The matrix exponential of one row-major n x n slice by the scaling-and-squaring algorithm of
 * Al-Mohy and Higham (2009), with the Pade degrees, thresholds theta_m, and the backward-error
 * correction ell(A, m) that {@code scipy.linalg.expm} uses. Hand-written because neither LAPACK
 * nor the available libraries have expm; matrix products go to BLAS.
 *
 * <p>Where SciPy estimates norms of matrix powers, this computes them exactly (products it forms
 * anyway, and |A|^p's 1-norm by p vector-matrix products, which is exact for a non-negative
 * matrix), so the choice of degree and scaling can differ from SciPy's in borderline cases; the
 * result agrees to rounding. SciPy's extra recomputation of the diagonal for triangular input
 * (Code Fragment 2.1 of the paper) is not done.
 *
 * <p>complex128 slices (interleaved re, im) run the same code: the Pade coefficients and scaling
 * factors are real, so sums and scalings act on the interleaved doubles alike, the identity adds
 * to real parts, and only products, the solve and |a_ij| differ ({@link #product}, {@link
 * #solvePq}, {@link #abs}). The unit roundoff in ell is 2^-53 for both, as in SciPy.
 */
final class Expm {
  private static final double[] THETA = {
      1.495585217958292e-002, 2.539398330063230e-001, 9.504178996162932e-001,
      2.097847961257068e+000};
  private static final double THETA_13 = 4.25;
  private static final double[] B3 = {120., 60., 12., 1.};
  private static final double[] B5 = {30240., 15120., 3360., 420., 30., 1.};
  private static final double[] B7 = {17297280., 8648640., 1995840., 277200., 25200., 1512., 56.,
      1.};
  private static final double[] B9 = {17643225600., 8821612800., 2075673600., 302702400.,
      30270240., 2162160., 110880., 3960., 90., 1.};
  private static final double[] B13 = {64764752532480000., 32382376266240000., 7771770303897600.,
      1187353796428800., 129060195264000., 10559470521600., 670442572800., 33522128640.,
      1323241920., 40840800., 960960., 16380., 182., 1.};

  /** n of the slices; doubles per element (1 real, 2 complex interleaved re, im). */
  private final int n;
  private final int w;
  /** The complex path's native memory for zgemm and zgesv; null on the real path. */
  private final ZWork z;

  private Expm(int n, ZWork z) {
    this.n = n;
    this.w = z == null ? 1 : 2;
    this.z = z;
  }

  /** exp(A) of the real slice at {@code a/aOff} into {@code out/outOff}. */
  static void expm(int n, double[] a, int aOff, double[] out, int outOff, Scratch scratch) {
    new Expm(n, null).run(a, aOff, out, outOff);
  }

  /**
   * exp(A) of a complex slice (offsets count complex elements): the real path's algorithm with
   * products by zgemm and the Pade solve by zgesv. Native OpenBLAS only, as the other complex
   * functions: numspark has no Java complex matmul or LU, and netlib's Java fallback has no
   * z-routines (the caller's {@link Batch#runComplex} raises NativeLapackUnavailableException).
   */
  static void expmComplex(int n, double[] a, int aOff, double[] out, int outOff, ZWork z) {
    new Expm(n, z).run(a, 2 * aOff, out, 2 * outOff);
  }

  private void run(double[] a, int aOff, double[] out, int outOff) {
    int len = w * n * n;
    double[] aa = java.util.Arrays.copyOfRange(a, aOff, aOff + len);
    if (isDiagonal(aa)) {
      java.util.Arrays.fill(out, outOff, outOff + len, 0.0);
      for (int i = 0; i < n; i++) {
        int d = w * (i * n + i);
        double e = Math.exp(aa[d]);
        double im = w == 2 ? aa[d + 1] : 0.0;
        out[outOff + d] = im == 0 ? e : e * Math.cos(im);
        if (w == 2) {
          out[outOff + d + 1] = im == 0 ? 0.0 : e * Math.sin(im);
        }
      }
      return;
    }
    double[] a2 = product(aa, aa);
    double[] a4 = product(a2, a2);
    double[] a6 = product(a4, a2);
    double d4 = Math.pow(norm1(a4), 0.25);
    double d6 = Math.pow(norm1(a6), 1.0 / 6);
    double eta1 = Math.max(d4, d6);
    double[] x;
    int s = 0;
    if (eta1 <= THETA[0] && ell(aa, 3) == 0) {
      x = pade(B3, aa, a2, a4, a6, 3);
    } else if (eta1 <= THETA[1] && ell(aa, 5) == 0) {
      x = pade(B5, aa, a2, a4, a6, 5);
    } else {
      double[] a8 = product(a4, a4);
      double d8 = Math.pow(norm1(a8), 1.0 / 8);
      double eta3 = Math.max(d6, d8);
      if (eta3 <= THETA[2] && ell(aa, 7) == 0) {
        x = pade(B7, aa, a2, a4, a6, 7);
      } else if (eta3 <= THETA[3] && ell(aa, 9) == 0) {
        x = pade(B9, aa, a2, a4, a6, 9);
      } else {
        double d10 = Math.pow(norm1(product(a4, a6)), 1.0 / 10);
        double eta5 = Math.min(eta3, Math.max(d8, d10));
        s = eta5 == 0 ? 0 : Math.max((int) Math.ceil(log2(eta5 / THETA_13)), 0);
        s += ell(scaled(aa, Math.pow(2, -s)), 13);
        scale(aa, Math.pow(2, -s));
        scale(a2, Math.pow(4, -s));
        scale(a4, Math.pow(16, -s));
        scale(a6, Math.pow(64, -s));
        x = pade13(aa, a2, a4, a6);
      }
    }
    for (int i = 0; i < s; i++) {
      x = product(x, x);
    }
    System.arraycopy(x, 0, out, outOff, len);
  }

  /** Whether every off-diagonal element is zero (SciPy's bandwidth(a) == (0, 0)). */
  private boolean isDiagonal(double[] a) {
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        for (int c = 0; c < w && i != j; c++) {
          if (a[w * (i * n + j) + c] != 0.0) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /** U = A sum b[2j+1] A^2j, V = sum b[2j] A^2j for degree m (3..9), then r = (V-U)^-1 (V+U). */
  private double[] pade(double[] b, double[] a, double[] a2, double[] a4, double[] a6, int m) {
    double[][] powers = {null, a2, a4, a6, m == 9 ? product(a4, a4) : null};
    int len = w * n * n;
    double[] uInner = new double[len];
    double[] v = new double[len];
    for (int i = 0; i < n; i++) {
      uInner[w * (i * n + i)] = b[1];
      v[w * (i * n + i)] = b[0];
    }
    for (int j = 1; 2 * j <= m; j++) {
      double[] p = powers[j];
      for (int i = 0; i < len; i++) {
        uInner[i] += b[2 * j + 1] * p[i];
        v[i] += b[2 * j] * p[i];
      }
    }
    return solvePq(product(a, uInner), v);
  }

  private double[] pade13(double[] a, double[] a2, double[] a4, double[] a6) {
    int len = w * n * n;
    double[] t = new double[len];
    double[] u = new double[len];
    for (int i = 0; i < len; i++) {
      t[i] = B13[13] * a6[i] + B13[11] * a4[i] + B13[9] * a2[i];
      u[i] = B13[12] * a6[i] + B13[10] * a4[i] + B13[8] * a2[i];
    }
    double[] uInner = product(a6, t);
    double[] v = product(a6, u);
    for (int i = 0; i < len; i++) {
      uInner[i] += B13[7] * a6[i] + B13[5] * a4[i] + B13[3] * a2[i];
      v[i] += B13[6] * a6[i] + B13[4] * a4[i] + B13[2] * a2[i];
    }
    for (int i = 0; i < n; i++) {
      uInner[w * (i * n + i)] += B13[1];
      v[w * (i * n + i)] += B13[0];
    }
    return solvePq(product(a, uInner), v);
  }

  /** (V - U) X = V + U by LU; singular Q never happens for the chosen degrees (as in SciPy). */
  private double[] solvePq(double[] u, double[] v) {
    double[] q = new double[u.length];
    double[] x = new double[u.length];
    for (int i = 0; i < u.length; i++) {
      q[i] = v[i] - u[i];
      x[i] = v[i] + u[i];
    }
    int info = z == null ? Solvers.general(n, n, q, 0, x, 0, new Scratch())
        : ZKernels.solve(ZKernels.Solve.GENERAL, n, n, false, q, 0, x, 0, z);
    if (info != 0) {
      throw new LinAlgError("expm: the Pade denominator is singular (LAPACK info=" + info + ")");
    }
    return x;
  }

  /** Al-Mohy and Higham's ell(A, m): extra squarings needed for backward stability. */
  private int ell(double[] a, int m) {
    double[] cRecip = {0, 0, 0, 100800., 0, 10059033600., 0, 4487938430976000., 0,
        5914384781877411840000., 0, 0, 0, 113250775606021113483283660800000000.};
    double absPowerNorm = absPowerNorm1(a, 2 * m + 1);
    if (absPowerNorm == 0) {
      return 0;
    }
    double alpha = absPowerNorm / (norm1(a) * cRecip[m]);
    double u = Math.pow(2, -53);
    int value = (int) Math.ceil(log2(alpha / u) / (2 * m));
    return Math.max(value, 0);
  }

  /** ||(|A|)^p||_1 exactly: the largest entry of e^T |A|^p. */
  private double absPowerNorm1(double[] a, int p) {
    double[] v = new double[n];
    java.util.Arrays.fill(v, 1.0);
    double[] next = new double[n];
    for (int step = 0; step < p; step++) {
      java.util.Arrays.fill(next, 0.0);
      for (int i = 0; i < n; i++) {
        double vi = v[i];
        for (int j = 0; j < n; j++) {
          next[j] += vi * abs(a, i * n + j);
        }
      }
      double[] t = v;
      v = next;
      next = t;
    }
    double max = 0;
    for (double x : v) {
      max = Math.max(max, x);
    }
    return max;
  }

  private double norm1(double[] a) {
    double max = 0;
    for (int j = 0; j < n; j++) {
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += abs(a, i * n + j);
      }
      max = Math.max(max, sum);
    }
    return max;
  }

  /** |a_k| of element k (a complex element's modulus). */
  private double abs(double[] a, int k) {
    return w == 1 ? Math.abs(a[k]) : Math.hypot(a[2 * k], a[2 * k + 1]);
  }

  private double[] product(double[] x, double[] y) {
    double[] c = new double[w * n * n];
    if (z == null) {
      Dense.gemm(n, n, n, x, 0, y, 0, c, 0);
    } else {
      ZKernels.matmul(n, n, n, x, 0, y, 0, c, 0, z);
    }
    return c;
  }

  private static double[] scaled(double[] a, double f) {
    double[] c = a.clone();
    scale(c, f);
    return c;
  }

  private static void scale(double[] a, double f) {
    for (int i = 0; i < a.length; i++) {
      a[i] *= f;
    }
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
