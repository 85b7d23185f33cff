package dev.numspark.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Pointer;
import dev.numspark.array.NdArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SmallZLu (complex LU below order 32) against the mathematics: backward error of solve, A
 * inv(A) = I, det of matrices with a known determinant, pivoting by |re| + |im|, singularity,
 * NaN, operands near overflow and underflow, and equality across worker counts; and against
 * native OpenBLAS's zgesv / zgetrf / zgetri (those tests skip without it). Only the native
 * comparisons need OpenBLAS: the rest run, and must pass, in a JVM without it.
 *
 * <p>Complex matrices are interleaved (re, im) and row-major unless a test says column-major.
 */
class SmallZLuTest {
  private static final double EPS = Math.ulp(1.0);

  // ------------------------------------------------------------------ math, no OpenBLAS needed

  /**
   * Backward stability of LU with partial pivoting: ||A X - B|| <= c n eps ||A|| ||X|| for a
   * modest c (growth of random matrices is small), whatever the conditioning.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 7, 8, 13, 16, 31})
  void solveHasSmallBackwardError(int n) {
    Random rnd = new Random(100 + n);
    for (double[] a : matrices(n, rnd)) {
      for (int k : new int[] {1, 3}) {
        double[] b = crandn(rnd, n * k);
        NdArray x = Linalg.solve(NdArray.complex(a, n, n), NdArray.complex(b, n, k), "gen");
        double res = frob(sub(mul(a, x.data(), n, n, k), b));
        assertTrue(res <= 32 * n * EPS * frob(a) * frob(x.data()),
            "n=" + n + " k=" + k + " residual " + res);
      }
    }
  }

  /** inv(A) is a right inverse: ||A inv(A) - I|| <= c n eps ||A|| ||inv(A)||. */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 5, 8, 17, 31})
  void inverseTimesMatrixIsIdentity(int n) {
    Random rnd = new Random(200 + n);
    for (double[] a : matrices(n, rnd)) {
      double[] inv = Linalg.inv(NdArray.complex(a, n, n)).data();
      double res = frob(sub(mul(a, inv, n, n, n), identity(n)));
      assertTrue(res <= 32 * n * EPS * frob(a) * frob(inv), "n=" + n + " residual " + res);
    }
  }

  /**
   * det(P U) = sign(P) prod(u_ii) for a row permutation P of an upper triangular U with a known
   * complex diagonal: factoring it has no rounding in U's diagonal beyond the product's.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 4, 9, 31})
  void detOfPermutedTriangularMatrix(int n) {
    Random rnd = new Random(300 + n);
    double[] u = new double[2 * n * n];
    double pr = 1.0;
    double pi = 0.0;
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        u[2 * (i * n + j)] = i == j ? 1 + rnd.nextInt(3) : rnd.nextGaussian();
        u[2 * (i * n + j) + 1] = i == j ? rnd.nextInt(3) - 1 : rnd.nextGaussian();
      }
      double dr = u[2 * (i * n + i)];
      double di = u[2 * (i * n + i) + 1];
      double t = pr * dr - pi * di;
      pi = pr * di + pi * dr;
      pr = t;
    }
    // a cyclic shift of the rows: n - 1 transpositions
    double[] a = new double[2 * n * n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(u, 2 * i * n, a, 2 * ((i + 1) % n) * n, 2 * n);
    }
    double sign = (n - 1) % 2 == 0 ? 1.0 : -1.0;
    NdArray m = NdArray.complex(a, n, n);
    NdArray det = Linalg.det(m);
    double scale = Math.hypot(pr, pi);
    assertEquals(sign * pr, det.real(0), 1e-12 * scale, "det re n=" + n);
    assertEquals(sign * pi, det.imag(0), 1e-12 * scale, "det im n=" + n);
    SlogdetResult sl = Linalg.slogdet(m);
    assertEquals(sign * pr / scale, sl.sign().real(0), 1e-13, "sign re");
    assertEquals(sign * pi / scale, sl.sign().imag(0), 1e-13, "sign im");
    assertEquals(Math.log(scale), sl.logabsdet().real(0), 1e-12 * Math.max(1, Math.log(scale)));
  }

  @Test
  void emptyMatrixHasDeterminantOne() {
    NdArray a = NdArray.complex(new double[0], 2, 0, 0);
    NdArray det = Linalg.det(a);
    assertArrayEquals(new double[] {1, 0, 1, 0}, det.data());
    SlogdetResult sl = Linalg.slogdet(a);
    assertArrayEquals(new double[] {1, 0, 1, 0}, sl.sign().data());
    assertArrayEquals(new double[] {0, 0}, sl.logabsdet().data());
  }

  /**
   * izamax picks the first largest |re| + |im|, not the largest modulus: in column 0 of M,
   * 4 (modulus 4, |re| + |im| 4) loses to 2.5 + 2.5i (modulus 3.54, |re| + |im| 5).
   */
  @Test
  void pivotsByAbsoluteRealPlusAbsoluteImaginary() {
    int n = 3;
    // column-major M: column 0 = (4, 2.5 + 2.5i, 1), column 1 = (0, 0, 3 + 3i) + multiples
    double[] m = {
        4, 0, 2.5, 2.5, 1, 0,
        0, 0, 0, 0, 6, 0,
        1, 0, 2, 0, 3, 0};
    int[] piv = new int[n];
    int info = SmallZLu.factor(n, m, 0, piv, 0, new double[2]);
    assertEquals(0, info);
    assertEquals(1, piv[0], "|re| + |im| picks row 1 where the modulus would pick row 0");
    // after the swap and elimination column 1's rows 1..2 are 0 and 6: row 2
    assertEquals(2, piv[1]);
    assertEquals(2, piv[2]);
    // L's first multipliers: 4 / (2.5 + 2.5i) = 0.8 - 0.8i and 1 / (2.5 + 2.5i) = 0.2 - 0.2i
    // (row 2 was swapped into row 1 at step 1)
    assertEquals(0.2, m[2], 1e-15);
    assertEquals(-0.2, m[3], 1e-15);
    assertEquals(0.8, m[4], 1e-15);
    assertEquals(-0.8, m[5], 1e-15);
  }

  /**
   * An exactly zero pivot: info is its 1-based column, the first one; Linalg raises SciPy's
   * message naming the singular slices, det is 0 and slogdet (0, -inf).
   */
  @Test
  void singularMatricesReportTheFirstZeroPivot() {
    int n = 4;
    Random rnd = new Random(7);
    // column-major M: column 2 = (1 + i) column 0 - 2 column 1, with pivots 2 and 4 (powers of
    // two: exact multipliers, so elimination leaves U(2, 2) exactly zero); column 3 random
    double[] m = new double[2 * n * n];
    double[] c0 = {2, 0, 1, 0, 1, 1, 0, 0};
    double[] c1 = {0, 0, 4, 0, 2, 0, 1, 0};
    System.arraycopy(c0, 0, m, 0, 2 * n);
    System.arraycopy(c1, 0, m, 2 * n, 2 * n);
    for (int i = 0; i < n; i++) {
      double ar = c0[2 * i];
      double ai = c0[2 * i + 1];
      m[2 * (2 * n + i)] = ar - ai - 2 * c1[2 * i];
      m[2 * (2 * n + i) + 1] = ar + ai - 2 * c1[2 * i + 1];
    }
    for (int i = 2 * 3 * n; i < 2 * n * n; i++) {
      m[i] = rnd.nextInt(7) - 3;
    }
    double[] f = m.clone();
    assertEquals(3, SmallZLu.factor(n, f, 0, new int[n], 0, new double[2]));
    double[] zero = new double[2 * n * n];
    assertEquals(1, SmallZLu.factor(n, zero, 0, new int[n], 0, new double[2]));
    // a column of zeros after one good one: info 2, and later zero pivots do not overwrite it
    double[] two = new double[2 * n * n];
    two[0] = 1;
    assertEquals(2, SmallZLu.factor(n, two, 0, new int[n], 0, new double[2]));

    // Linalg: batch of (good, singular); m read row-major is M^T, singular too
    double[] batch = new double[4 * n * n];
    double[] good = crandn(rnd, n * n);
    System.arraycopy(good, 0, batch, 0, 2 * n * n);
    System.arraycopy(m, 0, batch, 2 * n * n, 2 * n * n);
    NdArray a = NdArray.complex(batch, 2, n, n);
    NdArray b = NdArray.complex(crandn(rnd, n), n);
    for (int workers : new int[] {1, 2}) {
      LinAlgError e = assertThrows(LinAlgError.class,
          () -> Linalg.solve(a, b, "gen", false, true, workers));
      assertEquals("A singular matrix detected: slice(s) [1] are singular.", e.getMessage());
      e = assertThrows(LinAlgError.class, () -> Linalg.solve(a, b, null, false, true, workers));
      assertEquals("A singular matrix detected: slice(s) [1] are singular.", e.getMessage());
      e = assertThrows(LinAlgError.class, () -> Linalg.inv(a, true, workers));
      assertEquals("A singular matrix detected: slice(s) [1] are singular.", e.getMessage());
    }
    NdArray det = Linalg.det(a);
    assertEquals(0.0, det.real(1));
    assertEquals(0.0, det.imag(1));
    assertTrue(Math.hypot(det.real(0), det.imag(0)) > 0);
    SlogdetResult sl = Linalg.slogdet(a);
    assertEquals(0.0, sl.sign().real(1));
    assertEquals(0.0, sl.sign().imag(1));
    assertEquals(Double.NEGATIVE_INFINITY, sl.logabsdet().real(1));
    assertEquals(1.0, Math.hypot(sl.sign().real(0), sl.sign().imag(0)), 1e-15);
  }

  /** NaN with checkFinite false: no exception, no hang, and the NaN reaches the result. */
  @Test
  void nanInputPropagates() {
    int n = 5;
    Random rnd = new Random(11);
    for (int at : new int[] {0, 7, 2 * n * n - 1}) {
      double[] a = crandn(rnd, n * n);
      a[at] = Double.NaN;
      NdArray m = NdArray.complex(a, n, n);
      NdArray b = NdArray.complex(crandn(rnd, n * 2), n, 2);
      assertTrue(hasNaN(Linalg.solve(m, b, "gen", false, false, null).data()), "solve " + at);
      assertTrue(hasNaN(Linalg.solve(m, b, null, false, false, 2).data()), "detect " + at);
      assertTrue(hasNaN(Linalg.inv(m, false, null).data()), "inv " + at);
      assertTrue(hasNaN(Linalg.det(m, false, null).data()), "det " + at);
    }
    double[] bNan = crandn(rnd, n);
    bNan[3] = Double.NaN;
    NdArray x = Linalg.solve(NdArray.complex(crandn(rnd, n * n), n, n),
        NdArray.complex(bNan, n), "gen", false, false, null);
    assertTrue(hasNaN(x.data()));
  }

  /**
   * (a + ib) / (c + id) with |c + id| near the overflow and underflow thresholds: the textbook
   * formula squares c and d (inf or 0) and returns 0 or inf; zladiv scales first.
   */
  @Test
  void complexDivisionDoesNotOverflow() {
    double[] q = new double[2];
    SmallZLu.divide(1, 0, 1e300, 1e300, q, 0);
    assertEquals(0.5e-300, q[0], 1e-315);
    assertEquals(-0.5e-300, q[1], 1e-315);
    SmallZLu.divide(1, 0, 1e-300, -1e-300, q, 0);
    assertEquals(0.5e300, q[0], 1e285);
    assertEquals(0.5e300, q[1], 1e285);
    SmallZLu.divide(1e300, 1e300, 1e300, -1e300, q, 0); // (1 + i) / (1 - i) = i
    assertEquals(0.0, q[0], 1e-16);
    assertEquals(1.0, q[1], 2 * EPS);
    // ordinary operands, both branches: accurate normwise (a part that cancels, as 2 - 3 (4/5)
    // in the imaginary part here, is accurate relative to the modulus, not to itself)
    SmallZLu.divide(2, 3, 4, 5, q, 0);
    double tol = 4 * EPS * Math.hypot(23.0, 2.0) / 41.0;
    assertEquals(23.0 / 41.0, q[0], tol);
    assertEquals(2.0 / 41.0, q[1], tol);
    SmallZLu.divide(2, 3, 5, 4, q, 0); // |d| < |c| branch
    tol = 4 * EPS * Math.hypot(22.0, 7.0) / 41.0;
    assertEquals(22.0 / 41.0, q[0], tol);
    assertEquals(7.0 / 41.0, q[1], tol);
  }

  /**
   * A = D R with well-conditioned R and entries scaled by 1e300, 1e-300 or a mix of both per
   * row: X of A X = D (R X0) is X0 to R's accuracy (LU of A^T is invariant under A's row
   * scaling), inv(s R) = inv(R) / s, and slogdet adds n log s. A squared modulus anywhere would
   * overflow or underflow here.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 6, 31})
  void entriesNearOverflowAndUnderflow(int n) {
    Random rnd = new Random(400 + n);
    double[] r = wellConditioned(n, rnd);
    double[] x0 = crandn(rnd, n * 2);
    double[] rx = mul(r, x0, n, n, 2);
    double[] rInv = Linalg.inv(NdArray.complex(r, n, n)).data();
    SlogdetResult rDet = Linalg.slogdet(NdArray.complex(r, n, n));
    for (String how : new String[] {"1e300", "1e-300", "mixed"}) {
      double[] d = new double[n];
      for (int i = 0; i < n; i++) {
        d[i] = how.equals("1e300") ? 1e300 : how.equals("1e-300") ? 1e-300
            : i % 2 == 0 ? 1e300 : 1e-300;
      }
      double[] a = scaleRows(r, d, n, n);
      double[] b = scaleRows(rx, d, n, 2);
      double[] x = Linalg.solve(NdArray.complex(a, n, n), NdArray.complex(b, n, 2), "gen").data();
      assertClose(x0, x, 1e-12, how + " solve n=" + n);
      if (!how.equals("mixed")) {
        double s = d[0];
        double[] inv = Linalg.inv(NdArray.complex(a, n, n)).data();
        double[] expected = rInv.clone();
        for (int i = 0; i < expected.length; i++) {
          expected[i] /= s;
        }
        assertClose(expected, inv, 1e-12, how + " inv n=" + n);
        SlogdetResult sl = Linalg.slogdet(NdArray.complex(a, n, n));
        assertEquals(rDet.sign().real(0), sl.sign().real(0), 1e-12, how);
        assertEquals(rDet.sign().imag(0), sl.sign().imag(0), 1e-12, how);
        double log = rDet.logabsdet().real(0) + n * Math.log(s);
        assertEquals(log, sl.logabsdet().real(0), 1e-12 * Math.abs(log), how);
      }
    }
  }

  /**
   * Pivots below dlamch('S') (subnormal, 2^-1030 times small integers, so every entry and B are
   * exact): the reciprocal would overflow, so zgetf2 divides by the pivot instead, and the
   * solution is still the integer X0 up to the rounding of subnormal products (~2^-45).
   */
  @Test
  void pivotsBelowSafeMinimumAreDividedBy() {
    int n = 6;
    Random rnd = new Random(5);
    double[] r = new double[2 * n * n];
    for (int i = 0; i < r.length; i++) {
      r[i] = rnd.nextInt(9) - 4;
    }
    for (int i = 0; i < n; i++) {
      r[2 * (i * n + i)] = 40 + i;
    }
    double[] x0 = new double[2 * n];
    for (int i = 0; i < x0.length; i++) {
      x0[i] = rnd.nextInt(9) - 4;
    }
    double[] b = mul(r, x0, n, n, 1);
    double tiny = 0x1p-1030;
    for (int i = 0; i < r.length; i++) {
      r[i] *= tiny;
    }
    for (int i = 0; i < b.length; i++) {
      b[i] *= tiny;
    }
    assertTrue(r[0] < Double.MIN_NORMAL && r[0] > 0);
    double[] x = Linalg.solve(NdArray.complex(r, n, n), NdArray.complex(b, n), "gen").data();
    assertClose(x0, x, 1e-10, "subnormal solve");
    // log|det| = log|det R| - 1030 n log 2 (the determinant itself underflows to 0)
    SlogdetResult sl = Linalg.slogdet(NdArray.complex(r, n, n));
    double[] unscaled = r.clone();
    for (int i = 0; i < unscaled.length; i++) {
      unscaled[i] /= tiny;
    }
    double log = Linalg.slogdet(NdArray.complex(unscaled, n, n)).logabsdet().real(0)
        - 1030 * n * Math.log(2);
    assertEquals(log, sl.logabsdet().real(0), 1e-12 * Math.abs(log));
  }

  /** Pure Java on every thread: the same bits for any split of a batch over workers. */
  @Test
  void batchIsBitwiseTheSameForAnyWorkers() {
    int n = 7;
    int count = 200;
    Random rnd = new Random(13);
    NdArray a = NdArray.complex(crandn(rnd, count * n * n), count, n, n);
    NdArray b = NdArray.complex(crandn(rnd, count * n * 3), count, n, 3);
    NdArray bv = NdArray.complex(crandn(rnd, n), n);
    double[] x1 = Linalg.solve(a, b, "gen", false, true, 1).data();
    double[] x2 = Linalg.solve(a, b, "gen", false, true, 2).data();
    assertArrayEquals(x1, x2, "solve");
    assertArrayEquals(Linalg.solve(a, bv, null, false, true, 1).data(),
        Linalg.solve(a, bv, null, false, true, 2).data(), "solve detect");
    assertArrayEquals(Linalg.inv(a, true, 1).data(), Linalg.inv(a, true, 2).data(), "inv");
    assertArrayEquals(Linalg.det(a, true, 1).data(), Linalg.det(a, true, 2).data(), "det");
    SlogdetResult s1 = Linalg.slogdet(a, true, 1);
    SlogdetResult s2 = Linalg.slogdet(a, true, 2);
    assertArrayEquals(s1.sign().data(), s2.sign().data());
    assertArrayEquals(s1.logabsdet().data(), s2.logabsdet().data());
    // and the same as one matrix at a time (the arithmetic depends on the order alone)
    NdArray x7 = Linalg.solve(NdArray.complex(slice(a.data(), 7, 2 * n * n), n, n),
        NdArray.complex(slice(b.data(), 7, 2 * n * 3), n, 3), "gen");
    assertArrayEquals(slice(x1, 7, 2 * n * 3), x7.data());
  }

  /**
   * The small paths never ask for native OpenBLAS (ZLapack.require): general, DETECT finding
   * general or diagonal, and diagonal solve, inv, det, slogdet all run here whether or not it is
   * loaded (SmallZSolversTest covers the other structures); without it, order 32 still raises
   * NativeLapackUnavailableException, which shows the JVM really lacked it.
   */
  @Test
  void smallPathsNeedNoNativeOpenBlas() {
    Random rnd = new Random(17);
    int n = 5;
    double[] general = crandn(rnd, n * n);
    double[] diagonal = new double[2 * n * n];
    for (int i = 0; i < n; i++) {
      diagonal[2 * (i * n + i)] = 1 + i;
      diagonal[2 * (i * n + i) + 1] = -i;
    }
    double[] both = new double[4 * n * n];
    System.arraycopy(general, 0, both, 0, 2 * n * n);
    System.arraycopy(diagonal, 0, both, 2 * n * n, 2 * n * n);
    NdArray a = NdArray.complex(both, 2, n, n);
    double[] bd = crandn(rnd, 2 * n);
    NdArray b = NdArray.complex(bd, 2, n, 1);
    for (String assume : new String[] {null, "gen"}) {
      double[] x = Linalg.solve(a, b, assume, false, true, 2).data();
      for (int m = 0; m < 2; m++) {
        double[] am = slice(both, m, 2 * n * n);
        double[] xm = slice(x, m, 2 * n);
        double res = frob(sub(mul(am, xm, n, n, 1), slice(bd, m, 2 * n)));
        assertTrue(res <= 32 * n * EPS * frob(am) * frob(xm), assume + " slice " + m);
      }
    }
    double[] xd = Linalg.solve(NdArray.complex(diagonal, n, n), NdArray.complex(slice(bd, 0,
        2 * n), n), "diagonal", false, true, 2).data();
    assertEquals(0.0, frob(sub(mul(diagonal, xd, n, n, 1), slice(bd, 0, 2 * n))), 1e-14);
    double[] inv = Linalg.inv(a, true, 2).data();
    assertEquals(0.0, frob(sub(mul(general, slice(inv, 0, 2 * n * n), n, n, n), identity(n))),
        1e-13);
    NdArray det = Linalg.det(a, true, 2);
    // det of the diagonal slice: prod (1 + i - i i) for i = 0..4
    double pr = 1.0;
    double pi = 0.0;
    for (int i = 0; i < n; i++) {
      double t = pr * (1 + i) - pi * (-i);
      pi = pr * (-i) + pi * (1 + i);
      pr = t;
    }
    assertEquals(pr, det.real(1), 1e-12 * Math.hypot(pr, pi));
    assertEquals(pi, det.imag(1), 1e-12 * Math.hypot(pr, pi));
    assertTrue(Double.isFinite(Linalg.slogdet(a, true, 2).logabsdet().real(0)));

    if (!ZLapack.available()) {
      NdArray big = NdArray.complex(wellConditioned(32, rnd), 32, 32);
      assertThrows(NativeLapackUnavailableException.class, () -> Linalg.inv(big));
    }
  }

  // ------------------------------------------------------------------ against native OpenBLAS

  /**
   * zgesv's X: our backward error is as small as the native one's, and the two solutions agree
   * to cond(A) eps (both are exact solutions of nearby systems).
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 7, 8, 11, 16, 23, 31})
  void solveAgreesWithNativeZgesv(int n) {
    NativeOnly.require();
    Random rnd = new Random(500 + n);
    for (double[] a : matrices(n, rnd)) {
      double cond = cond(a, n);
      for (int k : new int[] {1, 4}) {
        double[] b = crandn(rnd, n * k);
        double[] ours = Linalg.solve(NdArray.complex(a, n, n), NdArray.complex(b, n, k),
            "gen").data();
        double[] theirs = b.clone();
        int[] info = new int[1];
        onNative(n, s -> info[0] = ZKernels.solve(ZKernels.Solve.GENERAL, n, k, false, a, 0,
            theirs, 0, s));
        assertEquals(0, info[0]);
        double err = frob(sub(ours, theirs)) / frob(theirs);
        assertTrue(err <= 64 * n * EPS * cond, "n=" + n + " cond=" + cond + " err=" + err);
        double resOurs = frob(sub(mul(a, ours, n, n, k), b)) / (frob(a) * frob(ours));
        assertTrue(resOurs <= 32 * n * EPS, "n=" + n + " residual " + resOurs);
      }
    }
  }

  /** zgetri's inverse, to cond(A) eps. */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 6, 9, 15, 31})
  void inverseAgreesWithNativeZgetri(int n) {
    NativeOnly.require();
    Random rnd = new Random(600 + n);
    for (double[] a : matrices(n, rnd)) {
      double cond = cond(a, n);
      double[] ours = Linalg.inv(NdArray.complex(a, n, n)).data();
      double[] theirs = a.clone();
      int[] info = new int[1];
      onNative(n, s -> info[0] = ZKernels.inv(n, theirs, 0, s));
      assertEquals(0, info[0]);
      double err = frob(sub(ours, theirs)) / frob(theirs);
      assertTrue(err <= 64 * n * EPS * cond, "n=" + n + " cond=" + cond + " err=" + err);
    }
  }

  /** det and slogdet from zgetrf's diagonal, to 1e-12 relative for well-conditioned A. */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 8, 20, 31})
  void determinantAgreesWithNativeZgetrf(int n) {
    NativeOnly.require();
    Random rnd = new Random(700 + n);
    for (int rep = 0; rep < 4; rep++) {
      double[] a = rep == 0 ? wellConditioned(n, rnd) : crandn(rnd, n * n);
      if (cond(a, n) > 1e3) {
        continue;
      }
      double[] theirs = new double[5];
      onNative(n, s -> ZKernels.det(n, a, 0, s, theirs));
      double[] ours = new double[5];
      SmallZLu.det(n, a, 0, new Scratch(), ours);
      double abs = Math.hypot(theirs[0], theirs[1]);
      assertEquals(theirs[0], ours[0], 1e-12 * abs, "det re n=" + n);
      assertEquals(theirs[1], ours[1], 1e-12 * abs, "det im n=" + n);
      assertEquals(theirs[2], ours[2], 1e-12, "sign re");
      assertEquals(theirs[3], ours[3], 1e-12, "sign im");
      assertEquals(theirs[4], ours[4], 1e-12 * Math.max(1, Math.abs(theirs[4])), "log");
      NdArray det = Linalg.det(NdArray.complex(a, n, n));
      assertEquals(ours[0], det.real(0));
      assertEquals(ours[1], det.imag(0));
    }
  }

  /**
   * zgetrf on the same column-major matrix picks the same pivot rows (OpenBLAS's izamax also
   * compares |re| + |im|), including the case where the modulus would pick another row, and
   * gives the same factors to rounding.
   */
  @Test
  void pivotsAreNativeZgetrfs() {
    NativeOnly.require();
    Random rnd = new Random(19);
    List<double[]> cases = new ArrayList<>();
    cases.add(new double[] {4, 0, 2.5, 2.5, 1, 0, 0, 0, 0, 0, 6, 0, 1, 0, 2, 0, 3, 0});
    for (int n = 1; n < 32; n += 3) {
      cases.add(crandn(rnd, n * n));
    }
    for (double[] m : cases) {
      int n = (int) Math.round(Math.sqrt(m.length / 2.0));
      int[] ours = new int[n];
      double[] f = m.clone();
      int info = SmallZLu.factor(n, f, 0, ours, 0, new double[2]);
      int[] theirs = new int[n];
      double[] g = new double[m.length];
      int[] nativeInfo = new int[1];
      onNative(n, s -> {
        s.begin(16L * n * n + 4L * n + 1024);
        Pointer pa = s.complex((long) n * n);
        pa.write(0, m, 0, m.length);
        Pointer pn = s.integer(n);
        Pointer ipiv = s.ints(n);
        Pointer pinfo = s.integer(0);
        ZLapack.Z.zgetrf_(pn, pn, pa, pn, ipiv, pinfo);
        nativeInfo[0] = pinfo.getInt(0);
        ipiv.read(0, theirs, 0, n);
        pa.read(0, g, 0, g.length);
      });
      assertEquals(nativeInfo[0], info, "info n=" + n);
      for (int i = 0; i < n; i++) {
        assertEquals(theirs[i] - 1, ours[i], "pivot " + i + " n=" + n);
      }
      assertClose(g, f, 1e-10, "factors n=" + n);
    }
  }

  /** Singular slices are singular on the native path too, so the message is the same. */
  @Test
  void singularIsSingularForNativeToo() {
    NativeOnly.require();
    int n = 3;
    // row 1 = 2 row 0, and every multiplier a power of two (or i times one), so that elimination
    // is exact on A (native) and A^T (ours) and leaves an exactly zero pivot
    double[] a = {4, 0, 2, 0, 1, 1, 8, 0, 4, 0, 2, 2, 0, 1, 1, 0, 5, 5};
    double[] x = new double[2 * n];
    int[] info = new int[1];
    onNative(n, s -> info[0] = ZKernels.solve(ZKernels.Solve.GENERAL, n, 1, false, a, 0, x, 0,
        s));
    assertTrue(info[0] > 0);
    assertTrue(SmallZLu.general(n, 1, a, 0, x.clone(), 0, new Scratch()) > 0);
    LinAlgError e = assertThrows(LinAlgError.class,
        () -> Linalg.solve(NdArray.complex(a, n, n), NdArray.complex(x, n), "gen"));
    assertEquals("A singular matrix detected: slice(s) [0] are singular.", e.getMessage());
    assertFalse(Double.isNaN(Linalg.det(NdArray.complex(a, n, n)).real(0)));
  }

  // ------------------------------------------------------------------ helpers

  private interface NativeCall {
    void run(ZWork s);
  }

  /** A native z-call as ComplexLinalg makes one: through Batch.runComplex's native path. */
  private static void onNative(int n, NativeCall call) {
    Batch.runComplex(1, n, 1, (from, to) -> call.run(new ZWork()), false);
  }

  /** Random, sparse (zero multipliers), small-integer (ties) and ill-conditioned matrices. */
  private static List<double[]> matrices(int n, Random rnd) {
    List<double[]> out = new ArrayList<>();
    out.add(crandn(rnd, n * n));
    double[] sparse = crandn(rnd, n * n);
    for (int i = 0; i < n * n; i++) {
      if (rnd.nextInt(3) == 0 && i % (n + 1) != 0) {
        sparse[2 * i] = 0.0;
        sparse[2 * i + 1] = 0.0;
      }
    }
    out.add(sparse);
    double[] ties = new double[2 * n * n];
    for (int i = 0; i < ties.length; i++) {
      ties[i] = rnd.nextInt(5) - 2;
    }
    for (int i = 0; i < n; i++) {
      ties[2 * (i * n + i)] += 7; // nonsingular
    }
    out.add(ties);
    if (n > 1) {
      // the last row 1e-9 away from a combination of the others: cond about 1e9
      double[] ill = crandn(rnd, n * n);
      double[] c = crandn(rnd, n - 1);
      for (int j = 0; j < n; j++) {
        double re = 1e-9 * rnd.nextGaussian();
        double im = 1e-9 * rnd.nextGaussian();
        for (int i = 0; i < n - 1; i++) {
          double ar = ill[2 * (i * n + j)];
          double ai = ill[2 * (i * n + j) + 1];
          re += c[2 * i] * ar - c[2 * i + 1] * ai;
          im += c[2 * i] * ai + c[2 * i + 1] * ar;
        }
        ill[2 * ((n - 1) * n + j)] = re;
        ill[2 * ((n - 1) * n + j) + 1] = im;
      }
      out.add(ill);
    }
    return out;
  }

  /** Random plus n on the diagonal: diagonally dominant on average, cond of a few. */
  private static double[] wellConditioned(int n, Random rnd) {
    double[] a = crandn(rnd, n * n);
    for (int i = 0; i < n; i++) {
      a[2 * (i * n + i)] += 2 * n;
    }
    return a;
  }

  /** The 2-norm condition number from the native SVD (native tests only). */
  private static double cond(double[] a, int n) {
    double[] s = Linalg.svdvals(NdArray.complex(a, n, n)).data();
    return s[0] / s[s.length - 1];
  }

  static double[] crandn(Random rnd, int count) {
    double[] x = new double[2 * count];
    for (int i = 0; i < x.length; i++) {
      x[i] = rnd.nextGaussian();
    }
    return x;
  }

  /** Row-major complex (m x k) (k x n). */
  static double[] mul(double[] a, double[] b, int m, int k, int n) {
    double[] c = new double[2 * m * n];
    for (int i = 0; i < m; i++) {
      for (int l = 0; l < k; l++) {
        double ar = a[2 * (i * k + l)];
        double ai = a[2 * (i * k + l) + 1];
        for (int j = 0; j < n; j++) {
          double br = b[2 * (l * n + j)];
          double bi = b[2 * (l * n + j) + 1];
          c[2 * (i * n + j)] += ar * br - ai * bi;
          c[2 * (i * n + j) + 1] += ar * bi + ai * br;
        }
      }
    }
    return c;
  }

  private static double[] scaleRows(double[] a, double[] d, int rows, int cols) {
    double[] out = a.clone();
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < 2 * cols; j++) {
        out[2 * i * cols + j] *= d[i];
      }
    }
    return out;
  }

  private static double[] identity(int n) {
    double[] id = new double[2 * n * n];
    for (int i = 0; i < n; i++) {
      id[2 * (i * n + i)] = 1.0;
    }
    return id;
  }

  static double[] sub(double[] a, double[] b) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] - b[i];
    }
    return out;
  }

  private static double[] slice(double[] a, int index, int size) {
    double[] out = new double[size];
    System.arraycopy(a, index * size, out, 0, size);
    return out;
  }

  /** Frobenius norm, scaled so that entries near 1e300 do not overflow their squares. */
  static double frob(double[] a) {
    double max = 0.0;
    for (double v : a) {
      max = Math.max(max, Math.abs(v));
    }
    if (max == 0.0 || !Double.isFinite(max)) {
      return max;
    }
    double sum = 0.0;
    for (double v : a) {
      sum += (v / max) * (v / max);
    }
    return max * Math.sqrt(sum);
  }

  private static boolean hasNaN(double[] a) {
    for (double v : a) {
      if (Double.isNaN(v)) {
        return true;
      }
    }
    return false;
  }

  /** ||actual - expected|| <= rtol ||expected|| (Frobenius). */
  private static void assertClose(double[] expected, double[] actual, double rtol, String what) {
    assertEquals(expected.length, actual.length, what);
    double err = frob(sub(actual, expected));
    assertTrue(err <= rtol * frob(expected), what + ": relative error " + err / frob(expected));
  }
}
