package dev.numspark.tools.bench.spark;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.lapack.LAPACK;
import dev.numspark.parallel.NativeBlas;
import dev.numspark.spark.NumsparkPlugin;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.netlib.util.intW;

/**
 * One side of the oversubscription study: two tasks at once on local[2], each doing rounds of
 * dgemm and dgesv (m x m) on {@link NativeBlas}. With the numspark plugin each task's BLAS runs
 * on spark.task.cpus = 1 thread (2 threads on 2 cores); without it OpenBLAS uses its default,
 * every core per call, so two tasks run 2 x cores threads that contend for the same cores.
 */
final class BlasJob implements Runnable, AutoCloseable {
  private final SparkSession spark;
  private final JavaSparkContext jsc;
  private final int m;
  private final int rounds;

  BlasJob(boolean plugin, int m, int rounds) {
    this.spark = Sessions.start("numspark bench oversubscription", plugin
        ? Map.of("spark.plugins", NumsparkPlugin.class.getName(), "spark.task.cpus", "1")
        : Map.of());
    this.jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    this.m = m;
    this.rounds = rounds;
  }

  @Override
  public void run() {
    checksums();
  }

  /** Runs the job: one task per seed 1 and 2, at once; each returns its {@link #work} checksum. */
  List<Double> checksums() {
    int size = m;
    int count = rounds;
    return jsc.parallelize(List.of(1, 2), 2).map(seed -> onBigStack(size, count, seed)).collect();
  }

  /**
   * {@link #work} on a thread with a 16 MiB stack, as numspark's WorkerPool gives its workers:
   * OpenBLAS's LAPACK, called from two threads at once, overruns a default 1 MiB Java thread stack
   * and crashes the JVM (Spark's task threads have the JVM default; bin/numspark sets -Xss8m, a
   * spark-submit'ed executor may not).
   */
  static double onBigStack(int m, int rounds, long seed) throws InterruptedException {
    double[] result = new double[1];
    RuntimeException[] failure = new RuntimeException[1];
    Thread worker = new Thread(null, () -> {
      try {
        result[0] = work(m, rounds, seed);
      } catch (RuntimeException e) {
        failure[0] = e;
      }
    }, "numspark-bench-blas", 16L << 20);
    worker.start();
    worker.join();
    if (failure[0] != null) {
      throw failure[0];
    }
    return result[0];
  }

  /** {@code rounds} x (C = A B; solve A X = B) on random, diagonally dominant A. */
  static double work(int m, int rounds, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] a = new double[m * m];
    double[] b = new double[m * m];
    for (int i = 0; i < a.length; i++) {
      a[i] = random.nextDouble();
      b[i] = random.nextDouble();
    }
    for (int i = 0; i < m; i++) {
      a[i * m + i] += m;
    }
    BLAS blas = NativeBlas.blas();
    LAPACK lapack = NativeBlas.lapack();
    double[] c = new double[m * m];
    int[] pivots = new int[m];
    double check = 0;
    for (int r = 0; r < rounds; r++) {
      blas.dgemm("N", "N", m, m, m, 1.0, a, m, b, m, 0.0, c, m);
      double[] lu = a.clone();
      double[] x = b.clone();
      intW info = new intW(0);
      lapack.dgesv(m, m, lu, m, pivots, x, m, info);
      if (info.val != 0) {
        throw new IllegalStateException("dgesv failed: info " + info.val);
      }
      check += c[0] + x[0];
    }
    return check;
  }

  @Override
  public void close() {
    spark.stop();
  }
}
