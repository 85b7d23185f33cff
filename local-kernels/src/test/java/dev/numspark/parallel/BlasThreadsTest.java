package dev.numspark.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.numspark.array.NdArray;
import dev.numspark.linalg.Linalg;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The arbiter of native BLAS threads against the real OpenBLAS, under real concurrency. */
class BlasThreadsTest {

  private static LibController openblasController() {
    NativeOpenBlas.require();
    return ThreadLimits.controllers().stream().filter(c -> c.internalApi().equals("openblas"))
        .findFirst().orElseThrow();
  }

  /**
   * The reproduction: eight threads invert 300 x 300 matrices with workers 1 and 2
   * interleaved. Every result is right, and OpenBLAS is left at its own count (a save-and-restore
   * limit left it at 1 in 4 runs of 4).
   */
  @Test
  void concurrentInversionsAtMixedWorkersLeaveTheCountAsItWas() throws Exception {
    LibController openblas = openblasController();
    int before = openblas.getNumThreads();
    int n = 300;
    NdArray a = NdArray.real(wellConditioned(n, 7), n, n);
    ExecutorService callers = Executors.newFixedThreadPool(8);
    try {
      List<Future<Double>> residuals = new ArrayList<>();
      for (int call = 0; call < 32; call++) {
        int workers = call % 2 + 1;
        residuals.add(callers.submit(() -> identityResidual(a, Linalg.inv(a, true, workers), n)));
      }
      for (Future<Double> residual : residuals) {
        assertTrue(residual.get(120, TimeUnit.SECONDS) < 1e-10, "|A inv(A) - I| too large");
      }
    } finally {
      callers.shutdownNow();
    }
    assertEquals(before, openblas.getNumThreads());
    assertEquals(before, BlasThreads.standingCount());
  }

  /** Inside every lease the native count is the lease's, from start to end, whatever overlaps. */
  @Test
  void theCountNeverChangesUnderARunningCall() throws Exception {
    LibController openblas = openblasController();
    int before = openblas.getNumThreads();
    ExecutorService callers = Executors.newFixedThreadPool(6);
    AtomicBoolean wrong = new AtomicBoolean();
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 6; t++) {
      int caller = t;
      done.add(callers.submit(() -> {
        for (int call = 0; call < 40; call++) {
          int threads = (caller + call) % 3 + 1;
          try (BlasThreads.Lease lease = BlasThreads.acquire(threads)) {
            boolean atStart = openblas.getNumThreads() == threads;
            Thread.onSpinWait();
            busy();
            if (!atStart || openblas.getNumThreads() != threads) {
              wrong.set(true);
            }
          }
        }
      }));
    }
    for (Future<?> f : done) {
      f.get(120, TimeUnit.SECONDS);
    }
    callers.shutdownNow();
    assertFalse(wrong.get(), "a running call saw another count");
    assertEquals(before, openblas.getNumThreads());
  }

  /**
   * SciPy's default: with workers unset, a large matmul runs native BLAS at its standing setting
   * (here OpenBLAS's own, every core), so other threads do a large share of the work; a user's
   * scope of one thread keeps it on the caller.
   */
  @Test
  void workersUnsetRunsBlasAtItsStandingSetting() throws Exception {
    LibController openblas = openblasController();
    int standing = openblas.getNumThreads();
    Assumptions.assumeTrue(standing >= 2, "OpenBLAS runs one thread on this machine");
    assertEquals(standing, BlasThreads.defaultCount());
    int n = 600;
    NdArray a = NdArray.real(ThreadLimitsTest.random(n * n, 3), n, n);
    NdArray b = NdArray.real(ThreadLimitsTest.random(n * n, 4), n, n);
    double unset = ThreadLimitsTest.cpuShareOfOtherThreads(() -> Linalg.matmul(a, b));
    assertTrue(unset > 0.3, "workers unset: helper threads did only " + unset
        + " of the caller's CPU time");
    try (ThreadLimit one = ThreadLimits.limit(1, UserApi.BLAS)) {
      assertEquals(1, BlasThreads.defaultCount());
      Thread.sleep(300); // OpenBLAS helpers of the last call stop spinning
      double scoped = ThreadLimitsTest.cpuShareOfOtherThreads(() -> Linalg.matmul(a, b));
      assertTrue(scoped < 0.2, "in a 1-thread scope other threads did " + scoped);
    }
  }

  /** A scope opened while a call runs at another count waits for that call, then holds. */
  @Test
  void aScopeOpenedDuringACallTakesEffectWhenTheCallEnds() throws Exception {
    LibController openblas = openblasController();
    int before = openblas.getNumThreads();
    CountDownLatch leased = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread caller = new Thread(() -> {
      try (BlasThreads.Lease lease = BlasThreads.acquire(3)) {
        leased.countDown();
        await(release);
      }
    });
    caller.start();
    leased.await();
    try (ThreadLimit scope = ThreadLimits.limit(1, UserApi.BLAS)) {
      assertEquals(3, openblas.getNumThreads(), "the running call keeps its count");
      release.countDown();
      caller.join();
      assertEquals(1, openblas.getNumThreads(), "idle: the scope's count");
    }
    assertEquals(before, openblas.getNumThreads());
  }

  /** A caller waiting for another count is served before newcomers join the running epoch. */
  @Test
  void aWaitingCallerIsNotStarvedByTheRunningEpoch() throws Exception {
    openblasController();
    CountDownLatch firstIn = new CountDownLatch(1);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
    Thread first = new Thread(() -> {
      try (BlasThreads.Lease lease = BlasThreads.acquire(2)) {
        firstIn.countDown();
        await(releaseFirst);
      }
    });
    first.start();
    firstIn.await();
    Thread other = new Thread(() -> {
      try (BlasThreads.Lease lease = BlasThreads.acquire(1)) {
        order.add("count 1");
      }
    });
    other.start();
    waitUntilWaiting(other);
    Thread newcomer = new Thread(() -> {
      try (BlasThreads.Lease lease = BlasThreads.acquire(2)) {
        order.add("count 2");
      }
    });
    newcomer.start();
    waitUntilWaiting(newcomer);
    assertTrue(order.isEmpty(), "the newcomer joined an epoch a caller waits to end: " + order);
    releaseFirst.countDown();
    for (Thread t : List.of(first, other, newcomer)) {
      t.join(10_000);
    }
    assertEquals(List.of("count 1", "count 2"), order);
  }

  private static void waitUntilWaiting(Thread thread) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (thread.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertEquals(Thread.State.WAITING, thread.getState());
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void busy() {
    WorkerPoolTest.busy(20_000);
  }

  /** A random matrix plus n on the diagonal: well conditioned. */
  static double[] wellConditioned(int n, long seed) {
    double[] a = ThreadLimitsTest.random(n * n, seed);
    for (int i = 0; i < n; i++) {
      a[i * n + i] += n;
    }
    return a;
  }

  /** max |A B - I| for row-major n x n A and B. */
  static double identityResidual(NdArray a, NdArray b, int n) {
    double[] x = a.data();
    double[] y = b.data();
    double worst = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int k = 0; k < n; k++) {
          s += x[i * n + k] * y[k * n + j];
        }
        worst = Math.max(worst, Math.abs(s - (i == j ? 1 : 0)));
      }
    }
    return worst;
  }
}
