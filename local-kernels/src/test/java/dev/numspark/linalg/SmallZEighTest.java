package dev.numspark.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.numspark.array.NdArray;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The Java Hermitian eigensolver for small orders ({@link SmallZEigh}): for A Hermitian it must
 * give real ascending w and unitary V with A V = V diag(w) to working precision, the eigenspaces of
 * LAPACK's zheevr, and bitwise the same numbers for any workers, triangle or subset. These tests
 * need no OpenBLAS except {@link #agreesWithZheevrAtEveryOrder}, which compares with it.
 */
class SmallZEighTest {
  private static final double EPS = Math.ulp(1.0);

  @Test
  void agreesWithZheevrAtEveryOrder() {
    NativeOnly.require();
    ZLapack.require(); // binds the z-routines
    Random rnd = new Random(21);
    for (int n = 1; n < Batch.THREADED_ORDER; n++) {
      for (boolean lower : new boolean[] {true, false}) {
        double[] a = hermitian(n, rnd);
        double[] w = new double[n];
        double[] v = new double[2 * n * n];
        assertEquals(0, SmallZEigh.eigh(n, lower, 0, n - 1, a, 0, w, 0, v, 0, new Scratch()));
        double[] wz = new double[n];
        double[] vz = new double[2 * n * n];
        assertEquals(0, ZKernels.eigh(n, lower, 0, n - 1, false, a, 0, wz, 0, vz, 0));
        double norm = Math.max(Math.abs(wz[0]), Math.abs(wz[n - 1]));
        for (int j = 0; j < n; j++) {
          assertEquals(wz[j], w[j], 8 * n * EPS * norm, "n=" + n + " w[" + j + "]");
        }
        // each eigenvector's projector v v^H against zheevr's (random spectra are simple)
        for (int j = 0; j < n; j++) {
          double gap = Double.MAX_VALUE;
          for (int k = 0; k < n; k++) {
            gap = k == j ? gap : Math.min(gap, Math.abs(wz[k] - wz[j]));
          }
          double tol = 1e3 * n * EPS * norm / gap;
          assertTrue(projectorDistance(n, v, vz, j) <= tol,
              "n=" + n + " eigenvector " + j + " vs zheevr: " + projectorDistance(n, v, vz, j));
        }
      }
    }
  }

  @Test
  void eigenpairsSatisfyTheDefinitionAtEveryOrder() {
    Random rnd = new Random(4);
    for (int n = 1; n < Batch.THREADED_ORDER; n++) {
      double[] a = hermitian(n, rnd);
      EighResult r = Linalg.eigh(NdArray.complex(a, n, n));
      assertTrue(r.v().isComplex() && !r.w().isComplex());
      assertEigenpairs(n, a, r.w().data(), r.v().data(), 50, "n=" + n);
    }
  }

  @Test
  void degenerateEigenspacesAreZheevrs() {
    // A = U diag(1, 1, 1, 2, 5, 5, 5, 5) U^H: the projector onto each eigenspace is unique
    int n = 8;
    double[] lambda = {1, 1, 1, 2, 5, 5, 5, 5};
    double[] u = unitary(n, new Random(8));
    double[] a = new double[2 * n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        for (int k = 0; k < n; k++) { // sum_k U_ik lambda_k conj(U_jk)
          double re = u[2 * (i * n + k)] * u[2 * (j * n + k)]
              + u[2 * (i * n + k) + 1] * u[2 * (j * n + k) + 1];
          double im = u[2 * (i * n + k) + 1] * u[2 * (j * n + k)]
              - u[2 * (i * n + k)] * u[2 * (j * n + k) + 1];
          a[2 * (i * n + j)] += lambda[k] * re;
          a[2 * (i * n + j) + 1] += lambda[k] * im;
        }
      }
    }
    EighResult r = Linalg.eigh(NdArray.complex(a, n, n));
    double[] w = r.w().data();
    double[] v = r.v().data();
    for (int j = 0; j < n; j++) {
      assertEquals(lambda[j], w[j], 20 * EPS * 5, "w[" + j + "]");
    }
    int[][] groups = {{0, 3}, {3, 4}, {4, 8}};
    for (int[] g : groups) {
      double[] p = projector(n, v, g[0], g[1]);
      double[] q = projector(n, u, g[0], g[1]);
      for (int i = 0; i < p.length; i++) {
        assertEquals(q[i], p[i], 1e-13, "eigenspace of " + lambda[g[0]]);
      }
    }
  }

  @Test
  void twoByTwoHasTheClosedForm() {
    // [[a, b], [conj b, c]]: (a + c)/2 -+ sqrt(((a - c)/2)^2 + |b|^2)
    double a = 1.5;
    double c = -0.25;
    double br = 0.75;
    double bi = -2.0;
    double[] m = {a, 0, br, bi, br, -bi, c, 0};
    double[] w = Linalg.eigh(NdArray.complex(m, 2, 2), true).w().data();
    double root = Math.sqrt((a - c) * (a - c) / 4 + br * br + bi * bi);
    assertEquals((a + c) / 2 - root, w[0], 4 * EPS * root);
    assertEquals((a + c) / 2 + root, w[1], 4 * EPS * root);
  }

  @Test
  void structuredMatricesTakeTheShortcutsCorrectly() {
    Random rnd = new Random(5);
    int n = 9;
    // already tridiagonal with complex off-diagonals: only the phases make it real
    double[] tri = new double[2 * n * n];
    for (int i = 0; i < n; i++) {
      tri[2 * (i * n + i)] = rnd.nextGaussian();
      if (i + 1 < n) {
        double re = rnd.nextGaussian();
        double im = rnd.nextGaussian();
        tri[2 * ((i + 1) * n + i)] = re;
        tri[2 * ((i + 1) * n + i) + 1] = im;
        tri[2 * (i * n + i + 1)] = re;
        tri[2 * (i * n + i + 1) + 1] = -im;
      }
    }
    EighResult r = Linalg.eigh(NdArray.complex(tri, n, n));
    assertEigenpairs(n, tri, r.w().data(), r.v().data(), 50, "tridiagonal");
    // a zero column in the middle, and a diagonal matrix with (ignored) imaginary diagonal parts
    double[] holes = hermitian(n, rnd);
    for (int i = 0; i < n; i++) {
      if (i != 4) {
        holes[2 * (i * n + 4)] = holes[2 * (i * n + 4) + 1] = 0;
        holes[2 * (4 * n + i)] = holes[2 * (4 * n + i) + 1] = 0;
      }
    }
    r = Linalg.eigh(NdArray.complex(holes, n, n));
    assertEigenpairs(n, holes, r.w().data(), r.v().data(), 50, "zero column");
    double[] diag = new double[2 * n * n];
    double[] expected = new double[n];
    for (int i = 0; i < n; i++) {
      expected[i] = n - 2.0 * i;
      diag[2 * (i * n + i)] = expected[i];
      diag[2 * (i * n + i) + 1] = 7.0; // LAPACK reads only the real part of the diagonal
    }
    java.util.Arrays.sort(expected);
    assertArrayEquals(expected, Linalg.eigh(NdArray.complex(diag, n, n), true).w().data());
    double[] zero = new double[2 * n * n];
    r = Linalg.eigh(NdArray.complex(zero, n, n));
    assertArrayEquals(new double[n], r.w().data());
    assertEigenpairs(n, zero, r.w().data(), r.v().data(), 1, "zero matrix");
  }

  @Test
  void onlyTheChosenTriangleIsRead() {
    int n = 6;
    double[] a = hermitian(n, new Random(6));
    double[] lowerOnly = a.clone();
    double[] upperOnly = a.clone();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (j > i) {
          lowerOnly[2 * (i * n + j)] = lowerOnly[2 * (i * n + j) + 1] = 99.0;
        } else if (j < i) {
          upperOnly[2 * (i * n + j)] = upperOnly[2 * (i * n + j) + 1] = -99.0;
        }
      }
    }
    EighResult lo = Linalg.eigh(NdArray.complex(lowerOnly, n, n), true, false, null, true, null);
    EighResult up = Linalg.eigh(NdArray.complex(upperOnly, n, n), false, false, null, true, null);
    assertArrayEquals(lo.w().data(), up.w().data());
    assertArrayEquals(lo.v().data(), up.v().data());
    assertEigenpairs(n, a, lo.w().data(), lo.v().data(), 50, "lower");
  }

  @Test
  void valuesOnlyAndSubsetsAreBitwiseSlicesOfTheFullResult() {
    int n = 12;
    NdArray a = NdArray.complex(hermitian(n, new Random(12)), n, n);
    EighResult full = Linalg.eigh(a);
    assertArrayEquals(full.w().data(), Linalg.eigh(a, true).w().data());
    EighResult sub = Linalg.eigh(a, true, false, new int[] {3, 6}, true, null);
    assertArrayEquals(java.util.Arrays.copyOfRange(full.w().data(), 3, 7), sub.w().data());
    for (int r = 0; r < n; r++) {
      for (int j = 0; j < 4; j++) {
        assertEquals(full.v().data()[2 * (r * n + 3 + j)], sub.v().data()[2 * (r * 4 + j)]);
        assertEquals(full.v().data()[2 * (r * n + 3 + j) + 1],
            sub.v().data()[2 * (r * 4 + j) + 1]);
      }
    }
  }

  @Test
  void extremeScalesNeitherOverflowNorUnderflow() {
    int n = 7;
    double[] a = hermitian(n, new Random(7));
    double[] w = Linalg.eigh(NdArray.complex(a, n, n)).w().data();
    for (double scale : new double[] {1e-300, 1e300}) {
      double[] s = a.clone();
      for (int i = 0; i < s.length; i++) {
        s[i] *= scale;
      }
      EighResult r = Linalg.eigh(NdArray.complex(s, n, n));
      for (int j = 0; j < n; j++) {
        assertEquals(w[j], r.w().data()[j] / scale, 1e-13 * Math.abs(w[n - 1]), "scale " + scale);
      }
      assertEigenpairs(n, a, w, r.v().data(), 50, "vectors at scale " + scale);
    }
  }

  @Test
  void batchesAreBitwiseTheSameForAnyWorkersAndAlone() {
    int n = 8;
    int count = 200;
    Random rnd = new Random(200);
    double[] batch = new double[2 * count * n * n];
    for (int b = 0; b < count; b++) {
      System.arraycopy(hermitian(n, rnd), 0, batch, 2 * b * n * n, 2 * n * n);
    }
    NdArray a = NdArray.complex(batch, count, n, n);
    EighResult one = Linalg.eigh(a, true, false, null, true, 1);
    EighResult two = Linalg.eigh(a, true, false, null, true, 2);
    assertArrayEquals(one.w().data(), two.w().data());
    assertArrayEquals(one.v().data(), two.v().data());
    double[] alone = java.util.Arrays.copyOfRange(batch, 2 * 57 * n * n, 2 * 58 * n * n);
    EighResult single = Linalg.eigh(NdArray.complex(alone, n, n));
    assertArrayEquals(java.util.Arrays.copyOfRange(one.v().data(), 2 * 57 * n * n,
        2 * 58 * n * n), single.v().data());
  }

  @Test
  void nonFiniteInputGivesNaNWithoutCheckFinite() {
    int n = 5;
    double[] a = hermitian(n, new Random(5));
    a[2 * (3 * n + 1)] = Double.NaN;
    EighResult r = Linalg.eigh(NdArray.complex(a, n, n), true, false, null, false, null);
    for (double x : r.w().data()) {
      assertTrue(Double.isNaN(x));
    }
    for (double x : r.v().data()) {
      assertTrue(Double.isNaN(x));
    }
  }

  // ------------------------------------------------------------------ helpers

  /** A random Hermitian matrix, row-major interleaved, entries of both triangles set. */
  static double[] hermitian(int n, Random rnd) {
    double[] a = new double[2 * n * n];
    for (int i = 0; i < n; i++) {
      a[2 * (i * n + i)] = rnd.nextGaussian();
      for (int j = 0; j < i; j++) {
        double re = rnd.nextGaussian();
        double im = rnd.nextGaussian();
        a[2 * (i * n + j)] = re;
        a[2 * (i * n + j) + 1] = im;
        a[2 * (j * n + i)] = re;
        a[2 * (j * n + i) + 1] = -im;
      }
    }
    return a;
  }

  /** A random unitary matrix: Gram-Schmidt (twice, for orthogonality to working precision). */
  private static double[] unitary(int n, Random rnd) {
    double[] u = new double[2 * n * n];
    for (int i = 0; i < u.length; i++) {
      u[i] = rnd.nextGaussian();
    }
    for (int j = 0; j < n; j++) {
      for (int pass = 0; pass < 2; pass++) {
        for (int k = 0; k < j; k++) {
          double re = 0;
          double im = 0;
          for (int i = 0; i < n; i++) { // <u_k, u_j> = sum conj(u_ik) u_ij
            double kr = u[2 * (i * n + k)];
            double ki = u[2 * (i * n + k) + 1];
            double jr = u[2 * (i * n + j)];
            double ji = u[2 * (i * n + j) + 1];
            re += kr * jr + ki * ji;
            im += kr * ji - ki * jr;
          }
          for (int i = 0; i < n; i++) {
            double kr = u[2 * (i * n + k)];
            double ki = u[2 * (i * n + k) + 1];
            u[2 * (i * n + j)] -= re * kr - im * ki;
            u[2 * (i * n + j) + 1] -= re * ki + im * kr;
          }
        }
      }
      double norm = 0;
      for (int i = 0; i < n; i++) {
        norm += u[2 * (i * n + j)] * u[2 * (i * n + j)]
            + u[2 * (i * n + j) + 1] * u[2 * (i * n + j) + 1];
      }
      norm = Math.sqrt(norm);
      for (int i = 0; i < n; i++) {
        u[2 * (i * n + j)] /= norm;
        u[2 * (i * n + j) + 1] /= norm;
      }
    }
    return u;
  }

  /** sum over columns lo..hi-1 of V of v v^H (interleaved n x n). */
  private static double[] projector(int n, double[] v, int lo, int hi) {
    double[] p = new double[2 * n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        for (int g = lo; g < hi; g++) {
          double ar = v[2 * (i * n + g)];
          double ai = v[2 * (i * n + g) + 1];
          double br = v[2 * (j * n + g)];
          double bi = v[2 * (j * n + g) + 1];
          p[2 * (i * n + j)] += ar * br + ai * bi;
          p[2 * (i * n + j) + 1] += ai * br - ar * bi;
        }
      }
    }
    return p;
  }

  private static double projectorDistance(int n, double[] v, double[] vz, int j) {
    double[] p = projector(n, v, j, j + 1);
    double[] q = projector(n, vz, j, j + 1);
    double max = 0;
    for (int i = 0; i < p.length; i++) {
      max = Math.max(max, Math.abs(p[i] - q[i]));
    }
    return max;
  }

  /**
   * max |A V - V diag(w)| &lt;= ulps n eps max(|w|, tiny) and max |V^H V - I| &lt;= ulps n eps, with
   * A V computed here in plain loops (complex matmul itself needs OpenBLAS).
   */
  static void assertEigenpairs(int n, double[] a, double[] w, double[] v, double ulps,
      String what) {
    double norm = 1e-300;
    for (double x : w) {
      norm = Math.max(norm, Math.abs(x));
    }
    double residual = 0;
    double orthogonality = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double re = -v[2 * (i * n + j)] * w[j];
        double im = -v[2 * (i * n + j) + 1] * w[j];
        double gr = i == j ? -1.0 : 0.0;
        double gi = 0;
        for (int k = 0; k < n; k++) {
          double ar = a[2 * (i * n + k)];
          double ai = a[2 * (i * n + k) + 1];
          double vr = v[2 * (k * n + j)];
          double vi = v[2 * (k * n + j) + 1];
          re += ar * vr - ai * vi;
          im += ar * vi + ai * vr;
          double xr = v[2 * (k * n + i)];
          double xi = v[2 * (k * n + i) + 1];
          gr += xr * vr + xi * vi; // (V^H V)_ij = sum conj(V_ki) V_kj
          gi += xr * vi - xi * vr;
        }
        residual = Math.max(residual, Math.hypot(re, im));
        orthogonality = Math.max(orthogonality, Math.hypot(gr, gi));
      }
    }
    assertTrue(residual <= ulps * n * EPS * norm, what + ": |A V - V w| = " + residual);
    assertTrue(orthogonality <= ulps * n * EPS, what + ": |V^H V - I| = " + orthogonality);
  }
}
