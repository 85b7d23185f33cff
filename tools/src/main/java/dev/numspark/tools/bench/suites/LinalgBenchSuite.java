package dev.numspark.tools.bench.suites;

import dev.numspark.linalg.Linalg;
import dev.numspark.array.NdArray;
import dev.numspark.tools.bench.BenchCase;
import dev.numspark.tools.bench.BenchSuite;
import dev.numspark.parallel.NativeBlas;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Linear algebra side by side with numpy/scipy: dgemm (GFLOP/s via work = 2 n^3) with 1 and 2
 * threads, batched solve and eigh of small matrices, one large SVD, batched complex Hermitian eigh
 * and a large complex solve (issue 21), and native vs Java BLAS dgemm.
 * The Python peer's OpenBLAS threads follow the case's workers (OPENBLAS_NUM_THREADS, set by the
 * runner).
 */
public final class LinalgBenchSuite implements BenchSuite {

  @Override
  public String name() {
    return "linalg";
  }

  @Override
  public List<BenchCase> cases(boolean quick) {
    List<BenchCase> cases = new ArrayList<>();
    int n = quick ? 500 : 2000;
    for (int workers : new int[] {1, 2}) {
      cases.add(new BenchCase("matmul (dgemm)", n + "x" + n, workers, 2.0 * n * n * n,
          () -> {
            NdArray a = random(1, n, n);
            NdArray b = random(2, n, n);
            return () -> Linalg.matmul(a, b, workers);
          }, "numpy", null, square("a", n) + square("b", n), "a @ b"));
    }
    int batch = quick ? 2000 : 20000;
    for (int workers : new int[] {1, 2}) {
      cases.add(new BenchCase("solve (batched)", batch + "x8x8", workers, batch,
          () -> {
            NdArray a = random(3, batch, 8, 8);
            NdArray b = random(4, batch, 8, 1);
            return () -> Linalg.solve(a, b, "gen", false, true, workers);
          }, "numpy", null,
          "rng = np.random.default_rng(0)\na = rng.standard_normal((" + batch + ", 8, 8))\n"
              + "b = rng.standard_normal((" + batch + ", 8, 1))",
          "np.linalg.solve(a, b)"));
    }
    int eighBatch = quick ? 1000 : 10000;
    for (int workers : new int[] {1, 2}) {
      cases.add(new BenchCase("eigh (batched)", eighBatch + "x16x16", workers, eighBatch,
          () -> {
            NdArray a = random(5, eighBatch, 16, 16);
            NdArray s = symmetric(a);
            return () -> Linalg.eigh(s, true, false, null, true, workers);
          }, "numpy", null,
          "rng = np.random.default_rng(0)\na = rng.standard_normal((" + eighBatch + ", 16, 16))\n"
              + "a = a + a.transpose(0, 2, 1)",
          "np.linalg.eigh(a)"));
    }
    int svdN = quick ? 300 : 1000;
    for (int workers : new int[] {1, 2}) {
      cases.add(new BenchCase("svd", svdN + "x" + svdN, workers, 0,
          () -> {
            NdArray a = random(6, svdN, svdN);
            return () -> Linalg.svd(a, true, true, true, workers);
          }, "scipy", null, square("a", svdN), "scipy.linalg.svd(a)"));
    }
    // complex128 (issue 21): a Hermitian covariance per bin, and one large complex solve
    int hermBatch = quick ? 2000 : 20000;
    for (int workers : new int[] {1, 2}) {
      cases.add(new BenchCase("eigh complex (batched)", hermBatch + "x8x8", workers, hermBatch,
          () -> {
            NdArray h = hermitian(9, hermBatch, 8);
            return () -> Linalg.eigh(h, true, false, null, true, workers);
          }, "numpy", null,
          "rng = np.random.default_rng(0)\na = rng.standard_normal((" + hermBatch + ", 8, 8))"
              + " + 1j * rng.standard_normal((" + hermBatch + ", 8, 8))\n"
              + "a = a + a.conj().transpose(0, 2, 1)",
          "np.linalg.eigh(a)"));
    }
    int zN = quick ? 300 : 1000;
    for (int workers : new int[] {1, 2}) {
      cases.add(new BenchCase("solve complex", zN + "x" + zN, workers, 0,
          () -> {
            NdArray a = complexRandom(10, zN, zN);
            NdArray b = complexRandom(11, zN, 1);
            return () -> Linalg.solve(a, b, "gen", false, true, workers);
          }, "scipy", null,
          "rng = np.random.default_rng(0)\na = rng.standard_normal((" + zN + ", " + zN + "))"
              + " + 1j * rng.standard_normal((" + zN + ", " + zN + "))\n"
              + "b = rng.standard_normal((" + zN + ", 1)) + 1j * rng.standard_normal((" + zN
              + ", 1))",
          "scipy.linalg.solve(a, b, assume_a='gen')"));
    }
    int javaN = quick ? 300 : 1000;
    cases.add(new BenchCase("dgemm native vs Java BLAS", javaN + "x" + javaN, 1,
        2.0 * javaN * javaN * javaN,
        () -> {
          NdArray a = random(7, javaN, javaN);
          NdArray b = random(8, javaN, javaN);
          return () -> Linalg.matmul(a, b, 1);
        }, "netlib JavaBLAS",
        () -> {
          double[] a = random(7, javaN, javaN).data();
          double[] b = random(8, javaN, javaN).data();
          double[] c = new double[javaN * javaN];
          return () -> NativeBlas.javaBlas().dgemm("N", "N", javaN, javaN, javaN, 1.0, b, javaN,
              a, javaN, 0.0, c, javaN);
        }, null, null));
    return cases;
  }

  private static String square(String name, int n) {
    return name + " = np.random.default_rng(" + name.hashCode() + ").standard_normal((" + n
        + ", " + n + "))\n";
  }

  private static NdArray random(long seed, int... shape) {
    Random rnd = new Random(seed);
    double[] d = new double[(int) NdArray.elementCount(shape)];
    for (int i = 0; i < d.length; i++) {
      d[i] = rnd.nextGaussian();
    }
    return NdArray.real(d, shape);
  }

  private static NdArray complexRandom(long seed, int... shape) {
    Random rnd = new Random(seed);
    double[] d = new double[2 * (int) NdArray.elementCount(shape)];
    for (int i = 0; i < d.length; i++) {
      d[i] = rnd.nextGaussian();
    }
    return NdArray.complex(d, shape);
  }

  /** count random n x n Hermitian matrices (A + A^H). */
  private static NdArray hermitian(long seed, int count, int n) {
    double[] d = complexRandom(seed, count, n, n).data();
    for (int b = 0; b < count; b++) {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j <= i; j++) {
          int p = 2 * (b * n * n + i * n + j);
          int q = 2 * (b * n * n + j * n + i);
          double re = d[p] + d[q];
          double im = d[p + 1] - d[q + 1];
          d[p] = re;
          d[p + 1] = im;
          d[q] = re;
          d[q + 1] = -im;
        }
      }
    }
    return NdArray.complex(d, count, n, n);
  }

  private static NdArray symmetric(NdArray a) {
    int[] s = a.shape();
    int n = s[s.length - 1];
    double[] d = a.data().clone();
    int count = d.length / (n * n);
    for (int b = 0; b < count; b++) {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < i; j++) {
          double v = d[b * n * n + i * n + j] + d[b * n * n + j * n + i];
          d[b * n * n + i * n + j] = v;
          d[b * n * n + j * n + i] = v;
        }
      }
    }
    return NdArray.real(d, s);
  }
}
