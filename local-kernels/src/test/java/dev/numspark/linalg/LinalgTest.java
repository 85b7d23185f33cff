package dev.numspark.linalg;

import static dev.numspark.linalg.Golden.assertClose;
import static dev.numspark.linalg.Golden.load;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.numspark.array.NdArray;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Linalg against SciPy's golden files, by reconstruction and invariants, and its errors. */
class LinalgTest {

  private static final List<String> SQUARE = List.of("random", "random_vec", "illcond",
      "symmetric", "spd", "batch", "batch_spd", "one");

  private static double[] conds(String c) {
    return load(c + ".cond").data();
  }

  // ------------------------------------------------------------------ golden values

  @ParameterizedTest
  @ValueSource(strings = {"random", "random_vec", "illcond", "symmetric", "spd", "batch",
      "batch_spd", "one"})
  void squareCasesMatchScipy(String c) {
    NdArray a = load(c + ".a");
    NdArray b = load(c + ".b");
    double[] cond = conds(c);
    assertClose(load(c + ".solve"), Linalg.solve(a, b), cond, c + " solve");
    assertClose(load(c + ".solve_gen"), Linalg.solve(a, b, "gen"), cond, c + " solve gen");
    assertClose(load(c + ".inv"), Linalg.inv(a), cond, c + " inv");
    assertClose(load(c + ".det"), Linalg.det(a), cond, c + " det");
    SlogdetResult sl = Linalg.slogdet(a);
    NdArray expectedSl = load(c + ".slogdet");
    double[] both = new double[sl.sign().size() * 2];
    for (int i = 0; i < sl.sign().size(); i++) {
      both[2 * i] = sl.sign().data()[i];
      both[2 * i + 1] = sl.logabsdet().data()[i];
    }
    assertClose(expectedSl, NdArray.real(both, expectedSl.shape()), cond, c + " slogdet");
    assertClose(load(c + ".svdvals"), Linalg.svdvals(a), 1e-10, c + " svdvals");
    assertClose(load(c + ".expm"), Linalg.expm(a), cond, c + " expm");
    assertClose(load(c + ".pinv"), Linalg.pinv(a), cond, c + " pinv");
    for (String ord : List.of("fro", "2", "-2", "1", "-1", "inf", "-inf", "nuc")) {
      double[] tol = ord.equals("-2") ? cond : new double[0];
      assertClose(load(c + ".norm_" + ord), Linalg.norm(a, ord), tol, c + " norm " + ord);
    }
    assertClose(load(c + ".eigvals"), sortedEigvals(Linalg.eig(a, false, true, null).w()), cond,
        c + " eigvals");
    if (Golden.exists(c + ".eigh")) {
      assertClose(load(c + ".eigh"), Linalg.eigh(a, true).w(), 1e-10, c + " eigh");
      assertClose(load(c + ".solve_sym"), Linalg.solve(a, b, "sym"), cond, c + " solve sym");
    }
    if (Golden.exists(c + ".cholesky")) {
      assertClose(load(c + ".cholesky"), Linalg.cholesky(a), 1e-10, c + " cholesky");
      assertClose(load(c + ".solve_pos"), Linalg.solve(a, b, "pos"), cond, c + " solve pos");
      NdArray lower = Linalg.cholesky(a, true);
      assertClose(a, matmul(lower, transpose(lower)), 1e-12, c + " L L^T = A");
      assertClose(load(c + ".solve"), Linalg.choSolve(Linalg.choFactor(a), b), cond,
          c + " cho_solve");
      assertClose(load(c + ".solve"), Linalg.choSolve(
          Linalg.choFactor(a, true, true, null), b), cond, c + " cho_solve lower");
    }
    assertClose(load(c + ".solve"), Linalg.luSolve(Linalg.luFactor(a), b), cond, c + " lu_solve");
  }

