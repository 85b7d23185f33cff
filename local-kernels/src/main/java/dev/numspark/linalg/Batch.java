package dev.numspark.linalg;

import dev.numspark.parallel.BlasThreads;
import dev.numspark.parallel.NativeBlas;
import dev.numspark.parallel.RangeTask;
import dev.numspark.parallel.WorkerPool;
import dev.numspark.parallel.Workers;

/**
 * Runs a kernel over the matrices of a batch within the thread budget.
 *
 * <ul>
 *   <li>Small matrices (order below {@link #THREADED_ORDER}), one or a batch, are split across
 *       {@code workers} threads, each matrix on one thread with the Java BLAS/LAPACK
 *       ({@link Backend}): workers threads, no native threads. Results are bitwise the same for
 *       any number of workers and wherever they run (a Spark SQL function row by row included).
 *   <li>Larger matrices run on the calling thread with native BLAS on {@code workers} threads,
 *       or with {@code workers} unset on {@link BlasThreads#defaultCount()} (SciPy's default:
 *       BLAS's own setting, a Spark task's CPUs inside a task), in an epoch of the process-wide
 *       arbiter ({@link BlasThreads}), so that the count never changes under a running call.
 * </ul>
 *
 * <p>Native OpenBLAS is never called from several of our threads at once, so one matrix always
 * sees the same BLAS whatever the number of workers.
 */
final class Batch {
  /** Below this order OpenBLAS does not start threads and the Java LAPACK is competitive. */
  static final int THREADED_ORDER = 32;

  private Batch() {}

  /**
   * Whether a kernel of this order uses numspark's own pure-Java small-matrix code ({@link
   * SmallLu}, {@link SmallEigh}, and for complex input {@link SmallZLu}, {@link SmallZEigh})
   * rather than LAPACK: exactly the orders that run on the Java
   * path, decided by the order alone so that one matrix gets the same arithmetic whatever the
   * batch, the workers or the caller (a Spark SQL function row by row included).
   */
  static boolean small(int order) {
    return order < THREADED_ORDER;
  }

  static void parallel(int threads, int count, RangeTask task) {
    WorkerPool.parallelFor(threads, count, task);
  }

  /** Runs {@code task} over matrices {@code [0, count)} of order about {@code order}. */
  static void run(int count, int order, Integer workers, RangeTask task) {
    run(count, order, workers, task, true);
  }

  /**
   * Runs a complex128 kernel ({@link ZKernels}, native OpenBLAS only) over matrices
   * {@code [0, count)}: small orders are split across {@code workers} threads with native BLAS
   * limited to one thread (each matrix sits at the same alignment in its thread's {@link ZWork},
   * so results do not depend on the split); larger ones run as {@link #run} runs them, on the
   * calling thread with BLAS limited to {@code workers} threads. netlib's Java LAPACK has no
   * complex routines: only the kernels numspark wrote in Java itself run without OpenBLAS (see
   * the overload with {@code javaSmall}).
   *
   * @throws NativeLapackUnavailableException when native OpenBLAS is not loaded
   */
  static void runComplex(int count, int order, Integer workers, RangeTask task) {
    runComplex(count, order, workers, task, false);
  }

  /**
   * As {@link #runComplex(int, int, Integer, RangeTask)}; {@code javaSmall} says the kernel has
   * numspark's own pure-Java code for small orders ({@link SmallZEigh}, {@link SmallZLu}): those
   * batches are split across {@code workers} threads as {@link #run} splits real ones, with no
   * native BLAS and no need for OpenBLAS, bitwise the same for any split.
   */
  static void runComplex(int count, int order, Integer workers, RangeTask task,
      boolean javaSmall) {
    if (javaSmall && small(order)) {
      int threads = Workers.resolve(workers);
      if (count > 0) {
        runSmallComplex(threads, count, task);
      }
      return;
    }
    ZLapack.require();
    int threads = Workers.resolve(workers);
    if (count <= 0) {
      return;
    }
    if (order < THREADED_ORDER) {
      if (BlasThreads.holding()) {
        runSmallComplex(threads, count, task); // inside a kernel: the caller's epoch holds
        return;
      }
      try (BlasThreads.Lease ignored = BlasThreads.acquire(1)) {
        runSmallComplex(threads, count, task);
      }
      return;
    }
    run(count, order, workers, task, false);
  }

  private static void runSmallComplex(int threads, int count, RangeTask task) {
    if (threads == 1 || count == 1) {
      task.run(0, count);
    } else {
      parallel(threads, count, task);
    }
  }

  /**
   * As {@link #run(int, int, Integer, RangeTask)}; {@code javaPath} false keeps a kernel off
   * the parallel Java path and runs its batch on the calling thread with native LAPACK: the
   * f2j-translated dgeev keeps work arrays in static fields, so its calls take one lock
   * ({@link Backend#geevLock}) and would gain nothing from threads, and f2j's dgelsd misjudges
   * numerical ranks more often than OpenBLAS's (see Linalg.lstsq).
   */
  static void run(int count, int order, Integer workers, RangeTask task, boolean javaPath) {
    int threads = Workers.resolve(workers);
    if (count <= 0) {
      return;
    }
    boolean nativeBlas = NativeBlas.isNative();
    if (!nativeBlas) {
      parallel(threads, count, task);
      return;
    }
    if (order < THREADED_ORDER && javaPath) {
      parallel(threads, count, (from, to) -> Backend.java(() -> task.run(from, to)));
      return;
    }
    if (order < THREADED_ORDER) {
      task.run(0, count);
      return;
    }
    if (BlasThreads.holding()) {
      task.run(0, count); // a kernel inside a kernel: join the caller's epoch on its thread
      return;
    }
    // Native BLAS threads come from the arbiter: workers=n means n, unset means SciPy's default
    // (BLAS at its standing setting; a Spark task's CPUs inside a task).
    int blasThreads = workers == null ? BlasThreads.defaultCount() : threads;
    if (blasThreads == 1) {
      try (BlasThreads.Lease ignored = BlasThreads.acquire(1)) {
        task.run(0, count);
      }
      return;
    }
    // Threaded OpenBLAS needs a large stack on the calling thread (see runWithLargeStack).
    WorkerPool.runWithLargeStack(() -> {
      try (BlasThreads.Lease ignored = BlasThreads.acquire(blasThreads)) {
        task.run(0, count);
      }
    });
  }
}
