package dev.numspark.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Workers resolves {@code workers} exactly as scipy.fft's {@code _workers} helper does. */
class WorkersTest {
  private final int cpus = Workers.cpuCount();

  @Test
  void positiveCountsAreTakenAsGiven() {
    assertEquals(1, Workers.resolve(1));
    assertEquals(7, Workers.resolve(7));
  }

  @Test
  void negativeCountsWrapFromTheCpuCount() {
    assertEquals(cpus, Workers.resolve(-1));
    assertEquals(1, Workers.resolve(-cpus));
    if (cpus >= 2) {
      assertEquals(cpus - 1, Workers.resolve(-2));
    }
  }

  @Test
  void zeroIsRejectedInScipysWords() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Workers.resolve(0));
    assertEquals("workers must not be zero", e.getMessage());
  }

  @Test
  void belowMinusCpuCountIsRejectedInScipysWords() {
    int tooLow = -cpus - 1;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Workers.resolve(tooLow));
    assertEquals("workers value out of range; got " + tooLow + ", must not be less than " + (-cpus),
        e.getMessage());
  }

  @Test
  void nullMeansTheDefaultWhichIsOneOutsideSpark() {
    assertEquals(1, Workers.getWorkers());
    assertEquals(1, Workers.resolve((Integer) null));
    assertEquals(cpus, Workers.threadBudget());
  }

  @Test
  void scopesNestAndRestore() {
    try (Workers.Scope outer = Workers.setWorkers(3)) {
      assertEquals(3, Workers.resolve((Integer) null));
      try (Workers.Scope inner = Workers.setWorkers(-1)) {
        assertEquals(cpus, Workers.getWorkers());
      }
      assertEquals(3, Workers.getWorkers());
    }
    assertEquals(1, Workers.getWorkers());
  }

  @Test
  void aScopeRestoresWhenTheBodyThrows() {
    assertThrows(IllegalStateException.class, () -> {
      try (Workers.Scope scope = Workers.setWorkers(5)) {
        throw new IllegalStateException("boom");
      }
    });
    assertEquals(1, Workers.getWorkers());
  }

  @Test
  void aBadScopeValueIsRejectedAndChangesNothing() {
    assertThrows(IllegalArgumentException.class, () -> Workers.setWorkers(0));
    assertEquals(1, Workers.getWorkers());
  }

  @Test
  void scopesAreThreadLocal() throws Exception {
    AtomicInteger seenByOtherThread = new AtomicInteger();
    AtomicInteger seenInsideOtherScope = new AtomicInteger();
    try (Workers.Scope scope = Workers.setWorkers(4)) {
      Thread other = new Thread(() -> {
        seenByOtherThread.set(Workers.getWorkers());
        try (Workers.Scope own = Workers.setWorkers(2)) {
          seenInsideOtherScope.set(Workers.getWorkers());
        }
      });
      other.start();
      other.join();
      assertEquals(4, Workers.getWorkers());
    }
    assertEquals(1, seenByOtherThread.get());
    assertEquals(2, seenInsideOtherScope.get());
  }

  @Test
  void poolThreadsDoNotInheritTheCallersScope() {
    int[] seen = new int[8];
    try (Workers.Scope scope = Workers.setWorkers(2)) {
      WorkerPool.parallelFor(2, seen.length, 1, (from, to) -> {
        for (int i = from; i < to; i++) {
          seen[i] = Thread.currentThread().getName().startsWith("numspark-worker")
              ? Workers.getWorkers() : 2;
        }
      });
    }
    for (int s : seen) {
      // the caller's own ranges see its scope (2); pool threads see the plain default (1)
      assertEquals(true, s == 1 || s == 2);
    }
  }

  @Test
  void aScopeMustBeClosedByItsOwnThread() throws Exception {
    Workers.Scope scope = Workers.setWorkers(3);
    Throwable[] failure = new Throwable[1];
    Thread other = new Thread(() -> {
      try {
        scope.close();
      } catch (Throwable t) {
        failure[0] = t;
      }
    });
    other.start();
    other.join();
    scope.close();
    assertEquals(IllegalStateException.class, failure[0].getClass());
    assertEquals(1, Workers.getWorkers());
  }
}