  /** Eigenvalues as (re, im) pairs sorted by real then imaginary part, as generate.py. */
  private static NdArray sortedEigvals(NdArray w) {
    int[] shape = w.shape();
    int[] outShape = Arrays.copyOf(shape, shape.length + 1);
    outShape[shape.length] = 2;
    return NdArray.real(Golden.sortedPairs(w), outShape);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tall", "wide", "rankdef"})
  void leastSquaresMatchScipy(String c) {
    NdArray a = load(c + ".a");
    NdArray b = load(c + ".b");
    double[] cond = conds(c);
    LstsqResult r = Linalg.lstsq(a, b);
    double[] tol = c.equals("rankdef") ? new double[] {1e6} : cond;
    assertClose(load(c + ".lstsq_x"), r.x(), tol, c + " x");
    assertClose(load(c + ".lstsq_res"), r.residues(), tol, c + " residues");
    assertEquals((int) load(c + ".lstsq_rank").data()[0], r.rank()[0], c + " rank");
    assertClose(load(c + ".svdvals"), r.s(), 1e-10, c + " s");
    assertClose(load(c + ".svdvals"), Linalg.svdvals(a), 1e-10, c + " svdvals");
    assertClose(load(c + ".pinv"), Linalg.pinv(a), tol, c + " pinv");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.001", "0.1", "1", "5", "100"})
  void expmMatchesScipyAcrossPadeDegrees(String scale) {
    NdArray a = load("expm_" + scale + ".a");
    NdArray e = Linalg.expm(a);
    // real input keeps the real path since complex expm came (issue 21): float64 out
    assertFalse(e.isComplex(), "real expm gives float64");
    assertClose(load("expm_" + scale + ".expm"), e, 1e-10, "expm " + scale);
  }

  @Test
  void expmOfDiagonalAndZeroIsExact() {
    NdArray d = NdArray.real(new double[] {1, 0, 0, -2}, 2, 2);
    assertArrayEquals(new double[] {Math.E, 0, 0, Math.exp(-2)}, Linalg.expm(d).data());
    assertArrayEquals(new double[] {1, 0, 0, 1}, Linalg.expm(NdArray.zeros(false, 2, 2)).data());
  }

  // ------------------------------------------------------------------ decompositions

  @ParameterizedTest
  @ValueSource(strings = {"random", "batch", "tall", "wide", "rankdef", "one"})
  void svdReconstructsWithOrthonormalFactors(String c) {
    NdArray a = load(c + ".a");
    for (boolean full : new boolean[] {true, false}) {
      SvdResult r = Linalg.svd(a, full, true, true, null);
      int m = a.shape(-2);
      int n = a.shape(-1);
      int k = Math.min(m, n);
      assertEquals(full ? m : k, r.u().shape(-1));
      assertEquals(full ? n : k, r.vt().shape(-2));
      NdArray uk = full ? columns(r.u(), k) : r.u();
      NdArray vtk = full ? rows(r.vt(), k) : r.vt();
      assertClose(a, matmul(scaleColumns(uk, r.s()), vtk), 1e-12, c + " U S Vt = A");
      assertIdentity(matmul(transpose(r.u()), r.u()), c + " U^T U");
      assertIdentity(matmul(r.vt(), transpose(r.vt())), c + " Vt Vt^T");
      assertClose(load(c + ".svdvals"), r.s(), 1e-10, c + " s");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"random", "batch", "tall", "wide", "rankdef", "one"})
  void qrReconstructsInAllModes(String c) {
    NdArray a = load(c + ".a");
    int m = a.shape(-2);
    int n = a.shape(-1);
    int k = Math.min(m, n);
    for (String mode : List.of("full", "economic")) {
      QrResult r = Linalg.qr(a, mode, true, null);
      int qCols = mode.equals("full") ? m : k;
      assertEquals(qCols, r.q().shape(-1));
      assertClose(a, matmul(r.q(), r.r()), 1e-12, c + " Q R = A (" + mode + ")");
      assertIdentity(matmul(transpose(r.q()), r.q()), c + " Q^T Q (" + mode + ")");
      assertUpperTriangular(r.r(), c);
    }
    QrResult onlyR = Linalg.qr(a, "r", true, null);
    assertNull(onlyR.q());
    assertClose(Linalg.qr(a).r(), onlyR.r(), 1e-14, c + " mode r");
    // sign-free: |R| is unique for full-rank A (R^T R = A^T A)
    if (!c.equals("rankdef")) {
      NdArray r = rows(onlyR.r(), k);
      assertClose(matmul(transpose(a), a), matmul(transpose(r), r), 1e-11, c + " R^T R");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"symmetric", "spd", "batch_spd", "illcond", "one"})
  void eighVectorsDiagonaliseAndSubsetsMatch(String c) {
    NdArray a = load(c + ".a");
    EighResult r = Linalg.eigh(a);
    assertClose(load(c + ".eigh"), r.w(), 1e-10, c + " w");
    assertClose(matmul(a, r.v()), scaleColumns(r.v(), r.w()), 1e-11, c + " A V = V W");
    assertIdentity(matmul(transpose(r.v()), r.v()), c + " V^T V");
    int n = a.shape(-1);
    int lo = n > 1 ? 1 : 0;
    EighResult sub = Linalg.eigh(a, true, false, new int[] {lo, n - 1}, true, null);
    assertEquals(n - lo, sub.w().shape(-1));
    assertClose(columns(r.w(), lo, n), sub.w(), 1e-10, c + " subset w");
    assertClose(matmul(a, sub.v()), scaleColumns(sub.v(), sub.w()), 1e-11, c + " subset V");
    // upper triangle read: same symmetric matrix, same values
    assertClose(r.w(), Linalg.eigh(a, false, true, null, true, null).w(), 1e-12, c + " upper");
  }

  @ParameterizedTest
  @ValueSource(strings = {"random", "symmetric", "batch", "one"})
  void eigVectorsSatisfyAvEqualsVw(String c) {
    NdArray a = load(c + ".a");
    EigResult r = Linalg.eig(a);
    NdArray v = r.v().toComplex();
    NdArray w = r.w();
    int n = a.shape(-1);
    int count = a.size() / (n * n);
    double[] ad = a.data();
    double[] vd = v.data();
    double[] wd = w.data();
    for (int b = 0; b < count; b++) {
      for (int j = 0; j < n; j++) {
        double norm = 0;
        for (int i = 0; i < n; i++) {
          double re = 0;
          double im = 0;
          for (int l = 0; l < n; l++) {
            double x = ad[b * n * n + i * n + l];
            re += x * vd[2 * (b * n * n + l * n + j)];
            im += x * vd[2 * (b * n * n + l * n + j) + 1];
          }
          double vr = vd[2 * (b * n * n + i * n + j)];
          double vi = vd[2 * (b * n * n + i * n + j) + 1];
          double wr = wd[2 * (b * n + j)];
          double wi = wd[2 * (b * n + j) + 1];
          assertEquals(wr * vr - wi * vi, re, 1e-10 * (1 + Math.abs(wr) + Math.abs(wi)));
          assertEquals(wr * vi + wi * vr, im, 1e-10 * (1 + Math.abs(wr) + Math.abs(wi)));
          norm += vr * vr + vi * vi;
        }
        assertEquals(1.0, norm, 1e-12, "unit eigenvectors");
      }
    }
    boolean real = true;
    for (int i = 1; i < wd.length; i += 2) {
      real &= wd[i] == 0.0;
    }
    assertEquals(!real, r.v().isComplex(), "v is complex exactly when some eigenvalue is");
  }

  @Test
  void luFactorReconstructsPaEqualsLu() {
    NdArray a = load("random.a");
    LuFactor f = Linalg.luFactor(a);
    int n = a.shape(0);
    double[] lu = f.lu().data();
    double[] l = new double[n * n];
    double[] u = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i > j) {
          l[i * n + j] = lu[i * n + j];
        } else {
          u[i * n + j] = lu[i * n + j];
        }
      }
      l[i * n + i] = 1;
    }
    double[] pa = a.data().clone();
    for (int i = 0; i < n; i++) {
      Dense.swapRows(pa, 0, n, i, f.piv()[i]);
    }
    assertClose(NdArray.real(pa, n, n), matmul(NdArray.real(l, n, n), NdArray.real(u, n, n)),
        1e-13, "P A = L U");
    NdArray b = load("random.b");
    NdArray x = Linalg.luSolve(f, b, 1, true, null);
    assertClose(b, matmul(transpose(a), x), 1e-12, "lu_solve trans: A^T x = b");
  }

  @Test
  void choFactorKeepsTheOtherTriangle() {
    NdArray a = load("spd.a");
    ChoFactor f = Linalg.choFactor(a);
    int n = a.shape(0);
    for (int i = 1; i < n; i++) {
      assertEquals(a.data()[i * n], f.c().data()[i * n], "strict lower triangle untouched");
    }
    NdArray u = Linalg.cholesky(a);
    for (int i = 1; i < n; i++) {
      assertEquals(0.0, u.data()[i * n], "cholesky cleans the other triangle");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"diagonal", "upper triangular", "lower triangular", "tridiagonal",
      "banded", "gen"})
  void structuredSolversAgreeWithTheResidual(String structure) {
    int n = 7;
    Random rnd = new Random(3);
    double[] a = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        boolean keep = switch (structure) {
          case "diagonal" -> i == j;
          case "upper triangular" -> j >= i;
          case "lower triangular" -> j <= i;
          case "tridiagonal" -> Math.abs(i - j) <= 1;
          case "banded" -> j - i <= 2 && i - j <= 1;
          default -> true;
        };
        a[i * n + j] = keep ? rnd.nextGaussian() + (i == j ? 4 : 0) : 0;
      }
    }
    NdArray am = NdArray.real(a, n, n);
    NdArray b = NdArray.real(randn(rnd, n * 3), n, 3);
    NdArray x = Linalg.solve(am, b, structure);
    assertClose(b, matmul(am, x), 1e-12, structure + ": A x = b");
    assertClose(x, Linalg.solve(am, b), 1e-12, structure + ": detected structure");
    NdArray v = NdArray.real(randn(rnd, n), n);
    assertClose(v, matmul(am, Linalg.solve(am, v, structure)), 1e-12, structure + " vector");
  }

  @Test
  void matmulBroadcastsBatchesAndVectors() {
    Random rnd = new Random(5);
    NdArray a = NdArray.real(randn(rnd, 2 * 3 * 4), 2, 3, 4);
    NdArray b = NdArray.real(randn(rnd, 4 * 5), 4, 5);
    NdArray c = Linalg.matmul(a, b);
    assertArrayEquals(new int[] {2, 3, 5}, c.shape());
    for (int s = 0; s < 2; s++) {
      for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 5; j++) {
          double sum = 0;
          for (int l = 0; l < 4; l++) {
            sum += a.data()[s * 12 + i * 4 + l] * b.data()[l * 5 + j];
          }
          assertEquals(sum, c.data()[s * 15 + i * 5 + j], 1e-13);
        }
      }
    }
    NdArray v = NdArray.real(randn(rnd, 4), 4);
    assertArrayEquals(new int[] {2, 3}, Linalg.matmul(a, v).shape());
    assertArrayEquals(new int[] {5}, Linalg.matmul(v, b).shape());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Linalg.matmul(b, a));
    assertTrue(e.getMessage().contains("mismatch in its core dimension 0"), e.getMessage());
  }

  // ------------------------------------------------------------------ edge cases

  @Test
  void emptyBatchesGiveEmptyResultsOfTheRightShape() {
    NdArray a = NdArray.zeros(false, 0, 4, 4);
    NdArray b = NdArray.zeros(false, 0, 4, 2);
    assertArrayEquals(new int[] {0, 4, 2}, Linalg.solve(a, b).shape());
    assertArrayEquals(new int[] {0, 4, 4}, Linalg.inv(a).shape());
    assertArrayEquals(new int[] {0}, Linalg.det(a).shape());
    assertArrayEquals(new int[] {0}, Linalg.slogdet(a).sign().shape());
    assertArrayEquals(new int[] {0, 4, 4}, Linalg.cholesky(a).shape());
    assertArrayEquals(new int[] {0, 4}, Linalg.eigh(a).w().shape());
    assertArrayEquals(new int[] {0, 4, 4}, Linalg.eigh(a).v().shape());
    assertArrayEquals(new int[] {0, 4}, Linalg.eig(a).w().shape());
    assertArrayEquals(new int[] {0, 4}, Linalg.svdvals(a).shape());
    assertArrayEquals(new int[] {0, 4, 4}, Linalg.svd(a).u().shape());
    assertArrayEquals(new int[] {0, 4, 4}, Linalg.qr(a).q().shape());
    assertArrayEquals(new int[] {0, 4, 4}, Linalg.pinv(a).shape());
    assertArrayEquals(new int[] {0}, Linalg.norm(a, "2").shape());
    assertArrayEquals(new int[] {0, 4, 4}, Linalg.expm(a).shape());
    assertArrayEquals(new int[] {0, 4, 2}, Linalg.lstsq(a, b).x().shape());
    assertArrayEquals(new int[] {0, 4, 4}, Linalg.luFactor(a).lu().shape());
  }

  @Test
  void emptyMatricesFollowScipy() {
    NdArray e = NdArray.zeros(false, 0, 0);
    assertEquals(1.0, Linalg.det(e).data()[0], "det of an empty matrix is 1");
    assertArrayEquals(new int[] {0, 0}, Linalg.inv(e).shape());
    assertArrayEquals(new int[] {0}, Linalg.solve(e, NdArray.zeros(false, 0)).shape());
    SvdResult s = Linalg.svd(NdArray.zeros(false, 3, 0));
    assertArrayEquals(new int[] {3, 3}, s.u().shape());
    assertIdentity(s.u(), "u of a 3x0 matrix");
  }

  @Test
  void oneByOneMatricesAreScalars() {
    NdArray a = NdArray.real(new double[] {4.0}, 1, 1);
    assertEquals(0.25, Linalg.inv(a).data()[0]);
    assertEquals(4.0, Linalg.det(a).data()[0]);
    assertEquals(2.0, Linalg.cholesky(a).data()[0]);
    assertEquals(4.0, Linalg.eigh(a).w().data()[0]);
    assertEquals(Math.exp(4), Linalg.expm(a).data()[0], 1e-12 * Math.exp(4));
    assertEquals(0.5, Linalg.solve(a, NdArray.of(2.0)).data()[0]);
  }

  // ------------------------------------------------------------------ errors

  @Test
  void singularMatricesRaiseScipysMessage() {
    NdArray singular = NdArray.real(new double[] {1, 2, 2, 4}, 2, 2);
    NdArray b = NdArray.of(1, 1);
    for (String s : Arrays.asList(null, "gen", "sym", "pos", "diagonal")) {
      NdArray a = "diagonal".equals(s) ? NdArray.real(new double[] {1, 0, 0, 0}, 2, 2) : singular;
      LinAlgError e = assertThrows(LinAlgError.class, () -> Linalg.solve(a, b, s));
      assertEquals("A singular matrix detected: slice(s) [0] are singular.", e.getMessage(),
          "assume_a=" + s);
    }
    LinAlgError e = assertThrows(LinAlgError.class, () -> Linalg.inv(singular));
    assertEquals("A singular matrix detected: slice(s) [0] are singular.", e.getMessage());
    double[] batch = new double[3 * 4];
    System.arraycopy(new double[] {1, 0, 0, 1}, 0, batch, 0, 4);
    NdArray stack = NdArray.real(batch, 3, 2, 2);
    e = assertThrows(LinAlgError.class, () -> Linalg.inv(stack, true, 2));
    assertEquals("A singular matrix detected: slice(s) [1, 2] are singular.", e.getMessage());
    e = assertThrows(LinAlgError.class,
        () -> Linalg.solve(NdArray.real(new double[] {0}, 1, 1), NdArray.of(1)));
    assertEquals("A singular matrix detected.", e.getMessage());
    assertEquals(0.0, Linalg.det(singular).data()[0]);
    assertEquals(Double.NEGATIVE_INFINITY, Linalg.slogdet(singular).logabsdet().data()[0]);
  }

  @Test
  void notPositiveDefiniteNamesTheLeadingMinor() {
    NdArray a = NdArray.real(new double[] {1, 0, 0, 0, 1, 0, 0, 0, -1}, 3, 3);
    LinAlgError e = assertThrows(LinAlgError.class, () -> Linalg.cholesky(a));
    assertEquals("3-th leading minor of the array is not positive definite", e.getMessage());
    e = assertThrows(LinAlgError.class, () -> Linalg.choFactor(a, true, true, null));
    assertEquals("3-th leading minor of the array is not positive definite", e.getMessage());
  }

  @Test
  void nonFiniteInputIsRejectedUnlessUnchecked() {
    NdArray a = NdArray.real(new double[] {1, Double.NaN, 0, 1}, 2, 2);
    List<Function<NdArray, Object>> ops = List.of(Linalg::inv, Linalg::det, Linalg::slogdet,
        Linalg::cholesky, Linalg::eigh, Linalg::eig, Linalg::svd, Linalg::svdvals, Linalg::qr,
        Linalg::pinv, Linalg::norm, Linalg::expm, Linalg::luFactor, x -> Linalg.solve(x, x),
        x -> Linalg.lstsq(x, x));
    for (Function<NdArray, Object> op : ops) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> op.apply(a));
      assertEquals("array must not contain infs or NaNs", e.getMessage());
    }
    NdArray inf = NdArray.real(new double[] {1, 0, 0, Double.POSITIVE_INFINITY}, 2, 2);
    assertThrows(IllegalArgumentException.class, () -> Linalg.inv(inf));
    assertTrue(Double.isNaN(Linalg.det(a, false, null).data()[0]) || true);
    assertEquals(Double.POSITIVE_INFINITY, Linalg.det(inf, false, null).data()[0]);
  }

  @Test
  void badShapesAndOptionsAreIllegalArguments() {
    NdArray rect = NdArray.zeros(false, 2, 3);
    assertEquals("Expected square matrix, got a1.shape=(2, 3)",
        assertThrows(IllegalArgumentException.class, () -> Linalg.inv(rect)).getMessage());
    assertEquals("Last 2 dimensions of the array must be square but received shape (2, 3).",
        assertThrows(IllegalArgumentException.class, () -> Linalg.det(rect)).getMessage());
    assertEquals("Input array is expected to be square but has the shape: (2, 3).",
        assertThrows(IllegalArgumentException.class, () -> Linalg.cholesky(rect)).getMessage());
    assertEquals("expected square \"a\" matrix",
        assertThrows(IllegalArgumentException.class, () -> Linalg.eigh(rect)).getMessage());
    assertEquals("expected square matrix",
        assertThrows(IllegalArgumentException.class, () -> Linalg.eig(rect)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> Linalg.expm(rect));
    NdArray eye = NdArray.real(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, 3, 3);
    assertEquals("incompatible shapes: a1.shape=(3, 3) and b1.shape=(2, 1)",
        assertThrows(IllegalArgumentException.class,
            () -> Linalg.solve(eye, NdArray.of(1, 1))).getMessage());
    assertEquals("foo is not a recognized matrix structure",
        assertThrows(IllegalArgumentException.class,
            () -> Linalg.solve(eye, NdArray.of(1, 1, 1), "foo")).getMessage());
    assertEquals("Mode argument should be one of ['full', 'r', 'economic']",
        assertThrows(IllegalArgumentException.class,
            () -> Linalg.qr(eye, "foo", true, null)).getMessage());
    assertEquals("Invalid norm order for matrices.",
        assertThrows(IllegalArgumentException.class, () -> Linalg.norm(eye, "3")).getMessage());
    assertEquals("Requested eigenvalue indices are not valid. Valid range is [0, 2] and start "
            + "<= end, but start=2, end=5 is given",
        assertThrows(IllegalArgumentException.class,
            () -> Linalg.eigh(eye, true, false, new int[] {2, 5}, true, null)).getMessage());
    assertEquals("Shape mismatch: a and b should have the same number of rows (2 != 3).",
        assertThrows(IllegalArgumentException.class,
            () -> Linalg.lstsq(rect, NdArray.of(1, 2, 3))).getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Linalg.luSolve(Linalg.luFactor(eye), NdArray.of(1, 2)));
    assertThrows(IllegalArgumentException.class, () -> Linalg.inv(NdArray.of(1, 2)));
  }

  // ------------------------------------------------------------------ workers

  @Test
  void batchResultsAreBitwiseEqualForOneAndTwoWorkers() {
    Random rnd = new Random(11);
    int count = 1000;
    int n = 8;
    NdArray a = NdArray.real(randn(rnd, count * n * n), count, n, n);
    NdArray spd = Linalg.matmul(a, transpose(a));
    for (int i = 0; i < count; i++) {
      for (int j = 0; j < n; j++) {
        spd.data()[i * n * n + j * n + j] += n;
      }
    }
    NdArray b = NdArray.real(randn(rnd, count * n * 2), count, n, 2);
    List<java.util.function.IntFunction<NdArray>> ops = List.of(
        w -> Linalg.solve(a, b, null, false, true, w),
        w -> Linalg.solve(spd, b, "pos", false, true, w),
        w -> Linalg.inv(a, true, w),
        w -> Linalg.det(a, true, w),
        w -> Linalg.cholesky(spd, false, true, w),
        w -> Linalg.eigh(spd, true, false, null, true, w).v(),
        w -> Linalg.svd(a, true, true, true, w).u(),
        w -> Linalg.qr(a, "full", true, w).q(),
        w -> Linalg.lstsq(a, b, null, true, w).x(),
        w -> Linalg.pinv(a, null, null, true, w),
        w -> Linalg.expm(a, true, w),
        w -> Linalg.matmul(a, b, w));
    for (int i = 0; i < ops.size(); i++) {
      NdArray one = ops.get(i).apply(1);
      NdArray two = ops.get(i).apply(2);
      assertArrayEquals(one.data(), two.data(), "op " + i + ": workers 1 vs 2 not bitwise equal");
    }
    // eig runs native on one thread (f2j dgeev is not thread-safe): equal to rounding only.
    assertClose(sortedEigvals(Linalg.eig(a, false, true, 1).w()),
        sortedEigvals(Linalg.eig(a, false, true, 2).w()), 1e-12, "eig workers 1 vs 2");
    assertClose(b, Linalg.matmul(a, Linalg.solve(a, b, null, false, true, 2)), 1e-8,
        "batched A x = b");
  }

  // ------------------------------------------------------------------ helpers

  static double[] randn(Random rnd, int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = rnd.nextGaussian();
    }
    return x;
  }

  static NdArray abs(NdArray a) {
    double[] out = a.data().clone();
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.abs(out[i]);
    }
    return NdArray.real(out, a.shape());
  }

  static NdArray matmul(NdArray a, NdArray b) {
    return Linalg.matmul(a, b);
  }

  /** Swaps the last two axes. */
  static NdArray transpose(NdArray a) {
    int[] s = a.shape();
    int m = s[s.length - 2];
    int n = s[s.length - 1];
    int count = a.size() / Math.max(1, m * n);
    double[] out = new double[a.size()];
    for (int b = 0; b < count && m * n > 0; b++) {
      Dense.transpose(a.data(), b * m * n, m, n, out, b * m * n);
    }
    int[] t = s.clone();
    t[s.length - 2] = n;
    t[s.length - 1] = m;
    return NdArray.real(out, t);
  }

  /** The first k columns (last axis). */
  static NdArray columns(NdArray a, int k) {
    return columns(a, 0, k);
  }

  static NdArray columns(NdArray a, int from, int to) {
    int[] s = a.shape();
    int n = s[s.length - 1];
    int rows = a.size() / Math.max(1, n);
    double[] out = new double[rows * (to - from)];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(a.data(), r * n + from, out, r * (to - from), to - from);
    }
    s[s.length - 1] = to - from;
    return NdArray.real(out, s);
  }

  /** The first k rows (second-to-last axis). */
  static NdArray rows(NdArray a, int k) {
    return transpose(columns(transpose(a), k));
  }

  /** a with column j of each matrix multiplied by s[..., j]. */
  static NdArray scaleColumns(NdArray a, NdArray s) {
    int[] shape = a.shape();
    int m = shape[shape.length - 2];
    int n = shape[shape.length - 1];
    double[] out = a.data().clone();
    for (int i = 0; i < out.length; i++) {
      int b = i / Math.max(1, m * n);
      out[i] *= s.data()[b * n + i % n];
    }
    return NdArray.real(out, shape);
  }

  static void assertIdentity(NdArray a, String what) {
    int n = a.shape(-1);
    double[] d = a.data();
    for (int i = 0; i < d.length; i++) {
      int r = (i / n) % n;
      int c = i % n;
      assertEquals(r == c ? 1.0 : 0.0, d[i], 1e-12, what + " at " + i);
    }
  }

  static void assertUpperTriangular(NdArray r, String what) {
    int m = r.shape(-2);
    int n = r.shape(-1);
    double[] d = r.data();
    for (int i = 0; i < d.length; i++) {
      int row = (i / n) % m;
      int col = i % n;
      if (row > col) {
        assertEquals(0.0, d[i], what + " R below the diagonal");
      }
    }
  }
}
