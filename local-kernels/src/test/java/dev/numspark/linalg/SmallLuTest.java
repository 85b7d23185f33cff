package dev.numspark.linalg;

import static dev.numspark.linalg.LinalgTest.randn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ludovic.netlib.lapack.LAPACK;
import dev.numspark.array.NdArray;
import dev.numspark.parallel.NativeBlas;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netlib.util.intW;

/**
 * SmallLu against the f2j LAPACK/BLAS calls it replaces (bitwise), and against the mathematics:
 * residuals, pivot choice, singularity, NaN, and equality across worker counts.
 */
class SmallLuTest {

  /** Random, sparse (zero multipliers), tied, tiny (pivots below dlamch('S')) and NaN input. */
  private static List<double[]> matrices(int n, Random rnd) {
    List<double[]> out = new ArrayList<>();
    out.add(randn(rnd, n * n));
    double[] sparse = randn(rnd, n * n);
    for (int i = 0; i < sparse.length; i++) {
      if (rnd.nextInt(3) == 0) {
        sparse[i] = 0.0;
      }
    }
    out.add(sparse);
    double[] ties = new double[n * n];
    for (int i = 0; i < ties.length; i++) {
      ties[i] = rnd.nextInt(5) - 2;
    }
    out.add(ties);
    double[] tiny = randn(rnd, n * n);
    for (int i = 0; i < tiny.length; i++) {
      tiny[i] *= 1e-309;
    }
    out.add(tiny);
    double[] nan = randn(rnd, n * n);
    nan[rnd.nextInt(nan.length)] = Double.NaN;
    out.add(nan);
    return out;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 5, 8, 13, 31})
  void factorSolveAndInverseAreBitwiseTheF2jLapackPath(int n) {
    Random rnd = new Random(n);
    LAPACK lapack = NativeBlas.javaLapack();
    for (double[] a : matrices(n, rnd)) {
      double[] ours = a.clone();
      double[] theirs = a.clone();
      int[] piv = new int[n];
      int[] ipiv = new int[n];
      int info = SmallLu.factor(n, ours, 0, piv, 0);
      intW lapackInfo = new intW(0);
      lapack.dgetrf(n, n, theirs, 0, n, ipiv, 0, lapackInfo);
      assertArrayEquals(theirs, ours, "dgetrf factors, n=" + n);
      assertEquals(lapackInfo.val, info, "dgetrf info");
      for (int i = 0; i < n; i++) {
        assertEquals(ipiv[i] - 1, piv[i], "pivot " + i);
      }
      if (info != 0) {
        continue;
      }
      for (int k : new int[] {1, 3}) {
        double[] b = randn(rnd, n * k);
        double[] x = b.clone();
        SmallLu.solve(n, k, ours, 0, piv, 0, x, 0);
        double[] y = b.clone();
        NativeBlas.javaBlas().dtrsm("R", "U", "N", "N", k, n, 1.0, theirs, 0, n, y, 0, k);
        NativeBlas.javaBlas().dtrsm("R", "L", "N", "U", k, n, 1.0, theirs, 0, n, y, 0, k);
        for (int i = n - 1; i >= 0; i--) {
          Dense.swapRows(y, 0, k, i, ipiv[i] - 1);
        }
        assertArrayEquals(y, x, "dtrsm solve, n=" + n + ", k=" + k);
      }
      SmallLu.invert(n, ours, 0, piv, 0, new double[n]);
      double[] work = new double[Math.max(1, n * 64)];
      lapack.dgetri(n, theirs, 0, n, ipiv, 0, work, 0, work.length, lapackInfo);
      assertArrayEquals(theirs, ours, "dgetri, n=" + n);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 4, 8, 16, 31})
  void batchedSolveSatisfiesAxEqualsB(int n) {
    Random rnd = new Random(100 + n);
    int count = 50;
    NdArray a = NdArray.real(randn(rnd, count * n * n), count, n, n);
    NdArray b = NdArray.real(randn(rnd, count * n * 2), count, n, 2);
    NdArray x = Linalg.solve(a, b, "gen", false, true, 2);
    double[] ad = a.data();
    double[] xd = x.data();
    double[] bd = b.data();
    for (int m = 0; m < count; m++) {
      double normA = 0;
      double normX = 0;
      for (int i = 0; i < n * n; i++) {
        normA = Math.max(normA, Math.abs(ad[m * n * n + i]));
      }
      for (int i = 0; i < n * 2; i++) {
        normX = Math.max(normX, Math.abs(xd[m * n * 2 + i]));
      }
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < 2; j++) {
          double r = bd[m * n * 2 + i * 2 + j];
          for (int l = 0; l < n; l++) {
            r -= ad[m * n * n + i * n + l] * xd[m * n * 2 + l * 2 + j];
          }
          assertTrue(Math.abs(r) <= 64 * n * Golden.EPS * normA * normX,
              "matrix " + m + " residual " + r);
        }
      }
    }
  }

  @Test
  void pivotIsTheFirstEntryOfLargestMagnitude() {
    // SciPy's lu_factor pivots within columns of A: column 0 is (1, -5, 5): -5 comes first.
    NdArray a = NdArray.real(new double[] {1, 2, 0, -5, 1, 1, 5, 0, 3}, 3, 3);
    LuFactor f = Linalg.luFactor(a);
    assertEquals(1, f.piv()[0], "first of the tied largest |a|");
    assertEquals(-5.0, f.lu().data()[0], "pivot row moved up");
    NdArray x = Linalg.solve(a, NdArray.of(1, 2, 3), "gen");
    NdArray again = Linalg.luSolve(f, NdArray.of(1, 2, 3));
    assertEquals(1.0, x.data()[0] + 2 * x.data()[1], 1e-15, "row 0 of A x = b");
    assertEquals(3.0, 5 * x.data()[0] + 3 * x.data()[2], 1e-15, "row 2 of A x = b");
    assertEquals(2.0, -5 * x.data()[0] + x.data()[1] + x.data()[2], 1e-15, "row 1 of A x = b");
    assertArrayEquals(x.data(), again.data(), 1e-15);
  }

  @Test
  void anExactlyZeroPivotIsSingularWithScipysMessage() {
    // Slices 1 and 3 are singular (a row is twice another); elimination hits an exact zero.
    double[] batch = {
        2, 1, 0, 1, 3, 1, 0, 1, 4,
        1, 2, 4, 2, 4, 8, 1, 1, 1,
        4, 0, 0, 0, 4, 0, 0, 0, 4,
        4, 2, 8, 2, 1, 4, 2, 3, 1};
    NdArray a = NdArray.real(batch, 4, 3, 3);
    NdArray b = NdArray.real(new double[12], 4, 3, 1);
    for (int workers : new int[] {1, 2}) {
      LinAlgError e = assertThrows(LinAlgError.class,
          () -> Linalg.solve(a, b, "gen", false, true, workers));
      assertEquals("A singular matrix detected: slice(s) [1, 3] are singular.", e.getMessage());
      e = assertThrows(LinAlgError.class, () -> Linalg.inv(a, true, workers));
      assertEquals("A singular matrix detected: slice(s) [1, 3] are singular.", e.getMessage());
    }
    double[] det = Linalg.det(a).data();
    assertEquals(64.0, det[2]);
    assertEquals(Double.doubleToLongBits(0.0), Double.doubleToLongBits(det[1]),
        "+0.0, not -0.0, as SciPy");
    assertEquals(Double.doubleToLongBits(0.0), Double.doubleToLongBits(det[3]));
  }

  @Test
  void pivotsBelowTheSafeMinimumDivideInsteadOfMultiplyingByTheirInverse() {
    // 1 / 2e-310 overflows; dgetf2 divides by such a pivot, so the multiplier is exactly 0.5.
    NdArray a = NdArray.real(new double[] {1e-310, 0, 2e-310, 3e-310}, 2, 2);
    LuFactor f = Linalg.luFactor(a);
    assertEquals(1, f.piv()[0]);
    assertEquals(0.5, f.lu().data()[2]);
    for (double v : f.lu().data()) {
      assertTrue(Double.isFinite(v), "finite factors");
    }
  }

  @Test
  void oneByOneAndNaNFollowLapack() {
    NdArray one = NdArray.real(new double[] {-4}, 1, 1);
    assertEquals(-0.5, Linalg.solve(one, NdArray.of(2.0), "gen").data()[0]);
    assertEquals(-0.25, Linalg.inv(one).data()[0]);
    assertEquals(-4.0, Linalg.det(one).data()[0]);
    NdArray nan = NdArray.real(new double[] {2, 1, 0, 1, Double.NaN, 1, 0, 1, 3}, 3, 3);
    for (double v : Linalg.solve(nan, NdArray.of(1, 2, 3), "gen", false, false, 1).data()) {
      assertTrue(Double.isNaN(v), "NaN propagates through the solve");
    }
    assertTrue(Double.isNaN(Linalg.det(nan, false, 1).data()[0]));
  }

  @Test
  void everyLuKernelIsBitwiseEqualForOneAndTwoWorkers() {
    Random rnd = new Random(9);
    int count = 501;
    int n = 7;
    NdArray a = NdArray.real(randn(rnd, count * n * n), count, n, n);
    NdArray b = NdArray.real(randn(rnd, count * n), count, n, 1);
    List<java.util.function.IntFunction<double[]>> ops = List.of(
        w -> Linalg.solve(a, b, "gen", false, true, w).data(),
        w -> Linalg.inv(a, true, w).data(),
        w -> Linalg.det(a, true, w).data(),
        w -> Linalg.slogdet(a, true, w).logabsdet().data(),
        w -> Linalg.luFactor(a, true, w).lu().data());
    for (int i = 0; i < ops.size(); i++) {
      assertArrayEquals(ops.get(i).apply(1), ops.get(i).apply(2), "op " + i);
    }
  }
}
