package dev.numspark.fft;

import dev.numspark.parallel.RangeTask;
import dev.numspark.parallel.WorkerPool;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@link WorkerPool#parallelFor} that also waits until every range has finished.
 *
 * <p>Why: WorkerPool (at commit c9684cf) treats {@code Future.cancel(false) == true} as "never
 * started", but {@code FutureTask.cancel(false)} also succeeds on a task that is running (its
 * state stays NEW until it completes), so parallelFor can return while a helper thread is still
 * writing its range. Until that is fixed in the foundation, this wrapper counts finished indices
 * and waits for all of them, and rethrows the first failure itself.
 */
final class CompletedParallelFor {
  private CompletedParallelFor() {}

  static void run(int workers, int count, RangeTask task) {
    if (workers <= 1 || count <= 1) {
      task.run(0, count);
      return;
    }
    Object lock = new Object();
    long[] done = {0};
    AtomicReference<Throwable> failure = new AtomicReference<>();
    WorkerPool.parallelFor(workers, count, (from, to) -> {
      try {
        if (failure.get() == null) {
          task.run(from, to);
        }
      } catch (Throwable t) {
        failure.compareAndSet(null, t);
      } finally {
        synchronized (lock) {
          done[0] += to - from;
          lock.notifyAll();
        }
      }
    });
    boolean interrupted = false;
    synchronized (lock) {
      while (done[0] < count) {
        try {
          lock.wait();
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
    if (t != null) {
      throw new IllegalStateException(t);
    }
  }
}
