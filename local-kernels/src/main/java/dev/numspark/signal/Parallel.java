package dev.numspark.signal;

import dev.numspark.parallel.RangeTask;
import dev.numspark.parallel.WorkerPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@link WorkerPool#parallelFor} that returns only once every index has run.
 *
 * <p>Why: WorkerPool (as of the foundation commit c9684cf) skips waiting for helpers whose
 * {@code Future.cancel(false)} succeeds, but {@code FutureTask.cancel} also succeeds on a task that
 * is still running, so parallelFor can return while a helper is inside its last range (seen as
 * missing output values). Reported to the lead; remove this class once WorkerPool waits itself.
 */
final class Parallel {
  private Parallel() {}

  static void parallelFor(int workers, int count, RangeTask task) {
    run(workers, count, 0, task);
  }

  static void parallelFor(int workers, int count, int grain, RangeTask task) {
    run(workers, count, grain, task);
  }

  private static void run(int workers, int count, int grain, RangeTask task) {
    if (count <= 0) {
      return;
    }
    AtomicInteger done = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Object lock = new Object();
    RangeTask counted = (from, to) -> {
      try {
        task.run(from, to);
      } catch (RuntimeException | Error e) {
        failure.compareAndSet(null, e);
        throw e;
      } finally {
        done.addAndGet(to - from);
        synchronized (lock) {
          lock.notifyAll();
        }
      }
    };
    if (grain > 0) {
      WorkerPool.parallelFor(workers, count, grain, counted);
    } else {
      WorkerPool.parallelFor(workers, count, counted);
    }
    boolean interrupted = false;
    synchronized (lock) {
      while (done.get() < count && failure.get() == null) {
        try {
          lock.wait(10);
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    Throwable t = failure.get();
    if (t instanceof RuntimeException e) {
      throw e;
    }
    if (t instanceof Error e) {
      throw e;
    }
  }
}
