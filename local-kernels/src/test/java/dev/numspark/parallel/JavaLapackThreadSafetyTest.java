package dev.numspark.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.lapack.LAPACK;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Java LAPACK numspark hands out has IEEE double's machine constants however many threads make
 * their first calls at once. f2j's DLAMCH computes them on its first call into static fields
 * without a lock; before numspark computed them first, 28% of concurrent first calls saw wrong
 * ones (eps 4e-28, overflow Infinity), and a Spark Connect server's first SVDs hung.
 *
 * <p>f2j's state is per class loader and this JVM's is long set, so each round loads numspark's
 * and netlib's classes afresh in a loader of its own, as a new executor JVM would have them.
 */
class JavaLapackThreadSafetyTest {
  private static final int THREADS = 4;
  private static final int ROUNDS = 40;

  @Test
  void concurrentFirstCallsAllSeeIeeeMachineConstants() throws Exception {
    URL[] classpath = {
        location(NativeBlas.class), location(LAPACK.class), location(BLAS.class),
        location(org.netlib.lapack.Dlamch.class)};
    List<String> wrong = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        try (URLClassLoader fresh = new URLClassLoader(classpath,
            ClassLoader.getPlatformClassLoader())) {
          Class<?> nativeBlas = fresh.loadClass(NativeBlas.class.getName());
          Method javaLapack = nativeBlas.getMethod("javaLapack");
          Method dlamch = fresh.loadClass(LAPACK.class.getName())
              .getMethod("dlamch", String.class);
          CyclicBarrier start = new CyclicBarrier(THREADS);
          List<Future<double[]>> calls = new ArrayList<>();
          for (int t = 0; t < THREADS; t++) {
            calls.add(pool.submit(() -> {
              start.await();
              Object lapack = javaLapack.invoke(null);
              return new double[] {(double) dlamch.invoke(lapack, "E"),
                  (double) dlamch.invoke(lapack, "S"), (double) dlamch.invoke(lapack, "O")};
            }));
          }
          for (Future<double[]> call : calls) {
            double[] c = call.get(60, TimeUnit.SECONDS);
            if (c[0] != Math.ulp(1.0) / 2 || c[1] != Double.MIN_NORMAL
                || c[2] != Double.MAX_VALUE) {
              wrong.add("round " + round + ": eps " + c[0] + ", sfmin " + c[1] + ", overflow "
                  + c[2]);
            }
          }
        }
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(List.of(), wrong, "first calls that saw wrong machine constants");
  }

  private static URL location(Class<?> c) {
    return c.getProtectionDomain().getCodeSource().getLocation();
  }
}
