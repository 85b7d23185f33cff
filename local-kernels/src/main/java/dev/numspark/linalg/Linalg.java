package dev.numspark.linalg;

import dev.numspark.array.NdArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code scipy.linalg} for {@link NdArray}s of float64: each function takes a matrix or a batch of
 * them (leading dimensions are batch dimensions, as numpy.linalg and SciPy 1.15+), calls LAPACK
 * and BLAS through {@link dev.numspark.parallel.NativeBlas} (native OpenBLAS when installed), and
 * keeps SciPy's argument names, defaults, results and error messages.
 *
 * <p>Common arguments: {@code checkFinite} (default true) rejects NaN and infinity with SciPy's
 * "array must not contain infs or NaNs"; {@code workers} (null = {@link
 * dev.numspark.parallel.Workers#getWorkers()}, normally 1) splits a batch across threads with
 * native BLAS limited to one thread each, or gives one matrix {@code workers} BLAS threads. BLAS
 * thread limits are process-global while a call runs (see {@code docs/linalg.md}).
 *
 * <p>Errors: bad shapes and options are {@link IllegalArgumentException}s (SciPy's ValueError);
 * failures of the mathematics (singular, not positive definite, no convergence) are {@link
 * LinAlgError}s. Every LAPACK {@code info} is checked.
 *
 * <p>Copies: arrays are C order; LAPACK is column order. Where the algebra allows, the row-major
 * matrix is handed to LAPACK as its transpose (solve, inv, det, cholesky, svd, matmul need no
 * transposition); LAPACK routines that work in place get a copy of the input. qr, lstsq, lu_factor
 * and eig transpose their input into column order, eigh transposes its eigenvectors, and
 * solve with assume_a sym, tridiagonal or banded transposes B; each place is documented on the
 * method.
 */
public final class Linalg {
  private Linalg() {}

  // ---------------------------------------------------------------- matmul

  /** {@code a @ b} with numpy's matmul rules (1-d operands promoted; batch dims broadcast). */
  public static NdArray matmul(NdArray a, NdArray b) {
    return matmul(a, b, null);
  }

  /**
   * {@code numpy.matmul(a, b)}: dgemm on the row-major data as is (C^T = B^T A^T in column order,
   * no copies). A 1-d {@code a} is a row vector, a 1-d {@code b} a column vector; the added
   * dimension is removed from the result.
   */
  public static NdArray matmul(NdArray a, NdArray b, Integer workers) {
    if (a.ndim() == 0 || b.ndim() == 0) {
      throw new IllegalArgumentException("matmul: Input operand does not have enough dimensions");
    }
    boolean aVec = a.ndim() == 1;
    boolean bVec = b.ndim() == 1;
    NdArray a2 = aVec ? a.reshape(1, a.shape(0)) : a;
    NdArray b2 = bVec ? b.reshape(b.shape(0), 1) : b;
    int[] as = a2.shape();
    int[] bs = b2.shape();
    int m = as[as.length - 2];
    int k = as[as.length - 1];
    int n = bs[bs.length - 1];
    if (bs[bs.length - 2] != k) {
      throw new IllegalArgumentException("matmul: Input operand 1 has a mismatch in its core "
          + "dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size " + bs[bs.length - 2]
          + " is different from " + k + ")");
    }
    if (a.isComplex() || b.isComplex()) {
      return ComplexLinalg.matmul(a, b, workers);
    }
    int[] aBatch = Shapes.batch(as, 2);
    int[] bBatch = Shapes.batch(bs, 2);
    int[] batch = Shapes.broadcast(aBatch, bBatch);
    int[] ai = Shapes.broadcastIndex(aBatch, batch);
    int[] bi = Shapes.broadcastIndex(bBatch, batch);
    int count = Shapes.count(batch);
    double[] out = new double[count * m * n];
    double[] ad = a2.data();
    double[] bd = b2.data();
    Batch.run(count, Math.max(m, Math.max(n, k)), workers, (from, to) -> {
      for (int i = from; i < to; i++) {
        Dense.gemm(m, n, k, ad, ai[i] * m * k, bd, bi[i] * k * n, out, i * m * n);
      }
    });
    List<Integer> shape = new ArrayList<>();
    for (int d : batch) {
      shape.add(d);
    }
    if (!aVec) {
      shape.add(m);
    }
    if (!bVec) {
      shape.add(n);
    }
    return NdArray.real(out, shape.stream().mapToInt(Integer::intValue).toArray());
  }

  // ---------------------------------------------------------------- solve

  /** {@code scipy.linalg.solve(a, b)}: structure detected per matrix (assume_a=None). */
  public static NdArray solve(NdArray a, NdArray b) {
    return solve(a, b, null, false, true, null);
  }

  /** {@code scipy.linalg.solve(a, b, assume_a=assumeA)}. */
  public static NdArray solve(NdArray a, NdArray b, String assumeA) {
    return solve(a, b, assumeA, false, true, null);
  }

  /**
   * {@code scipy.linalg.solve}: x with a @ x = b. {@code b} of one dimension is a vector (shared by
   * the whole batch); otherwise its last two dimensions are n x k and the batch dimensions
   * broadcast with a's.
   *
   * <p>assumeA: null (detect: diagonal, triangular, tridiagonal, symmetric positive definite or
   * indefinite, general), {@code gen}/{@code general} (LU), {@code sym}/{@code symmetric}
   * (Bunch-Kaufman), {@code pos}/{@code positive definite} (Cholesky), {@code diagonal},
   * {@code upper triangular}, {@code lower triangular}, {@code tridiagonal}, {@code banded}
   * (LAPACK band LU with the bandwidth of a's nonzeros). {@code lower} selects the triangle read for
   * sym and pos. Copies: A once for the factorisation (none for diagonal and triangular); b once
   * into the result, plus a transposition of b for sym, tridiagonal and banded.
   *
   * @throws LinAlgError "A singular matrix detected: slice(s) [i, ...] are singular." (also for a
   *     pos matrix that is not positive definite, as SciPy 1.17)
   */
  public static NdArray solve(NdArray a, NdArray b, String assumeA, boolean lower,
      boolean checkFinite, Integer workers) {
    Structure structure = Structure.parse(assumeA);
    int n = Shapes.squareAny(a);
    Shapes.checkFinite(checkFinite, a, b);
    if (b.ndim() == 0) {
      throw new IllegalArgumentException("b must be at least 1-d, got shape ()");
    }
    boolean vector = b.ndim() == 1;
    int[] bs = b.shape();
    int rows = vector ? bs[0] : bs[bs.length - 2];
    int k = vector ? 1 : bs[bs.length - 1];
    if (rows != n) {
      int[] b1 = vector ? new int[] {bs[0], 1} : bs;
      throw new IllegalArgumentException("incompatible shapes: a1.shape=" + NdArray.shapeTuple(a.shape())
          + " and b1.shape=" + NdArray.shapeTuple(b1));
    }
    int[] aBatch = Shapes.batch(a.shape(), 2);
    int[] bBatch = vector ? new int[0] : Shapes.batch(bs, 2);
    int[] batch = Shapes.broadcast(aBatch, bBatch);
    int[] outShape = vector ? Shapes.concat(batch, n) : Shapes.concat(batch, n, k);
    int count = Shapes.count(batch);
    int[] ai = Shapes.broadcastIndex(aBatch, batch);
    int[] bi = Shapes.broadcastIndex(bBatch, batch);
    if (a.isComplex() || b.isComplex()) {
      if (a.size() == 1 && a.real(0) == 0.0 && a.imag(0) == 0.0 && count * k > 0) {
        throw new LinAlgError("A singular matrix detected.");
      }
      return ComplexLinalg.solve(a, b, structure.complexKind(), lower, n, k, batch, ai, bi,
          outShape, workers);
    }
    double[] x = new double[count * n * k];
    if (x.length == 0 || n == 0) {
      return NdArray.real(x, outShape);
    }
    if (a.size() == 1 && a.data()[0] == 0.0) {
      throw new LinAlgError("A singular matrix detected.");
    }
    double[] ad = a.data();
    double[] bd = b.data();
    int[] info = new int[count];
    Batch.run(count, n, workers, (from, to) -> {
      Scratch s = new Scratch();
      for (int i = from; i < to; i++) {
        int xOff = i * n * k;
        System.arraycopy(bd, bi[i] * n * k, x, xOff, n * k);
        info[i] = structure.solve(n, k, lower, ad, ai[i] * n * n, x, xOff, s);
      }
    });
    raiseSingular(info);
    return NdArray.real(x, outShape);
  }

  /** The assume_a values of scipy.linalg.solve. */
  private enum Structure {
    DETECT, GENERAL, DIAGONAL, UPPER, LOWER, TRIDIAGONAL, POSITIVE, SYMMETRIC, HERMITIAN, BANDED;

    static Structure parse(String assumeA) {
      if (assumeA == null) {
        return DETECT;
      }
      return switch (assumeA) {
        case "gen", "general" -> GENERAL;
        case "diagonal" -> DIAGONAL;
        case "upper triangular" -> UPPER;
        case "lower triangular" -> LOWER;
        case "tridiagonal" -> TRIDIAGONAL;
        case "pos", "positive definite" -> POSITIVE;
        case "sym", "symmetric" -> SYMMETRIC;
        case "her", "hermitian" -> HERMITIAN;
        case "banded" -> BANDED;
        default -> throw new IllegalArgumentException(
            assumeA + " is not a recognized matrix structure");
      };
    }

    int solve(int n, int k, boolean lower, double[] a, int aOff, double[] x, int xOff,
        Scratch s) {
      return switch (this) {
        case DETECT -> Solvers.detect(n, k, lower, a, aOff, x, xOff, s);
        case GENERAL -> Solvers.general(n, k, a, aOff, x, xOff, s);
        case DIAGONAL -> Solvers.diagonal(n, k, a, aOff, x, xOff);
        case UPPER -> Solvers.triangular(n, k, false, a, aOff, x, xOff);
        case LOWER -> Solvers.triangular(n, k, true, a, aOff, x, xOff);
        case TRIDIAGONAL -> Solvers.tridiagonal(n, k, a, aOff, x, xOff, s);
        case POSITIVE -> Solvers.positive(n, k, lower, a, aOff, x, xOff, s);
        // SciPy solves a real matrix declared Hermitian as symmetric.
        case SYMMETRIC, HERMITIAN -> Solvers.symmetric(n, k, lower, a, aOff, x, xOff, s);
        case BANDED -> {
          int[] band = Dense.bandwidth(a, aOff, n);
          yield Solvers.banded(n, k, band[0], band[1], a, aOff, x, xOff, s);
        }
      };
    }

    /** The complex solver: tridiagonal and banded a are solved by LU (see ZKernels.solve). */
    ZKernels.Solve complexKind() {
      return switch (this) {
        case DETECT -> ZKernels.Solve.DETECT;
        case GENERAL, TRIDIAGONAL, BANDED -> ZKernels.Solve.GENERAL;
        case DIAGONAL -> ZKernels.Solve.DIAGONAL;
        case UPPER -> ZKernels.Solve.UPPER;
        case LOWER -> ZKernels.Solve.LOWER;
        case POSITIVE -> ZKernels.Solve.POSITIVE;
        case SYMMETRIC -> ZKernels.Solve.SYMMETRIC;
        case HERMITIAN -> ZKernels.Solve.HERMITIAN;
      };
    }
  }

  static void raiseSingular(int[] info) {
    List<Integer> singular = new ArrayList<>();
    for (int i = 0; i < info.length; i++) {
      if (info[i] > 0) {
        singular.add(i);
      }
    }
    if (!singular.isEmpty()) {
      throw new LinAlgError(
          "A singular matrix detected: slice(s) " + singular + " are singular.");
    }
  }

  /** The first failing matrix of a batch (lowest index), or -1. */
  static int firstFailure(int[] info) {
    for (int i = 0; i < info.length; i++) {
      if (info[i] != 0) {
        return i;
      }
    }
    return -1;
  }

  // ---------------------------------------------------------------- inv, det, slogdet

  public static NdArray inv(NdArray a) {
    return inv(a, true, null);
  }

  /**
   * {@code scipy.linalg.inv}: getrf and getri on a copy of A read in column order (A^T), whose
   * inverse read back in row order is inv(A): one copy, no transposition.
   *
   * @throws LinAlgError "A singular matrix detected: slice(s) [i, ...] are singular."
   */
  public static NdArray inv(NdArray a, boolean checkFinite, Integer workers) {
    int n = Shapes.squareAny(a);
    Shapes.checkFinite(checkFinite, a);
    if (a.isComplex()) {
      return ComplexLinalg.inv(a, n, workers);
    }
    double[] out = a.data().clone();
    int count = Shapes.count(Shapes.batch(a.shape(), 2));
    if (out.length == 0) {
      return NdArray.real(out, a.shape());
    }
    int[] info = new int[count];
    Batch.run(count, n, workers, (from, to) -> {
      Scratch s = new Scratch();
      for (int i = from; i < to; i++) {
        info[i] = Factorizations.inv(n, out, i * n * n, s);
      }
    });
    raiseSingular(info);
    return NdArray.real(out, a.shape());
  }

  public static NdArray det(NdArray a) {
    return det(a, true, null);
  }

  /**
   * {@code scipy.linalg.det}: the product of the LU diagonal of A^T (A read in column order,
   * copied once). Shape: the batch shape (0-d for one matrix); an empty matrix has determinant 1,
   * a singular one 0.
   */
  public static NdArray det(NdArray a, boolean checkFinite, Integer workers) {
    return determinant(a, checkFinite, workers, false)[0];
  }

  public static SlogdetResult slogdet(NdArray a) {
    return slogdet(a, true, null);
  }

  /**
   * {@code numpy.linalg.slogdet} (scipy.linalg has none): sign and natural log of |det|, which do
   * not overflow where det would; a singular matrix gives (0, -inf).
   */
  public static SlogdetResult slogdet(NdArray a, boolean checkFinite, Integer workers) {
    NdArray[] r = determinant(a, checkFinite, workers, true);
    return new SlogdetResult(r[0], r[1]);
  }

  private static NdArray[] determinant(NdArray a, boolean checkFinite, Integer workers,
      boolean log) {
    int n;
    if (!log) {
      if (a.ndim() < 2) {
        throw new IllegalArgumentException(
            "The input array must be at least two-dimensional.");
      }
      int[] s = a.shape();
      if (s[s.length - 1] != s[s.length - 2]) {
        throw new IllegalArgumentException("Last 2 dimensions of the array must be square but "
            + "received shape " + NdArray.shapeTuple(s) + ".");
      }
      n = s[s.length - 1];
    } else {
      n = Shapes.squareAny(a);
    }
    Shapes.checkFinite(checkFinite, a);
    if (a.isComplex()) {
      return ComplexLinalg.determinant(a, n, log, workers);
    }
    int[] batch = Shapes.batch(a.shape(), 2);
    int count = Shapes.count(batch);
    double[] first = new double[count];
    double[] second = new double[count];
    double[] ad = a.data();
    Batch.run(count, n, workers, (from, to) -> {
      Scratch s = new Scratch();
      double[] r = new double[3];
      for (int i = from; i < to; i++) {
        Factorizations.det(n, ad, i * n * n, s, r);
        if (log) {
          first[i] = r[1];
          second[i] = r[2];
        } else {
          first[i] = r[0];
        }
      }
    });
    return new NdArray[] {NdArray.real(first, batch), NdArray.real(second, batch)};
  }

  // ---------------------------------------------------------------- Cholesky

  /** {@code scipy.linalg.cholesky(a)}: the upper factor U with a = U^T U. */
  public static NdArray cholesky(NdArray a) {
    return cholesky(a, false, true, null);
  }

  public static NdArray cholesky(NdArray a, boolean lower) {
    return cholesky(a, lower, true, null);
  }

  /**
   * {@code scipy.linalg.cholesky}: U (a = U^T U, default) or, with {@code lower}, L (a = L L^T);
   * only that triangle of a is read. The row-major upper triangle is LAPACK's column-order lower
   * one, so potrf works on one copy of a with no transposition.
   *
   * @throws LinAlgError "N-th leading minor of the array is not positive definite" (for the
   *     first such matrix of a batch)
   */
  public static NdArray cholesky(NdArray a, boolean lower, boolean checkFinite, Integer workers) {
    return choFactor(a, lower, checkFinite, workers, true).c();
  }

  public static ChoFactor choFactor(NdArray a) {
    return choFactor(a, false, true, null);
  }

  /**
   * {@code scipy.linalg.cho_factor}: as {@link #cholesky} but the other triangle keeps a's values,
   * for {@link #choSolve}.
   */
  public static ChoFactor choFactor(NdArray a, boolean lower, boolean checkFinite,
      Integer workers) {
    return choFactor(a, lower, checkFinite, workers, false);
  }

  private static ChoFactor choFactor(NdArray a, boolean lower, boolean checkFinite,
      Integer workers, boolean clean) {
    if (a.ndim() < 2) {
      throw new IllegalArgumentException(
          "Input array needs to be 2D but received a " + a.ndim() + "d-array.");
    }
    int[] shape = a.shape();
    if (shape[shape.length - 1] != shape[shape.length - 2]) {
      throw new IllegalArgumentException("Input array is expected to be square but has the "
          + "shape: " + NdArray.shapeTuple(Shapes.batch(shape, 0)) + ".");
    }
    int n = shape[shape.length - 1];
    Shapes.checkFinite(checkFinite, a);
    if (a.isComplex()) {
      return ComplexLinalg.choFactor(a, n, lower, clean, workers);
    }
    double[] c = a.data().clone();
    int count = Shapes.count(Shapes.batch(shape, 2));
    int[] info = new int[count];
    if (c.length > 0) {
      Batch.run(count, n, workers, (from, to) -> {
        for (int i = from; i < to; i++) {
          info[i] = Factorizations.cholesky(n, lower, clean, c, i * n * n);
        }
      });
    }
    int bad = firstFailure(info);
    if (bad >= 0) {
      throw new LinAlgError(info[bad] + "-th leading minor of the array is not positive definite");
    }
    return new ChoFactor(NdArray.real(c, shape), lower);
  }

  public static NdArray choSolve(ChoFactor factor, NdArray b) {
    return choSolve(factor, b, true, null);
  }

  /**
   * {@code scipy.linalg.cho_solve((c, lower), b)}: two triangular solves from the right on the
   * row-major factor (no copy of c; b is copied once into the result). b as in {@link #solve}.
   */
  public static NdArray choSolve(ChoFactor factor, NdArray b, boolean checkFinite,
      Integer workers) {
    NdArray c = factor.c();
    Shapes.real(c);
    if (c.ndim() < 2 || c.shape(-1) != c.shape(-2)) {
      throw new IllegalArgumentException("The factored matrix c is not square.");
    }
    Shapes.checkFinite(checkFinite, c, b);
    boolean lower = factor.lower();
    return solveWithFactor(c, b, workers, "incompatible dimensions",
        (n, k, i, ci, x, xOff) -> Solvers.choSolve(n, k, lower, c.data(), ci * n * n, x, xOff));
  }

  // ---------------------------------------------------------------- LU

  public static LuFactor luFactor(NdArray a) {
    return luFactor(a, true, null);
  }

  /**
   * {@code scipy.linalg.lu_factor}: P A = L U of each matrix. A is transposed into column order
   * and the factors back (LAPACK's LU of the row-major data would be that of A^T). A singular
   * matrix is factored without error (SciPy only warns).
   */
  public static LuFactor luFactor(NdArray a, boolean checkFinite, Integer workers) {
    int n = Shapes.square(a);
    Shapes.checkFinite(checkFinite, a);
    double[] lu = a.data().clone();
    int count = Shapes.count(Shapes.batch(a.shape(), 2));
    int[] piv = new int[count * n];
    Batch.run(count, n, workers, (from, to) -> {
      Scratch s = new Scratch();
      for (int i = from; i < to; i++) {
        Factorizations.luFactor(n, lu, i * n * n, piv, i * n, s);
      }
    });
    return new LuFactor(NdArray.real(lu, a.shape()), piv);
  }

  public static NdArray luSolve(LuFactor factor, NdArray b) {
    return luSolve(factor, b, 0, true, null);
  }

  /**
   * {@code scipy.linalg.lu_solve((lu, piv), b, trans)}: trans 0 solves a x = b, 1 (or 2, the same
   * for real a) a^T x = b. Triangular solves from the right on the row-major factors: no copy of
   * lu; b is copied once into the result.
   */
  public static NdArray luSolve(LuFactor factor, NdArray b, int trans, boolean checkFinite,
      Integer workers) {
    if (trans < 0 || trans > 2) {
      throw new IllegalArgumentException("trans must be 0, 1 or 2, got " + trans);
    }
    NdArray lu = factor.lu();
    int n = Shapes.square(lu);
    int[] piv = factor.piv();
    if (piv.length != Shapes.count(Shapes.batch(lu.shape(), 2)) * n) {
      throw new IllegalArgumentException("piv has " + piv.length + " entries; expected n="
          + n + " per matrix of lu " + NdArray.shapeTuple(lu.shape()));
    }
    Shapes.checkFinite(checkFinite, lu, b);
    return solveWithFactor(lu, b, workers, "Shapes of lu and b are incompatible",
        (nn, k, i, li, x, xOff) -> Solvers.luSolve(nn, k, trans != 0, lu.data(), li * nn * nn,
            piv, li * nn, x, xOff));
  }

  private interface FactorSolve {
    void solve(int n, int k, int batchIndex, int factorIndex, double[] x, int xOff);
  }

  private static NdArray solveWithFactor(NdArray f, NdArray b, Integer workers, String mismatch,
      FactorSolve kernel) {
    Shapes.real(b);
    int n = f.shape(-1);
    if (b.ndim() == 0) {
      throw new IllegalArgumentException("b must be at least 1-d, got shape ()");
    }
    boolean vector = b.ndim() == 1;
    int[] bs = b.shape();
    int rows = vector ? bs[0] : bs[bs.length - 2];
    int k = vector ? 1 : bs[bs.length - 1];
    if (rows != n) {
      throw new IllegalArgumentException(mismatch + " (" + NdArray.shapeTuple(f.shape()) + " and "
          + NdArray.shapeTuple(bs) + ")");
    }
    int[] fBatch = Shapes.batch(f.shape(), 2);
    int[] bBatch = vector ? new int[0] : Shapes.batch(bs, 2);
    int[] batch = Shapes.broadcast(fBatch, bBatch);
    int[] fi = Shapes.broadcastIndex(fBatch, batch);
    int[] bi = Shapes.broadcastIndex(bBatch, batch);
    int count = Shapes.count(batch);
    double[] x = new double[count * n * k];
    double[] bd = b.data();
    if (x.length > 0) {
      Batch.run(count, n, workers, (from, to) -> {
        for (int i = from; i < to; i++) {
          System.arraycopy(bd, bi[i] * n * k, x, i * n * k, n * k);
          kernel.solve(n, k, i, fi[i], x, i * n * k);
        }
      });
    }
    return NdArray.real(x, vector ? Shapes.concat(batch, n) : Shapes.concat(batch, n, k));
  }

  // ---------------------------------------------------------------- QR

  public static QrResult qr(NdArray a) {
    return qr(a, "full", true, null);
  }

  /**
   * {@code scipy.linalg.qr(a, mode)}: mode {@code full} (Q m x m, R m x n), {@code economic}
   * (Q m x k, R k x n, k = min(m, n)) or {@code r} (R only, m x n). geqrf and orgqr on A
   * transposed into column order; Q and R are transposed back. Signs are LAPACK's (Householder),
   * not normalised, as SciPy.
   */
  public static QrResult qr(NdArray a, String mode, boolean checkFinite, Integer workers) {
    String m0 = mode == null ? "full" : mode;
    if (!List.of("full", "r", "economic").contains(m0)) {
      throw new IllegalArgumentException(
          "Mode argument should be one of ['full', 'r', 'economic']");
    }
    Shapes.matrixAny(a);
    Shapes.checkFinite(checkFinite, a);
    boolean economic = m0.equals("economic");
    boolean withQ = !m0.equals("r");
    if (a.isComplex()) {
      return ComplexLinalg.qr(a, economic, withQ, workers);
    }
    int[] shape = a.shape();
    int m = shape[shape.length - 2];
    int n = shape[shape.length - 1];
    int k = Math.min(m, n);
    int[] batch = Shapes.batch(shape, 2);
    int count = Shapes.count(batch);
    int qCols = economic ? k : m;
    int rRows = economic ? k : m;
    double[] q = withQ ? new double[count * m * qCols] : null;
    double[] r = new double[count * rRows * n];
    double[] ad = a.data();
    if (k == 0 && q != null && !economic) {
      Assembly.identities(count, m, m, q, 1);
    }
    if (k > 0) {
      Batch.run(count, Math.max(m, n), workers, (from, to) -> {
        Scratch s = new Scratch();
        for (int i = from; i < to; i++) {
          Factorizations.qr(m, n, ad, i * m * n, q, i * m * qCols, qCols, r, i * rRows * n,
              rRows, s);
        }
      });
    }
    return new QrResult(withQ ? NdArray.real(q, Shapes.concat(batch, m, qCols)) : null,
        NdArray.real(r, Shapes.concat(batch, rRows, n)));
  }

  // ---------------------------------------------------------------- eigh, eig

  /** {@code scipy.linalg.eigh(a)}: eigenvalues and eigenvectors of symmetric a (lower triangle). */
  public static EighResult eigh(NdArray a) {
    return eigh(a, true, false, null, true, null);
  }

  /** {@code scipy.linalg.eigh(a, eigvals_only=...)}. */
  public static EighResult eigh(NdArray a, boolean eigvalsOnly) {
    return eigh(a, true, eigvalsOnly, null, true, null);
  }

  /**
   * {@code scipy.linalg.eigh} for the standard problem with SciPy's default driver (syevr):
   * ascending eigenvalues w and orthonormal eigenvectors (columns of v, null when
   * {@code eigvalsOnly}). Only the {@code lower} (default) or upper triangle of a is read.
   * {@code subsetByIndex} = {lo, hi} (0-based, inclusive) selects eigenvalues lo..hi. A is copied
   * (syevr works in place); the eigenvectors are transposed from column order into the result.
   */
  public static EighResult eigh(NdArray a, boolean lower, boolean eigvalsOnly,
      int[] subsetByIndex, boolean checkFinite, Integer workers) {
    if (a.ndim() < 2 || a.shape(-1) != a.shape(-2)) {
      throw new IllegalArgumentException("expected square \"a\" matrix");
    }
    int n = a.shape(-1);
    Shapes.checkFinite(checkFinite, a);
    int lo = 0;
    int hi = n - 1;
    boolean subset = subsetByIndex != null;
    if (subset) {
      if (subsetByIndex.length != 2) {
        throw new IllegalArgumentException("subset_by_index must be two indices [lo, hi]");
      }
      lo = subsetByIndex[0];
      hi = subsetByIndex[1];
      if (!(0 <= lo && lo <= hi && hi < n)) {
        throw new IllegalArgumentException("Requested eigenvalue indices are not valid. Valid "
            + "range is [0, " + (n - 1) + "] and start <= end, but start=" + lo + ", end=" + hi
            + " is given");
      }
    }
    if (a.isComplex()) {
      return ComplexLinalg.eigh(a, n, lower, eigvalsOnly, lo, hi, subset, workers);
    }
    int count = hi - lo + 1;
    int[] batch = Shapes.batch(a.shape(), 2);
    int matrices = Shapes.count(batch);
    double[] w = new double[matrices * count];
    double[] v = eigvalsOnly ? null : new double[matrices * n * count];
    int[] info = new int[matrices];
    double[] ad = a.data();
    int first = lo;
    int last = hi;
    if (n > 0) {
      Batch.run(matrices, n, workers, (from, to) -> {
        Scratch s = new Scratch();
        for (int i = from; i < to; i++) {
          info[i] = Spectral.eigh(n, lower, first, last, subset, ad, i * n * n, w, i * count, v,
              i * n * count, s);
        }
      });
    }
    int bad = firstFailure(info);
    if (bad >= 0) {
      if (info[bad] < 0) {
        throw new LinAlgError("Illegal value in argument " + (-info[bad]) + " of internal dsyevr");
      }
      throw new LinAlgError("Internal Error.");
    }
    return new EighResult(NdArray.real(w, Shapes.concat(batch, count)),
        v == null ? null : NdArray.real(v, Shapes.concat(batch, n, count)));
  }

  public static EigResult eig(NdArray a) {
    return eig(a, true, true, null);
  }

  /**
   * {@code scipy.linalg.eig(a, right=...)}: complex eigenvalues w and right eigenvectors v (real
   * when every eigenvalue is real, as SciPy; null unless {@code right}). A is transposed into
   * column order (geev works in place); the vectors are unpacked into the result.
   *
   * @throws LinAlgError "eig algorithm (geev) did not converge (only eigenvalues with order &gt;=
   *     N have converged)"
   */
  public static EigResult eig(NdArray a, boolean right, boolean checkFinite, Integer workers) {
    if (a.ndim() < 2 || a.shape(-1) != a.shape(-2)) {
      throw new IllegalArgumentException("expected square matrix");
    }
    int n = a.shape(-1);
    Shapes.checkFinite(checkFinite, a);
    if (a.isComplex()) {
      return ComplexLinalg.eig(a, n, right, workers);
    }
    int[] batch = Shapes.batch(a.shape(), 2);
    int matrices = Shapes.count(batch);
    double[] w = new double[2 * matrices * n];
    double[] v = right ? new double[2 * matrices * n * n] : null;
    int[] info = new int[matrices];
    double[] ad = a.data();
    if (n > 0) {
      Batch.run(matrices, n, workers, (from, to) -> {
        Scratch s = new Scratch();
        for (int i = from; i < to; i++) {
          info[i] = Spectral.eig(n, ad, i * n * n, w, 2 * i * n, v, 2 * i * n * n, s);
        }
      }, false);
    }
    int bad = firstFailure(info);
    if (bad >= 0) {
      throw new LinAlgError("eig algorithm (geev) did not converge (only eigenvalues with order "
          + ">= " + info[bad] + " have converged)");
    }
    NdArray vectors = null;
    if (right) {
      boolean onlyReal = true;
      for (int i = 1; i < w.length; i += 2) {
        onlyReal &= w[i] == 0.0;
      }
      vectors = NdArray.complex(v, Shapes.concat(batch, n, n));
      if (onlyReal) {
        double[] re = new double[v.length / 2];
        for (int i = 0; i < re.length; i++) {
          re[i] = v[2 * i];
        }
        vectors = NdArray.real(re, Shapes.concat(batch, n, n));
      }
    }
    return new EigResult(NdArray.complex(w, Shapes.concat(batch, n)), vectors);
  }

  // ---------------------------------------------------------------- SVD, pinv

  public static SvdResult svd(NdArray a) {
    return svd(a, true, true, true, null);
  }

  /**
   * {@code scipy.linalg.svd} with SciPy's default driver (gesdd): a = u diag(s) vt. u is m x m
   * (m x k when not {@code fullMatrices}), vt n x n (k x n); both null unless {@code computeUv}.
   * The row-major a is LAPACK's a^T, whose SVD gives a's u and vt directly in row order: LAPACK
   * writes into the results; only a is copied (gesdd destroys it).
   *
   * @throws LinAlgError "SVD did not converge"
   */
  public static SvdResult svd(NdArray a, boolean fullMatrices, boolean computeUv,
      boolean checkFinite, Integer workers) {
    if (a.ndim() < 2) {
      throw new IllegalArgumentException("expected matrix");
    }
    Shapes.checkFinite(checkFinite, a);
    if (a.isComplex()) {
      return ComplexLinalg.svd(a, fullMatrices, computeUv, workers);
    }
    int[] shape = a.shape();
    int m = shape[shape.length - 2];
    int n = shape[shape.length - 1];
    int k = Math.min(m, n);
    int[] batch = Shapes.batch(shape, 2);
    int count = Shapes.count(batch);
    int uCols = fullMatrices ? m : k;
    int vtRows = fullMatrices ? n : k;
    double[] s = new double[count * k];
    double[] u = computeUv ? new double[count * m * uCols] : null;
    double[] vt = computeUv ? new double[count * vtRows * n] : null;
    int[] info = new int[count];
    double[] ad = a.data();
    if (k == 0 && computeUv) {
      Assembly.identities(count, m, uCols, u, 1);
      Assembly.identities(count, vtRows, n, vt, 1);
    }
    if (k > 0) {
      Batch.run(count, Math.max(m, n), workers, (from, to) -> {
        Scratch scratch = new Scratch();
        for (int i = from; i < to; i++) {
          info[i] = Spectral.svd(m, n, fullMatrices, ad, i * m * n, s, i * k, u,
              computeUv ? i * m * uCols : 0, vt, computeUv ? i * vtRows * n : 0, scratch);
        }
      });
    }
    if (firstFailure(info) >= 0) {
      throw new LinAlgError("SVD did not converge");
    }
    return new SvdResult(computeUv ? NdArray.real(u, Shapes.concat(batch, m, uCols)) : null,
        NdArray.real(s, Shapes.concat(batch, k)),
        computeUv ? NdArray.real(vt, Shapes.concat(batch, vtRows, n)) : null);
  }

  public static NdArray svdvals(NdArray a) {
    return svdvals(a, true, null);
  }

  /** {@code scipy.linalg.svdvals}: singular values only, descending. */
  public static NdArray svdvals(NdArray a, boolean checkFinite, Integer workers) {
    return svd(a, false, false, checkFinite, workers).s();
  }

  public static NdArray pinv(NdArray a) {
    return pinv(a, null, null, true, null);
  }

  /**
   * {@code scipy.linalg.pinv(a, atol, rtol)}: from the economic SVD, singular values above
   * atol + rtol * max(s) count (defaults atol 0, rtol max(m, n) * eps); the result n x m is
   * V_r S_r^-1 U_r^T, one dgemm with transposition flags on the row-major factors.
   */
  public static NdArray pinv(NdArray a, Double atol, Double rtol, boolean checkFinite,
      Integer workers) {
    Shapes.matrixAny(a);
    int[] shape = a.shape();
    int m = shape[shape.length - 2];
    int n = shape[shape.length - 1];
    double at = atol == null ? 0.0 : atol;
    double rt = rtol == null ? Math.max(m, n) * Math.ulp(1.0) : rtol;
    if (at < 0 || rt < 0) {
      throw new IllegalArgumentException("atol and rtol values must be positive.");
    }
    SvdResult svd = svd(a, false, true, checkFinite, workers);
    if (a.isComplex()) {
      return ComplexLinalg.pinv(svd, m, n, at, rt, workers);
    }
    int k = Math.min(m, n);
    int[] batch = Shapes.batch(shape, 2);
    int count = Shapes.count(batch);
    double[] out = new double[count * n * m];
    double[] u = svd.u().data();
    double[] s = svd.s().data();
    double[] vt = svd.vt().data();
    Batch.run(count, Math.max(m, n), workers, (from, to) -> {
      for (int i = from; i < to; i++) {
        int rank = Assembly.pinvRank(s, i * k, k, at, rt);
        int uOff = i * m * k;
        for (int row = 0; row < m; row++) {
          for (int j = 0; j < rank; j++) {
            u[uOff + row * k + j] /= s[i * k + j];
          }
        }
        if (rank == 0) {
          continue;
        }
        // out (n x m, row order) is column-order (m x n) = U_r S^-1 V_r^T; the row-major u
        // (m x k) and vt (k x n) are column-order u^T and vt^T, hence both "T".
        Backend.blas().dgemm("T", "T", m, n, rank, 1.0, u, uOff, k, vt,
            i * k * n, n, 0.0, out, i * n * m, Math.max(1, m));
      }
    });
    return NdArray.real(out, Shapes.concat(batch, n, m));
  }

  // ---------------------------------------------------------------- lstsq

  public static LstsqResult lstsq(NdArray a, NdArray b) {
    return lstsq(a, b, null, true, null);
  }

  /**
   * {@code scipy.linalg.lstsq(a, b, cond)} with SciPy's default driver (gelsd): minimises
   * ||b - a x|| and, for a rank-deficient a, returns the minimum-norm solution. {@code cond}
   * (default eps, as SciPy) is gelsd's rcond: singular values s_i &lt;= cond * max(s) count as
   * zero and set the effective rank; a negative cond (or one &gt;= 1) means machine precision, as
   * LAPACK. b as in {@link #solve} (1-d: a vector). residues are the squared residual norms when
   * m &gt; n and every matrix has full rank, else empty. a and b are transposed into column order
   * (gelsd works in place) and x back.
   *
   * <p>With native OpenBLAS, gelsd is always the native one, as SciPy's, for small matrices too
   * (on the calling thread, so the same for any number of workers): the rank is decided on
   * singular values at the rounding level, and f2j's Java gelsd computes them less accurately.
   * Measured on rank-2 products of random 30x2 and 2x5 matrices at cond = eps: the Java gelsd
   * reported rank 3 (and a solution of size 1e13) for 86 of 1000, native OpenBLAS for 11, SciPy
   * for about 12.
   *
   * @throws LinAlgError "SVD did not converge in Linear Least Squares"
   */
  public static LstsqResult lstsq(NdArray a, NdArray b, Double cond, boolean checkFinite,
      Integer workers) {
    Shapes.matrixAny(a);
    Shapes.checkFinite(checkFinite, a, b);
    int[] as = a.shape();
    int m = as[as.length - 2];
    int n = as[as.length - 1];
    if (b.ndim() == 0) {
      throw new IllegalArgumentException("b must be at least 1-d, got shape ()");
    }
    boolean vector = b.ndim() == 1;
    int[] bs = b.shape();
    int rows = vector ? bs[0] : bs[bs.length - 2];
    int k = vector ? 1 : bs[bs.length - 1];
    if (rows != m) {
      throw new IllegalArgumentException("Shape mismatch: a and b should have the same number of "
          + "rows (" + m + " != " + rows + ").");
    }
    int[] aBatch = Shapes.batch(as, 2);
    int[] bBatch = vector ? new int[0] : Shapes.batch(bs, 2);
    int[] batch = Shapes.broadcast(aBatch, bBatch);
    int[] ai = Shapes.broadcastIndex(aBatch, batch);
    int[] bi = Shapes.broadcastIndex(bBatch, batch);
    double rcond = cond == null ? Math.ulp(1.0) : cond;
    if (a.isComplex() || b.isComplex()) {
      return ComplexLinalg.lstsq(a, b, rcond, m, n, k, vector, batch, ai, bi, workers);
    }
    int count = Shapes.count(batch);
    int kMin = Math.min(m, n);
    double[] x = new double[count * n * k];
    double[] res = new double[count * k];
    double[] s = new double[count * kMin];
    int[] rank = new int[count];
    int[] info = new int[count];
    double[] ad = a.data();
    double[] bd = b.data();
    boolean wantResidues = m > n;
    if (m > 0 && n > 0) {
      Batch.run(count, Math.max(m, n), workers, (from, to) -> {
        Scratch scratch = new Scratch();
        for (int i = from; i < to; i++) {
          int[] r = Spectral.lstsq(m, n, k, rcond, ad, ai[i] * m * n, bd, bi[i] * m * k, x,
              i * n * k, res, i * k, wantResidues, s, i * kMin, scratch);
          info[i] = r[0];
          rank[i] = r[1];
        }
      }, false);
    } else if (n == 0) {
      Assembly.zeroColumnResidues(count, m, k, bd, bi, res, 1);
    }
    if (firstFailure(info) >= 0) {
      throw new LinAlgError("SVD did not converge in Linear Least Squares");
    }
    NdArray residues = Assembly.residues(res, rank, count, m, n, k, vector, batch);
    return new LstsqResult(NdArray.real(x, vector ? Shapes.concat(batch, n)
        : Shapes.concat(batch, n, k)), residues, rank, NdArray.real(s, Shapes.concat(batch, kMin)));
  }

  // ---------------------------------------------------------------- norm, expm

  public static NdArray norm(NdArray a) {
    return norm(a, null, true, null);
  }

  public static NdArray norm(NdArray a, String ord) {
    return norm(a, ord, true, null);
  }

  /**
   * {@code scipy.linalg.norm(a, ord, axis=(-2, -1))} for arrays of two or more dimensions (a norm
   * per matrix of the batch; result has the batch shape): ord null or {@code fro}, {@code nuc},
   * {@code 2}, {@code -2} (largest, smallest singular value), {@code 1}, {@code -1} (max, min
   * column sum of |a|), {@code inf}, {@code -inf} (max, min row sum). For a 1-d array, the vector
   * norm: ord null or 2, 1, inf, -inf, 0 (nonzero count) or any number p.
   */
  public static NdArray norm(NdArray a, String ord, boolean checkFinite, Integer workers) {
    Shapes.checkFinite(checkFinite, a);
    return MatrixNorms.norm(a, ord == null ? null : ord.trim().toLowerCase(Locale.ROOT), workers);
  }

  public static NdArray expm(NdArray a) {
    return expm(a, true, null);
  }

  /**
   * {@code scipy.linalg.expm}: the matrix exponential of each matrix by scaling and squaring with
   * Pade approximants (Al-Mohy and Higham 2009, the algorithm SciPy implements). Real input gives
   * float64, complex input complex128 (native OpenBLAS needed, as for the other complex functions).
   */
  public static NdArray expm(NdArray a, boolean checkFinite, Integer workers) {
    // SciPy raises LinAlgError here; numspark keeps shape errors IllegalArgumentExceptions.
    if (a.ndim() < 2) {
      throw new IllegalArgumentException("The input array must be at least two-dimensional");
    }
    if (a.shape(-1) != a.shape(-2)) {
      throw new IllegalArgumentException("Last 2 dimensions of the array must be square");
    }
    Shapes.checkFinite(checkFinite, a);
    int n = a.shape(-1);
    if (a.isComplex()) {
      return ComplexLinalg.expm(a, n, workers);
    }
    int count = Shapes.count(Shapes.batch(a.shape(), 2));
    double[] out = new double[a.size()];
    double[] ad = a.data();
    if (n > 0) {
      Batch.run(count, n, workers, (from, to) -> {
        Scratch s = new Scratch();
        for (int i = from; i < to; i++) {
          Expm.expm(n, ad, i * n * n, out, i * n * n, s);
        }
      });
    }
    return NdArray.real(out, a.shape());
  }
}
