package dev.numspark.linalg;

import static dev.numspark.linalg.Golden.assertClose;
import static dev.numspark.linalg.Golden.load;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.numspark.array.NdArray;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * complex128 linear algebra against SciPy's golden files (generate.py's c_* cases). Eigenvectors
 * are checked by invariants: A V = V diag(w), V^H V = I, and the projectors onto each eigenspace
 * (which are unique where the vectors of a degenerate eigenvalue are not).
 */
class ComplexLinalgTest {

  @BeforeEach
  void needsNativeOpenBlas() {
    NativeOnly.require();
  }

  private static double[] conds(String c) {
    return load(c + ".cond").data();
  }

  @ParameterizedTest
  @ValueSource(strings = {"c_general", "c_hermitian", "c_hpd", "c_large", "c_symmetric",
      "c_degenerate"})
  void matchesScipy(String c) {
    NdArray a = load(c + ".a");
    NdArray b = load(c + ".b");
    double[] cond = conds(c);
    assertTrue(a.isComplex());
    assertClose(load(c + ".solve"), Linalg.solve(a, b), cond, c + " solve");
    assertClose(load(c + ".solve_gen"), Linalg.solve(a, b, "gen"), cond, c + " solve gen");
    assertClose(load(c + ".inv"), Linalg.inv(a), cond, c + " inv");
    assertClose(load(c + ".det"), Linalg.det(a), cond, c + " det");
    SlogdetResult sl = Linalg.slogdet(a);
    assertClose(load(c + ".slogdet_sign"), sl.sign(), cond, c + " slogdet sign");
    assertClose(load(c + ".slogdet_log"), sl.logabsdet(), cond, c + " slogdet log");
    assertClose(load(c + ".svdvals"), Linalg.svdvals(a), 1e-10, c + " svdvals");
    assertClose(load(c + ".pinv"), Linalg.pinv(a), cond, c + " pinv");
    for (String ord : new String[] {"fro", "2", "-2", "1", "-1", "inf", "-inf", "nuc"}) {
      // the smallest singular value is as accurate as the condition number allows
      double[] tol = ord.equals("-2") ? cond : new double[0];
      assertClose(load(c + ".norm_" + ord), Linalg.norm(a, ord), tol, c + " norm " + ord);
    }
    NdArray w = Linalg.eig(a, false, true, null).w();
    assertClose(load(c + ".eigvals"), sorted(w), cond, c + " eigvals");
    if (Golden.exists(c + ".eigh")) {
      EighResult e = Linalg.eigh(a);
      assertClose(load(c + ".eigh"), e.w(), 1e-10, c + " eigh w");
      assertEigenvectors(a, e.w(), e.v(), c);
      assertClose(load(c + ".eigh_proj"), projectors(e.w(), e.v()), 1e-9, c + " projectors");
      assertClose(load(c + ".eigh"), Linalg.eigh(a, true).w(), 1e-10, c + " eigvals only");
      assertClose(load(c + ".solve_her"), Linalg.solve(a, b, "her"), cond, c + " solve her");
    }
    if (Golden.exists(c + ".cholesky")) {
      assertClose(load(c + ".cholesky"), Linalg.cholesky(a), 1e-10, c + " cholesky");
      assertClose(load(c + ".solve_pos"), Linalg.solve(a, b, "pos"), cond, c + " solve pos");
      NdArray l = Linalg.cholesky(a, true);
      assertClose(a, Linalg.matmul(l, conjT(l)), 1e-12, c + " L L^H = A");
    }
    int n = a.shape(-1);
    for (String mode : new String[] {"full", "economic"}) {
      QrResult qr = Linalg.qr(a, mode, true, null);
      assertClose(a, Linalg.matmul(qr.q(), qr.r()), 1e-12, c + " Q R = A");
      assertClose(identity(a.shape(), n), Linalg.matmul(conjT(qr.q()), qr.q()), 1e-12,
          c + " Q^H Q = I");
    }
    SvdResult svd = Linalg.svd(a);
    NdArray us = scaleColumns(svd.u(), svd.s());
    assertClose(a, Linalg.matmul(us, svd.vt()), 1e-12, c + " U S V^H = A");
  }

