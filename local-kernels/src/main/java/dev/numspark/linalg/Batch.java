package dev.numspark.linalg;

import dev.numspark.parallel.NativeBlas;
import dev.numspark.parallel.RangeTask;
import dev.numspark.parallel.ThreadLimit;
import dev.numspark.parallel.ThreadLimits;
import dev.numspark.parallel.UserApi;
import dev.numspark.parallel.WorkerPool;
import dev.numspark.parallel.Workers;

/**
 * Runs a kernel over the matrices of a batch within the thread budget.
 *
 * <ul>
 *   <li>A batch of several matrices is split across {@code workers} threads, each matrix on one
 *       thread, with native BLAS limited to one thread meanwhile: workers x 1 BLAS thread.
 *   <li>One matrix runs on the calling thread with native BLAS limited to {@code workers} threads.
 * </ul>
 *
 * <p>BLAS thread counts are process-global (as threadpoolctl's): while a call runs, other threads
 * of the JVM calling BLAS see the same limit, and the previous count comes back when it ends. Two
 * concurrent calls that limit BLAS differently can therefore see each other's limit; their
 * results do not change, only their speed. Each matrix is always computed on one BLAS thread in the
 * batch path, so the results are bitwise the same for any number of workers.
 */
final class Batch {
  /** Below this order OpenBLAS does not start threads, so a limit would only cost its overhead. */
  static final int THREADED_ORDER = 32;

  private Batch() {}

  /** Runs {@code task} over matrices {@code [0, count)} of order about {@code order}. */
  static void run(int count, int order, Integer workers, RangeTask task) {
    int threads = Workers.resolve(workers);
    if (count <= 0) {
      return;
    }
    boolean nativeBlas = NativeBlas.isNative();
    if (count == 1) {
      if (!nativeBlas || order < THREADED_ORDER) {
        task.run(0, 1);
        return;
      }
      try (ThreadLimit ignored = ThreadLimits.limit(threads, UserApi.BLAS)) {
        task.run(0, 1);
      }
      return;
    }
    if (!nativeBlas) {
      WorkerPool.parallelFor(threads, count, task);
      return;
    }
    try (ThreadLimit ignored = ThreadLimits.limit(1, UserApi.BLAS)) {
      WorkerPool.parallelFor(threads, count, task);
    }
  }
}
