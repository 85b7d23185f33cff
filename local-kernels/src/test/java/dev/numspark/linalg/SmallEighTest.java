package dev.numspark.linalg;

import static dev.numspark.linalg.LinalgTest.randn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.numspark.array.NdArray;
import dev.numspark.parallel.NativeBlas;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netlib.util.intW;

/**
 * SmallEigh by the mathematics (A V = V diag(w), V^T V = I, w ascending), against LAPACK's dsyevr
 * for the values, and for the cases that exercise its special paths.
 */
class SmallEighTest {

  /** Symmetric n x n matrices; {@code lower} keeps the lower triangle, garbage above. */
  private static NdArray symmetric(Random rnd, int count, int n, boolean garbageAbove) {
    double[] d = randn(rnd, count * n * n);
    for (int m = 0; m < count; m++) {
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          d[m * n * n + i * n + j] = garbageAbove ? 1e3 : d[m * n * n + j * n + i];
        }
      }
    }
    return NdArray.real(d, count, n, n);
  }

  /** max |A V - V diag(w)| / max |A|, max |V^T V - I|, and that w ascends, for each matrix. */
  private static void assertEigenpairs(NdArray a, EighResult r, double tol, String what) {
    int n = a.shape(-1);
    int k = r.w().shape(-1);
    int count = a.size() / (n * n);
    double[] ad = a.data();
    double[] w = r.w().data();
    double[] v = r.v().data();
    for (int m = 0; m < count; m++) {
      double normA = 0;
      for (int i = 0; i < n; i++) {
        for (int j = 0; j <= i; j++) {
          normA = Math.max(normA, Math.abs(ad[m * n * n + i * n + j]));
        }
      }
      for (int c = 0; c < k; c++) {
        if (c > 0) {
          assertTrue(w[m * k + c - 1] <= w[m * k + c], what + ": ascending");
        }
        for (int i = 0; i < n; i++) {
          double av = 0;
          for (int l = 0; l < n; l++) {
            double x = l <= i ? ad[m * n * n + i * n + l] : ad[m * n * n + l * n + i];
            av += x * v[m * n * k + l * k + c];
          }
          double err = Math.abs(av - w[m * k + c] * v[m * n * k + i * k + c]);
          // plus a few units of the subnormal spacing, the absolute floor of any rounding
          assertTrue(err <= tol * normA + 4 * Double.MIN_VALUE,
              what + ": A v = w v, matrix " + m + " column " + c + " off by " + err);
        }
        for (int c2 = 0; c2 < k; c2++) {
          double dot = 0;
          for (int i = 0; i < n; i++) {
            dot += v[m * n * k + i * k + c] * v[m * n * k + i * k + c2];
          }
          assertEquals(c == c2 ? 1.0 : 0.0, dot, tol, what + ": V^T V = I");
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 7, 16, 31})
  void vectorsDiagonaliseAndValuesMatchLapack(int n) {
    Random rnd = new Random(n);
    NdArray a = symmetric(rnd, 40, n, true);
    EighResult r = Linalg.eigh(a);
    assertEigenpairs(a, r, 1e-13 * n, "n=" + n);
    // LAPACK's dsyevr (f2j) on the same lower triangles.
    double[] expected = new double[40 * n];
    for (int m = 0; m < 40; m++) {
      double[] c = Arrays.copyOfRange(a.data(), m * n * n, (m + 1) * n * n);
      double[] work = new double[26 * n + 64];
      int[] iwork = new int[10 * n + 8];
      NativeBlas.javaLapack().dsyevr("N", "A", "U", n, c, 0, n, 0, 0, 0, 0, 0, new intW(0),
          expected, m * n, new double[n], 0, 1, new int[2 * n], 0, work, 0, work.length, iwork,
          0, iwork.length, new intW(0));
    }
    Golden.assertClose(NdArray.real(expected, 40, n), r.w(), 1e-13, "dsyevr values, n=" + n);
  }

  @Test
  void valuesOnlyAndSubsetsAreBitwiseSlicesOfTheFullResult() {
    Random rnd = new Random(2);
    int n = 16;
    NdArray a = symmetric(rnd, 30, n, false);
    EighResult all = Linalg.eigh(a, true, false, null, true, 1);
    assertArrayEquals(all.w().data(), Linalg.eigh(a, true, true, null, true, 1).w().data(),
        "values with and without vectors");
    EighResult sub = Linalg.eigh(a, true, false, new int[] {3, 9}, true, 2);
    assertArrayEquals(LinalgTest.columns(all.w(), 3, 10).data(), sub.w().data(), "subset w");
    assertArrayEquals(LinalgTest.columns(all.v(), 3, 10).data(), sub.v().data(), "subset v");
    EighResult upper = Linalg.eigh(a, false, false, null, true, 1);
    assertEigenpairs(a, upper, 1e-13 * n, "upper triangle");
    Golden.assertClose(all.w(), upper.w(), 1e-14, "lower vs upper triangle of a symmetric a");
  }

  @Test
  void upperReadsOnlyTheUpperTriangle() {
    // Lower triangle garbage: eigh(a, lower=False) must be eigh of the upper triangle mirrored.
    NdArray a = NdArray.real(new double[] {2, 1, 0, 99, 2, 1, 99, 99, 2}, 3, 3);
    double[] w = Linalg.eigh(a, false, true, null, true, null).w().data();
    double s = Math.sqrt(2);
    assertArrayEquals(new double[] {2 - s, 2, 2 + s}, w, 1e-15);
  }

  @Test
  void degenerateMatricesKeepOrthonormalVectors() {
    int n = 6;
    double[] identity = new double[n * n];
    double[] blocks = new double[n * n];
    for (int i = 0; i < n; i++) {
      identity[i * n + i] = 1.0;
      blocks[i * n + i] = i < 3 ? 2.0 : -1.0;
    }
    blocks[1 * n + 0] = 1.0; // a 2x2 block, then an uncoupled diagonal: tred2's zero-scale rows
    blocks[5 * n + 4] = 1.0;
    for (double[] d : List.of(identity, new double[n * n], blocks)) {
      NdArray a = NdArray.real(d, n, n);
      EighResult r = Linalg.eigh(a);
      assertEigenpairs(a, r, 1e-15 * n, "degenerate");
    }
    assertArrayEquals(new double[] {1, 1, 1, 1, 1, 1}, Linalg.eigh(NdArray.real(identity, n, n))
        .w().data());
    double[] diag = {3, -1, 2, 0, 5, -7};
    double[] d = new double[n * n];
    for (int i = 0; i < n; i++) {
      d[i * n + i] = diag[i];
    }
    assertArrayEquals(new double[] {-7, -1, 0, 2, 3, 5}, Linalg.eigh(NdArray.real(d, n, n))
        .w().data(), "a diagonal matrix: its diagonal, sorted, exactly");
  }

  @Test
  void extremeScalesNeitherOverflowNorUnderflow() {
    Random rnd = new Random(4);
    int n = 9;
    NdArray a = symmetric(rnd, 1, n, false);
    EighResult base = Linalg.eigh(a);
    for (double scale : new double[] {1e300, 1e-300, 0x1p-1060}) {
      double[] d = a.data().clone();
      for (int i = 0; i < d.length; i++) {
        d[i] *= scale;
      }
      NdArray scaled = NdArray.real(d, n, n);
      EighResult r = Linalg.eigh(scaled);
      double[] expected = base.w().data().clone();
      for (int i = 0; i < n; i++) {
        expected[i] *= scale;
      }
      double tol = scale < 1e-307 ? 1e-6 : 1e-13; // subnormal input has lost digits already
      Golden.assertClose(NdArray.real(expected, n), r.w(), tol, "scale " + scale);
      assertEigenpairs(scaled, r, tol * n, "scale " + scale);
    }
  }

  @Test
  void oneByOneAndNonFiniteInput() {
    EighResult one = Linalg.eigh(NdArray.real(new double[] {-3}, 1, 1));
    assertArrayEquals(new double[] {-3}, one.w().data());
    assertArrayEquals(new double[] {1}, one.v().data());
    for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
      NdArray a = NdArray.real(new double[] {2, 1, 0, 1, bad, 1, 0, 1, 3}, 3, 3);
      EighResult r = Linalg.eigh(a, true, false, new int[] {1, 2}, false, 1);
      for (double v : r.w().data()) {
        assertTrue(Double.isNaN(v), "NaN eigenvalues for " + bad);
      }
      for (double v : r.v().data()) {
        assertTrue(Double.isNaN(v), "NaN eigenvectors for " + bad);
      }
    }
  }

  @Test
  void hypotIsAccurateWithoutOverflowOrUnderflow() {
    double[][] cases = {{3, 4}, {1e300, 1e300}, {1e-300, 1e-300}, {1e-170, 3e-171}, {0, 0},
        {-5e-324, 0}, {1e200, 1}, {0.1, -0.7}, {Double.MAX_VALUE, 1}};
    for (double[] c : cases) {
      double expected = Math.hypot(c[0], c[1]);
      double got = SmallEigh.hypot(c[0], c[1]);
      assertEquals(expected, got, Math.ulp(expected), "hypot(" + c[0] + ", " + c[1] + ")");
    }
    assertEquals(Double.POSITIVE_INFINITY, SmallEigh.hypot(Double.POSITIVE_INFINITY, 1));
  }

  @Test
  void resultsAreBitwiseEqualForOneAndTwoWorkers() {
    Random rnd = new Random(6);
    NdArray a = symmetric(rnd, 301, 12, true);
    List<java.util.function.IntFunction<double[]>> ops = List.of(
        w -> Linalg.eigh(a, true, false, null, true, w).v().data(),
        w -> Linalg.eigh(a, true, true, null, true, w).w().data(),
        w -> Linalg.eigh(a, false, false, new int[] {2, 5}, true, w).v().data());
    for (int i = 0; i < ops.size(); i++) {
      assertArrayEquals(ops.get(i).apply(1), ops.get(i).apply(2), "op " + i);
    }
  }
}