  @ParameterizedTest
  @ValueSource(strings = {"c_lstsq_tall", "c_lstsq_wide", "c_lstsq_rankdef"})
  void leastSquaresMatchScipy(String c) {
    LstsqResult r = Linalg.lstsq(load(c + ".a"), load(c + ".b"));
    double[] eff = load(c + ".lstsq_cond").data();
    assertEquals((int) load(c + ".lstsq_rank").data()[0], r.rank()[0], c + " rank");
    assertClose(load(c + ".lstsq_x"), r.x(), eff, c + " x");
    assertClose(load(c + ".lstsq_res"), r.residues(), eff, c + " residues");
    assertClose(load(c + ".lstsq_s"), r.s(), 1e-10, c + " s");
    assertClose(load(c + ".pinv"), Linalg.pinv(load(c + ".a")), eff, c + " pinv");
  }

  @Test
  void realAndComplexOperandsPromoteAsNumpy() {
    NdArray a = load("c_mixed.a");
    NdArray b = load("c_mixed.b");
    assertTrue(!a.isComplex() && b.isComplex());
    assertClose(load("c_mixed.solve"), Linalg.solve(a, b), 1e-10, "solve");
    assertClose(load("c_mixed.lstsq_x"), Linalg.lstsq(a, b).x(), 1e-10, "lstsq");
    assertClose(load("c_mixed.matmul"), Linalg.matmul(a, b), 1e-14, "matmul");
  }

  @Test
  void vectorNormsMatchScipy() {
    NdArray v = load("c_vector.a");
    assertTrue(v.isComplex());
    for (String ord : new String[] {"2", "1", "inf", "-inf", "0", "3"}) {
      assertClose(load("c_vector.norm_" + ord), Linalg.norm(v, ord), 1e-14, "norm " + ord);
    }
    assertClose(load("c_vector.norm_2"), Linalg.norm(v), 1e-14, "norm");
  }

  @Test
  void zeroDimensionsFollowScipy() {
    // scipy.linalg.svd / qr of a complex 3 x 0 matrix: identity u and q; lstsq with no unknowns:
    // x empty, residues |b|^2 per column
    NdArray empty = NdArray.zeros(true, 3, 0);
    SvdResult s = Linalg.svd(empty);
    assertArrayEquals(new int[] {3, 3}, s.u().shape());
    assertArrayEquals(new int[] {0, 0}, s.vt().shape());
    assertArrayEquals(identity(new int[] {3, 3}, 3).data(), s.u().data());
    assertArrayEquals(identity(new int[] {3, 3}, 3).data(), Linalg.qr(empty).q().data());
    NdArray b = NdArray.complex(new double[] {1, 2, 0, -1, 3, 0}, 3);
    LstsqResult r = Linalg.lstsq(empty, b);
    assertArrayEquals(new int[] {0}, r.x().shape());
    assertArrayEquals(new double[] {1 + 4 + 1 + 9}, r.residues().data());
  }

  @Test
  void batchesAreTheSameForAnyNumberOfWorkers() {
    NdArray a = load("c_hermitian.a");
    EighResult one = Linalg.eigh(a, true, false, null, true, 1);
    EighResult two = Linalg.eigh(a, true, false, null, true, 2);
    assertArrayEquals(one.w().data(), two.w().data());
    assertArrayEquals(one.v().data(), two.v().data());
    for (int i = 0; i < 4; i++) {
      NdArray ai = NdArray.complex(Arrays.copyOfRange(a.data(), i * 72, (i + 1) * 72), 6, 6);
      assertArrayEquals(Arrays.copyOfRange(one.w().data(), i * 6, i * 6 + 6),
          Linalg.eigh(ai).w().data(), "matrix " + i + " alone");
    }
  }

