package dev.numspark.parallel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** parallelFor covers every index exactly once, uses at most {@code workers} threads, and fails fast. */
class WorkerPoolTest {

  @Test
  void everyIndexIsVisitedExactlyOnce() {
    int n = 10_007;
    int[] visits = new int[n];
    WorkerPool.parallelFor(2, n, 37, (from, to) -> {
      for (int i = from; i < to; i++) {
        visits[i]++;
      }
    });
    int[] ones = new int[n];
    java.util.Arrays.fill(ones, 1);
    assertArrayEquals(ones, visits);
  }

  /** Scratch is made once per thread that runs ranges, and every range gets its thread's. */
  @Test
  void scratchIsMadeOncePerWorkerThread() {
    for (int workers = 1; workers <= 3; workers++) {
      int n = 1_000;
      int[] visits = new int[n];
      ConcurrentHashMap<Thread, Object> made = new ConcurrentHashMap<>();
      AtomicInteger makes = new AtomicInteger();
      WorkerPool.parallelFor(workers, n, () -> {
        makes.incrementAndGet();
        Object scratch = new Object();
        assertTrue(made.putIfAbsent(Thread.currentThread(), scratch) == null,
            "a second scratch on one thread");
        return scratch;
      }, (scratch, from, to) -> {
        assertSame(made.get(Thread.currentThread()), scratch);
        for (int i = from; i < to; i++) {
          visits[i]++;
        }
      });
      int[] ones = new int[n];
      java.util.Arrays.fill(ones, 1);
      assertArrayEquals(ones, visits, "workers " + workers);
      assertTrue(makes.get() >= 1 && makes.get() <= workers, "made " + makes.get());
    }
  }

  @Test
  void atMostWorkersThreadsTakePart() {
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    WorkerPool.parallelFor(3, 300, 1, (from, to) -> {
      threads.add(Thread.currentThread());
      busy(50_000);
    });
    assertTrue(threads.size() <= 3, "threads used: " + threads.size());
    assertTrue(threads.contains(Thread.currentThread()), "the caller takes part");
  }

  @Test
  void oneWorkerRunsOnTheCallerInOneRange() {
    AtomicInteger calls = new AtomicInteger();
    Thread[] runner = new Thread[1];
    WorkerPool.parallelFor(1, 1000, (from, to) -> {
      calls.incrementAndGet();
      runner[0] = Thread.currentThread();
      assertEquals(0, from);
      assertEquals(1000, to);
    });
    assertEquals(1, calls.get());
    assertSame(Thread.currentThread(), runner[0]);
  }

  @Test
  void theFirstFailureIsRethrownAsThrownAndStopsTheRest() {
    IllegalStateException boom = new IllegalStateException("item 3 failed");
    AtomicInteger started = new AtomicInteger();
    IllegalStateException thrown = assertThrows(IllegalStateException.class,
        () -> WorkerPool.parallelFor(2, 10_000, 1, (from, to) -> {
          started.incrementAndGet();
          if (from == 3) {
            throw boom;
          }
          busy(20_000);
        }));
    assertSame(boom, thrown);
    assertTrue(started.get() < 10_000, "remaining ranges were skipped, started " + started.get());
  }

  @Test
  void nestedCallsOnABusyPoolDoNotDeadlock() {
    int outer = 4 * WorkerPool.MAX_SHARED_THREADS;
    AtomicInteger inner = new AtomicInteger();
    WorkerPool.parallelFor(WorkerPool.MAX_SHARED_THREADS, outer, 1, (from, to) ->
        WorkerPool.parallelFor(4, 8, 1, (a, b) -> inner.addAndGet(b - a)));
    assertEquals(outer * 8, inner.get());
  }

  /**
   * The shared pool reuses idle threads and never holds more than the CPU count, however many
   * callers ask for however many workers: a pool that starts a thread per submit (core = max)
   * would hold one per call here, up to its size.
   */
  @Test
  void thePoolReusesIdleThreadsAndStaysWithinTheCpuCount() throws Exception {
    for (int call = 0; call < 300; call++) {
      WorkerPool.parallelFor(2, 64, 1, (from, to) -> busy(2_000));
    }
    assertTrue(liveWorkers() <= Workers.cpuCount(),
        "after sequential calls: " + liveWorkers() + " live workers");
    Thread[] callers = new Thread[8];
    AtomicInteger peak = new AtomicInteger();
    for (int t = 0; t < callers.length; t++) {
      callers[t] = new Thread(() -> {
        for (int call = 0; call < 50; call++) {
          WorkerPool.parallelFor(16, 64, 1, (from, to) -> busy(2_000));
          peak.accumulateAndGet(liveWorkers(), Math::max);
        }
      });
      callers[t].start();
    }
    for (Thread caller : callers) {
      caller.join();
    }
    assertTrue(peak.get() <= Workers.cpuCount(), "8 callers x workers=16 reached "
        + peak.get() + " live workers, more than the CPU count " + Workers.cpuCount());
  }

  /** The shared pool's threads alive now. */
  static int liveWorkers() {
    return (int) Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("numspark-worker-")).count();
  }

  @Test
  void emptyRangesDoNothing() {
    WorkerPool.parallelFor(2, 0, (from, to) -> {
      throw new AssertionError("must not run");
    });
  }

  static void busy(long iterations) {
    double x = 0;
    for (long i = 0; i < iterations; i++) {
      x += Math.sqrt(i);
    }
    if (x < 0) {
      throw new AssertionError();
    }
  }
}
