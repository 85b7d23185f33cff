package dev.numspark.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.numspark.parallel.BlasThreads;
import dev.numspark.parallel.NativeBlas;
import dev.numspark.parallel.ThreadLimits;
import dev.numspark.parallel.Workers;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The reliability suite's in-process parts (bounded, a few tens of seconds together): concurrent
 * callers mixing kernels, workers and sizes get right results and leave the native BLAS count as
 * they found it; a soak of 10 000 mixed calls grows no threads, leaks no pools and keeps the heap
 * stable after GC. Without native OpenBLAS the same calls run on the Java path and the native
 * checks have nothing to check.
 */
class ReliabilityTest {

  /** 8 callers x 250 mixed calls at once. */
  @Test
  void concurrentMixedCallsAreRightAndLeaveTheNativeCountAsFound() throws Exception {
    int before = nativeCount();
    long epochs = BlasThreads.epochsStarted();
    int calls = runConcurrently(8, 250, 0);
    assertEquals(2000, calls);
    assertEquals(before, nativeCount(), "native BLAS count after the stress");
    System.out.println("reliability stress: 8 callers x 250 mixed calls (workers unset/1/2), "
        + (BlasThreads.epochsStarted() - epochs) + " BLAS epochs, native count " + before
        + " before and after");
  }

  /** 10 000 mixed calls from 4 callers: no growth in threads, pools or heap. */
  @Test
  void aSoakOfTenThousandCallsGrowsNothing() throws Exception {
    runConcurrently(4, 100, 7); // warm-up: JIT, pools and caches reach their working size
    int threadsBefore = liveThreads();
    long heapBefore = heapAfterGc();
    int before = nativeCount();
    int calls = runConcurrently(4, 2500, 11);
    int threadsAfter = liveThreads();
    long heapAfter = heapAfterGc();
    assertEquals(10_000, calls);
    assertTrue(workerThreads() <= Workers.cpuCount(), workerThreads() + " numspark workers");
    assertEquals(0, mapperThreads(), "a mapper pool was left running");
    // The pool may hold up to the CPU count and this test's 4 callers come and go: allow that.
    assertTrue(threadsAfter <= threadsBefore + Workers.cpuCount(),
        "threads grew from " + threadsBefore + " to " + threadsAfter);
    assertTrue(heapAfter - heapBefore < 32L << 20,
        "heap after GC grew from " + heapBefore + " to " + heapAfter + " bytes");
    assertEquals(before, nativeCount());
    System.out.println("reliability soak: " + calls + " mixed calls, live threads " + threadsBefore
        + " -> " + threadsAfter + ", numspark workers " + workerThreads() + " (CPUs "
        + Workers.cpuCount() + "), heap after GC " + (heapBefore >> 20) + " -> "
        + (heapAfter >> 20) + " MiB, native count " + before + " -> " + nativeCount());
  }

  /** Runs {@code callers} x {@code each} calls, checking every result; returns the calls made. */
  static int runConcurrently(int callers, int each, int offset) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    AtomicInteger made = new AtomicInteger();
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < callers; c++) {
        int caller = c;
        done.add(pool.submit(() -> {
          for (int k = 0; k < each; k++) {
            int i = offset + caller * 31 + k;
            assertNull(MixedCalls.check(i, MixedCalls.call(i)));
            made.incrementAndGet();
          }
        }));
      }
      for (Future<?> f : done) {
        f.get(300, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdown();
      assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
    }
    return made.get();
  }

  /** The native BLAS thread count now (0 without a native BLAS). */
  static int nativeCount() {
    if (!NativeBlas.isNative()) {
      return 0;
    }
    return ThreadLimits.info().stream().filter(i -> i.userApi().jsonName().equals("blas"))
        .mapToInt(i -> i.numThreads()).findFirst().orElse(0);
  }

  private static int liveThreads() {
    return ManagementFactory.getThreadMXBean().getThreadCount();
  }

  private static long workerThreads() {
    return named("numspark-worker-");
  }

  private static long mapperThreads() {
    return named("numspark-mapper-");
  }

  private static long named(String prefix) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith(prefix)).count();
  }

  private static long heapAfterGc() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long least = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
      least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
    }
    return least;
  }
}