  @Test
  void errorsAreScipys() {
    NdArray singular = NdArray.complex(new double[] {1, 1, 2, 2, 1, 1, 2, 2}, 2, 2);
    assertEquals("A singular matrix detected: slice(s) [0] are singular.",
        assertThrows(LinAlgError.class,
            () -> Linalg.solve(singular, singular, "gen", false, true, null)).getMessage());
    assertThrows(LinAlgError.class, () -> Linalg.inv(singular));
    NdArray notPd = NdArray.complex(new double[] {1, 0, 0, 2, 0, -2, -1, 0}, 2, 2);
    assertEquals("2-th leading minor of the array is not positive definite",
        assertThrows(LinAlgError.class, () -> Linalg.cholesky(notPd)).getMessage());
    NdArray rect = NdArray.complex(new double[12], 2, 3);
    assertEquals("Expected square matrix, got a1.shape=(2, 3)",
        assertThrows(IllegalArgumentException.class, () -> Linalg.inv(rect)).getMessage());
    assertEquals("expected square \"a\" matrix",
        assertThrows(IllegalArgumentException.class, () -> Linalg.eigh(rect)).getMessage());
    NdArray nan = NdArray.complex(new double[] {1, Double.NaN, 0, 0, 0, 0, 1, 0}, 2, 2);
    assertEquals("array must not contain infs or NaNs",
        assertThrows(IllegalArgumentException.class, () -> Linalg.eigh(nan)).getMessage());
    assertEquals("array must not contain infs or NaNs",
        assertThrows(IllegalArgumentException.class,
            () -> Linalg.solve(singular, nan)).getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.001", "0.1", "1", "5", "100", "diag", "upper", "skew", "batch",
      "large", "one"})
  void expmMatchesScipy(String c) {
    NdArray a = load("c_expm_" + c + ".a");
    NdArray e = Linalg.expm(a);
    assertTrue(a.isComplex() && e.isComplex(), c + ": complex128 in and out");
    // normwise per matrix at 1e-10, as the real expm's golden test
    double[] slices = new double[a.size() / (a.shape(-1) * a.shape(-1))];
    Arrays.fill(slices, 1.0);
    assertClose(load("c_expm_" + c + ".expm"), e, slices, "expm " + c);
  }

  @Test
  void expmOfSkewHermitianIsUnitary() {
    // A^H = -A, so exp(A)^H exp(A) = exp(-A) exp(A) = I
    NdArray a = load("c_expm_skew.a");
    NdArray u = Linalg.expm(a);
    assertClose(identity(a.shape(), a.shape(-1)), Linalg.matmul(conjT(u), u), 1e-13,
        "U^H U = I");
    assertClose(identity(a.shape(), a.shape(-1)), Linalg.matmul(u, Linalg.expm(conjT(a))),
        1e-13, "exp(A) exp(A^H) = I");
  }

  @Test
  void expmOfRealValuedComplexInputMatchesTheRealPath() {
    NdArray a = load("expm_5.a");
    NdArray real = Linalg.expm(a);
    NdArray complex = Linalg.expm(a.toComplex());
    assertClose(real.toComplex(), complex, 1e-13, "expm of a + 0i");
    for (int i = 0; i < complex.size(); i++) {
      // zero of either sign: assertEquals(double, double) compares bits, and products such as
      // (-a) * 0 give -0.0 (this CPU's path did on an AVX2 machine, 2026-12-06); any other value
      // still fails
      double im = complex.imag(i);
      assertTrue(im == 0.0, "imaginary part " + i + " is " + im);
    }
  }

  @Test
  void expmOfDiagonalIsExpOfTheDiagonal() {
    NdArray d = NdArray.complex(new double[] {1, Math.PI / 2, 0, 0, 0, 0, -2, 0}, 2, 2);
    NdArray e = Linalg.expm(d);
    assertArrayEquals(new double[] {Math.E * Math.cos(Math.PI / 2), Math.E, 0, 0, 0, 0,
        Math.exp(-2), 0}, e.data());
    assertArrayEquals(identity(new int[] {3, 3}, 3).data(),
        Linalg.expm(NdArray.zeros(true, 3, 3)).data());
  }

  @Test
  void expmBatchesAreTheSameForAnyNumberOfWorkersAndAlone() {
    NdArray a = load("c_expm_batch.a");
    NdArray one = Linalg.expm(a, true, 1);
    assertArrayEquals(one.data(), Linalg.expm(a, true, 2).data());
    for (int i = 0; i < a.shape(0); i++) {
      NdArray ai = NdArray.complex(Arrays.copyOfRange(a.data(), i * 50, (i + 1) * 50), 5, 5);
      assertArrayEquals(Arrays.copyOfRange(one.data(), i * 50, (i + 1) * 50),
          Linalg.expm(ai).data(), "matrix " + i + " alone");
    }
  }

  @Test
  void expmShapesAndErrorsAreThoseOfRealExpm() {
    for (int[] shape : new int[][] {{0, 0}, {0, 4, 4}, {2, 0, 0}}) {
      NdArray e = Linalg.expm(NdArray.zeros(true, shape));
      assertTrue(e.isComplex());
      assertArrayEquals(shape, e.shape());
    }
    assertEquals("Last 2 dimensions of the array must be square",
        assertThrows(IllegalArgumentException.class,
            () -> Linalg.expm(NdArray.complex(new double[12], 2, 3))).getMessage());
    assertEquals("The input array must be at least two-dimensional",
        assertThrows(IllegalArgumentException.class,
            () -> Linalg.expm(NdArray.complex(new double[4], 2))).getMessage());
    NdArray nan = NdArray.complex(new double[] {1, 0, 0, Double.NaN, 0, 0, 1, 0}, 2, 2);
    assertEquals("array must not contain infs or NaNs",
        assertThrows(IllegalArgumentException.class, () -> Linalg.expm(nan)).getMessage());
    assertEquals(2, Linalg.expm(nan, false, null).shape(0));
  }

