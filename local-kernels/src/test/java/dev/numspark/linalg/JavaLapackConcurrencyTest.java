package dev.numspark.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Java LAPACK's routines give on several threads at once what they give on one. Without
 * native OpenBLAS every kernel runs on it, from a kernel's workers and from Spark's tasks side by
 * side; f2j keeps a few work arrays in static fields (DLALN2's, under dgeev's eigenvectors).
 */
class JavaLapackConcurrencyTest {
  private static final int N = 7;
  private static final int MATRICES = 400;
  private static final int THREADS = 4;

  @Test
  void eigOnTheJavaLapackFromFourThreadsIsBitwiseItsOneThreadResult() throws Exception {
    SplittableRandom rng = new SplittableRandom(21);
    double[] a = new double[MATRICES * N * N];
    for (int i = 0; i < a.length; i++) {
      a[i] = rng.nextDouble() - 0.5; // nonsymmetric: complex pairs, DLALN2's 2x2 solves
    }
    double[] w = new double[2 * MATRICES * N];
    double[] v = new double[2 * MATRICES * N * N];
    eigRange(a, w, v, 0, MATRICES);

    double[] wPar = new double[w.length];
    double[] vPar = new double[v.length];
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CyclicBarrier start = new CyclicBarrier(THREADS);
      List<Future<?>> parts = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int from = t * MATRICES / THREADS;
        int to = (t + 1) * MATRICES / THREADS;
        parts.add(pool.submit(() -> {
          start.await();
          eigRange(a, wPar, vPar, from, to);
          return null;
        }));
      }
      for (Future<?> part : parts) {
        part.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertArrayEquals(w, wPar, "eigenvalues");
    assertArrayEquals(v, vPar, "eigenvectors");
  }

  private static void eigRange(double[] a, double[] w, double[] v, int from, int to) {
    Backend.java(() -> {
      Scratch s = new Scratch();
      for (int i = from; i < to; i++) {
        Spectral.eig(N, a, i * N * N, w, 2 * i * N, v, 2 * i * N * N, s);
      }
    });
  }
}
