package dev.numspark.linalg;

import static dev.numspark.linalg.SmallZLuTest.crandn;
import static dev.numspark.linalg.SmallZLuTest.frob;
import static dev.numspark.linalg.SmallZLuTest.mul;
import static dev.numspark.linalg.SmallZLuTest.sub;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.numspark.array.NdArray;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Small complex solves of every structure and Cholesky factors in Java ({@link SmallZSolvers}):
 * the backward error of each solution, L L^H = A and U^H U = A, only the chosen triangle read,
 * SciPy's errors, equality across workers, and agreement with OpenBLAS's zpotrf / zhesv / zsysv /
 * ztrtrs (those tests skip without it). Matrices are row-major interleaved; the arithmetic
 * helpers are SmallZLuTest's.
 */
class SmallZSolversTest {
  private static final double EPS = Math.ulp(1.0);

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 5, 8, 13, 31})
  void everyStructureSolvesWithSmallBackwardError(int n) {
    Random rnd = new Random(300 + n);
    double[] hpd = hpd(n, rnd);
    double[] indefinite = hermitian(n, rnd);
    double[] symmetric = symmetric(n, rnd);
    double[] upper = triangular(n, false, rnd);
    double[] lower = triangular(n, true, rnd);
    Object[][] cases = {
        {"pos", hpd, hpd}, {"her", hpd, hpd}, {"her", indefinite, indefinite},
        {"sym", symmetric, symmetric}, {"upper triangular", upper, upper},
        {"lower triangular", lower, lower}, {null, hpd, hpd}, {null, indefinite, indefinite},
        {null, symmetric, symmetric}, {null, upper, upper}};
    for (Object[] c : cases) {
      String assume = (String) c[0];
      double[] a = (double[]) c[1];
      for (int k : new int[] {1, 3}) {
        double[] b = crandn(rnd, n * k);
        double[] x = Linalg.solve(NdArray.complex(a, n, n), NdArray.complex(b, n, k), assume,
            false, true, null).data();
        double res = frob(sub(mul(a, x, n, n, k), b));
        assertTrue(res <= 64 * n * EPS * frob(a) * frob(x),
            assume + " n=" + n + " k=" + k + ": residual " + res);
      }
    }
  }

  @Test
  void onlyTheChosenTriangleIsRead() {
    int n = 6;
    Random rnd = new Random(6);
    double[] a = hpd(n, rnd);
    double[] b = crandn(rnd, n);
    for (String assume : new String[] {"pos", "her", "sym"}) {
      double[] m = assume.equals("sym") ? symmetric(n, rnd) : a;
      for (boolean lowerTriangle : new boolean[] {false, true}) {
        double[] garbled = m.clone();
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            if (lowerTriangle ? j > i : j < i) {
              garbled[2 * (i * n + j)] = 1e3;
              garbled[2 * (i * n + j) + 1] = -7;
            }
          }
        }
        double[] x = Linalg.solve(NdArray.complex(garbled, n, n), NdArray.complex(b, n),
            assume, lowerTriangle, true, null).data();
        double[] expected = Linalg.solve(NdArray.complex(m, n, n), NdArray.complex(b, n),
            "gen").data();
        for (int i = 0; i < x.length; i++) {
          assertEquals(expected[i], x[i], 1e-11, assume + " lower=" + lowerTriangle);
        }
      }
    }
  }

  @Test
  void choleskyFactorsReproduceTheMatrix() {
    for (int n : new int[] {1, 4, 9, 31}) {
      double[] a = hpd(n, new Random(n));
      NdArray u = Linalg.cholesky(NdArray.complex(a, n, n));
      NdArray l = Linalg.cholesky(NdArray.complex(a, n, n), true);
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          if (j < i) { // U upper, L lower, each cleaned
            assertEquals(0.0, u.real(i * n + j));
            assertEquals(0.0, u.imag(i * n + j));
          } else if (j > i) {
            assertEquals(0.0, l.real(i * n + j));
            assertEquals(0.0, l.imag(i * n + j));
          } else {
            assertTrue(l.real(i * n + i) > 0 && l.imag(i * n + i) == 0.0);
          }
        }
      }
      double tol = 8 * n * EPS * frob(a);
      assertTrue(frob(sub(mul(conjT(u.data(), n), u.data(), n, n, n), a)) <= tol, "U^H U, n=" + n);
      assertTrue(frob(sub(mul(l.data(), conjT(l.data(), n), n, n, n), a)) <= tol, "L L^H, n=" + n);
      // cho_factor's c keeps A's other triangle (clean=False)
      ChoFactor f = Linalg.choFactor(NdArray.complex(a, n, n), true, true, null);
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          assertEquals(a[2 * (i * n + j)], f.c().real(i * n + j));
          assertEquals(a[2 * (i * n + j) + 1], f.c().imag(i * n + j));
        }
      }
    }
  }

  @Test
  void errorsAreScipys() {
    // diag(1, -1, 2): the 2nd leading minor is not positive definite
    double[] indefinite = {1, 0, 0, 0, 0, 0, 0, 0, -1, 0, 0, 0, 0, 0, 0, 0, 2, 0};
    NdArray a = NdArray.complex(indefinite, 3, 3);
    assertEquals("2-th leading minor of the array is not positive definite",
        assertThrows(LinAlgError.class, () -> Linalg.cholesky(a)).getMessage());
    NdArray b = NdArray.complex(new double[] {1, 0, 1, 0, 1, 0}, 3);
    assertTrue(assertThrows(LinAlgError.class, () -> Linalg.solve(a, b, "pos")).getMessage()
        .startsWith("A singular matrix detected"));
    // indefinite but not singular: "her" still solves it
    double[] x = Linalg.solve(a, b, "her").data();
    assertArrayEquals(new double[] {1, 0, -1, 0, 0.5, 0}, x, 1e-15);
    double[] zeroDiagonal = {1, 1, 2, 0, 0, 0, 0, 0}; // upper triangular, (1, 1) = 0
    assertTrue(assertThrows(LinAlgError.class, () -> Linalg.solve(
        NdArray.complex(zeroDiagonal, 2, 2), NdArray.complex(new double[] {1, 0, 1, 0}, 2),
        "upper triangular")).getMessage().contains("[0]"));
    double[] singularHermitian = {1, 0, 1, 0, 1, 0, 1, 0};
    assertThrows(LinAlgError.class, () -> Linalg.solve(NdArray.complex(singularHermitian, 2, 2),
        NdArray.complex(new double[] {1, 0, 1, 0}, 2), "her"));
  }

  @Test
  void batchesAreBitwiseTheSameForAnyWorkers() {
    int n = 7;
    int count = 120;
    Random rnd = new Random(120);
    double[] batch = new double[2 * count * n * n];
    for (int m = 0; m < count; m++) {
      double[] a = m % 3 == 0 ? hpd(n, rnd) : m % 3 == 1 ? hermitian(n, rnd) : symmetric(n, rnd);
      System.arraycopy(a, 0, batch, 2 * m * n * n, 2 * n * n);
    }
    NdArray a = NdArray.complex(batch, count, n, n);
    NdArray b = NdArray.complex(crandn(rnd, count * n * 2), count, n, 2);
    for (String assume : new String[] {null, "her", "sym"}) {
      assertArrayEquals(Linalg.solve(a, b, assume, false, true, 1).data(),
          Linalg.solve(a, b, assume, false, true, 2).data(), String.valueOf(assume));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 5, 8, 16, 31})
  void agreesWithOpenBlas(int n) {
    NativeOnly.require();
    ZLapack.require(); // binds the z-routines
    Random rnd = new Random(400 + n);
    ZWork z = new ZWork();
    Scratch s = new Scratch();
    Object[][] cases = {
        {ZKernels.Solve.POSITIVE, hpd(n, rnd)}, {ZKernels.Solve.HERMITIAN, hermitian(n, rnd)},
        {ZKernels.Solve.SYMMETRIC, symmetric(n, rnd)},
        {ZKernels.Solve.UPPER, triangular(n, false, rnd)},
        {ZKernels.Solve.LOWER, triangular(n, true, rnd)}};
    for (Object[] c : cases) {
      ZKernels.Solve how = (ZKernels.Solve) c[0];
      double[] a = (double[]) c[1];
      for (boolean lower : new boolean[] {false, true}) {
        double[] b = crandn(rnd, 2 * n);
        double[] mine = b.clone();
        double[] theirs = b.clone();
        assertEquals(0, SmallZSolvers.solve(how, n, 2, lower, a, 0, mine, 0, s));
        assertEquals(0, ZKernels.solve(how, n, 2, lower, a, 0, theirs, 0, z));
        double scale = frob(theirs);
        // both are backward stable; modest conditioning here, so the solutions agree closely
        assertTrue(frob(sub(mine, theirs)) <= 1e-10 * scale, how + " n=" + n + " lower=" + lower);
      }
    }
    double[] a = hpd(n, rnd);
    for (boolean lower : new boolean[] {false, true}) {
      double[] mine = a.clone();
      double[] theirs = a.clone();
      assertEquals(0, SmallZSolvers.cholesky(n, lower, true, mine, 0, s));
      assertEquals(0, ZKernels.cholesky(n, lower, true, theirs, 0, z));
      assertTrue(frob(sub(mine, theirs)) <= 16 * n * EPS * frob(theirs), "cholesky n=" + n);
    }
    if (n > 2) { // the same failing leading minor
      double[] bad = hpd(n, rnd);
      bad[2 * (2 * n + 2)] = -100.0 * frob(bad);
      assertEquals(ZKernels.cholesky(n, true, true, bad.clone(), 0, z),
          SmallZSolvers.cholesky(n, true, true, bad.clone(), 0, s));
    }
  }

  // ------------------------------------------------------------------ helpers

  static double[] hermitian(int n, Random rnd) {
    return SmallZEighTest.hermitian(n, rnd);
  }

  /** G G^H / n + I: Hermitian positive definite, well conditioned. */
  static double[] hpd(int n, Random rnd) {
    double[] g = crandn(rnd, n * n);
    double[] a = mul(g, conjT(g, n), n, n, n);
    for (int i = 0; i < a.length; i++) {
      a[i] /= n;
    }
    for (int i = 0; i < n; i++) {
      a[2 * (i * n + i)] += 1.0;
      a[2 * (i * n + i) + 1] = 0.0;
    }
    return a;
  }

  private static double[] symmetric(int n, Random rnd) {
    double[] a = crandn(rnd, n * n);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        a[2 * (j * n + i)] = a[2 * (i * n + j)];
        a[2 * (j * n + i) + 1] = a[2 * (i * n + j) + 1];
      }
      a[2 * (i * n + i)] += n; // keeps it comfortably nonsingular
    }
    return a;
  }

  private static double[] triangular(int n, boolean lower, Random rnd) {
    double[] a = crandn(rnd, n * n);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (lower ? j > i : j < i) {
          a[2 * (i * n + j)] = 0.0;
          a[2 * (i * n + j) + 1] = 0.0;
        }
      }
      a[2 * (i * n + i)] += 2 * n; // well conditioned
    }
    return a;
  }

  static double[] conjT(double[] a, int n) {
    double[] t = new double[a.length];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        t[2 * (j * n + i)] = a[2 * (i * n + j)];
        t[2 * (j * n + i) + 1] = -a[2 * (i * n + j) + 1];
      }
    }
    return t;
  }
}