  // ------------------------------------------------------------------ helpers

  private static void assertEigenvectors(NdArray a, NdArray w, NdArray v, String c) {
    int n = a.shape(-1);
    NdArray av = Linalg.matmul(a, v);
    NdArray vw = scaleColumns(v, w);
    assertClose(av, vw, 1e-10, c + " A V = V diag(w)");
    assertClose(identity(a.shape(), n), Linalg.matmul(conjT(v), v), 1e-12, c + " V^H V = I");
  }

  /** sum over eigenvalue groups (rtol 1e-8) of (first index + 1) * V_g V_g^H, as generate.py. */
  private static NdArray projectors(NdArray w, NdArray v) {
    int n = v.shape(-1);
    int count = v.size() / (n * n);
    double[] out = new double[2 * count * n * n];
    double[] vd = v.data();
    for (int b = 0; b < count; b++) {
      double[] ws = Arrays.copyOfRange(w.data(), b * n, b * n + n);
      int start = 0;
      for (int j = 1; j <= n; j++) {
        if (j == n || Math.abs(ws[j] - ws[start]) > 1e-8 * Math.max(1.0, Math.abs(ws[n - 1]))) {
          for (int r = 0; r < n; r++) {
            for (int col = 0; col < n; col++) {
              double re = 0;
              double im = 0;
              for (int g = start; g < j; g++) {
                int p = 2 * (b * n * n + r * n + g);
                int q = 2 * (b * n * n + col * n + g);
                re += vd[p] * vd[q] + vd[p + 1] * vd[q + 1];
                im += vd[p + 1] * vd[q] - vd[p] * vd[q + 1];
              }
              out[2 * (b * n * n + r * n + col)] += (start + 1) * re;
              out[2 * (b * n * n + r * n + col) + 1] += (start + 1) * im;
            }
          }
          start = j;
        }
      }
    }
    return NdArray.complex(out, v.shape());
  }

  private static NdArray conjT(NdArray x) {
    int[] s = x.shape();
    int r = s[s.length - 2];
    int c = s[s.length - 1];
    int count = x.size() / Math.max(1, r * c);
    double[] out = new double[2 * x.size()];
    for (int b = 0; b < count; b++) {
      for (int i = 0; i < r; i++) {
        for (int j = 0; j < c; j++) {
          out[2 * (b * r * c + j * r + i)] = x.real(b * r * c + i * c + j);
          out[2 * (b * r * c + j * r + i) + 1] = -x.imag(b * r * c + i * c + j);
        }
      }
    }
    int[] t = s.clone();
    t[s.length - 2] = c;
    t[s.length - 1] = r;
    return NdArray.complex(out, t);
  }

  /** Column j of each matrix times s[..., j] (s real). */
  private static NdArray scaleColumns(NdArray x, NdArray s) {
    int[] shape = x.shape();
    int r = shape[shape.length - 2];
    int c = shape[shape.length - 1];
    int k = s.shape(-1);
    double[] out = x.data().clone();
    int count = x.size() / Math.max(1, r * c);
    for (int b = 0; b < count; b++) {
      for (int i = 0; i < r; i++) {
        for (int j = 0; j < c; j++) {
          double f = j < k ? s.data()[b * k + j] : 0.0;
          out[2 * (b * r * c + i * c + j)] *= f;
          out[2 * (b * r * c + i * c + j) + 1] *= f;
        }
      }
    }
    return NdArray.complex(out, shape);
  }

  private static NdArray identity(int[] shape, int n) {
    int[] s = shape.clone();
    s[s.length - 2] = n;
    s[s.length - 1] = n;
    int count = (int) NdArray.elementCount(s) / Math.max(1, n * n);
    double[] out = new double[2 * count * n * n];
    for (int b = 0; b < count; b++) {
      for (int i = 0; i < n; i++) {
        out[2 * (b * n * n + i * n + i)] = 1.0;
      }
    }
    return NdArray.complex(out, s);
  }

  private static NdArray sorted(NdArray w) {
    return NdArray.complex(Golden.sortedPairs(w), w.shape());
  }
}
