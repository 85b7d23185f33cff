package dev.numspark.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs index ranges on worker threads. The calling thread always takes part, so a nested call (a
 * kernel inside a mapped function) cannot deadlock on a busy pool: helpers that have not started
 * when the work runs out are cancelled instead of waited for.
 *
 * <p>The shared pool holds at most {@link #MAX_SHARED_THREADS} threads (the CPU count; callers,
 * nested ones included, work beside them), starts a thread only when no idle one can take the
 * work, and its idle threads exit after {@link #KEEP_ALIVE_SECONDS} seconds; threads are named
 * daemons, so a JVM never waits for them.
 */
public final class WorkerPool {

  static final int MAX_SHARED_THREADS = Workers.cpuCount();
  static final long KEEP_ALIVE_SECONDS = 30;
  /**
   * Worker stacks of 16 MiB (reserved, not committed): multi-threaded OpenBLAS LAPACK routines
   * put large buffers on the calling thread's stack and crash the JVM on the default 1 MiB.
   */
  static final long STACK_BYTES = 16L << 20;
  private static final ExecutorService SHARED = newPool("numspark-worker", MAX_SHARED_THREADS);

  private WorkerPool() {}

  /**
   * Runs {@code task} over {@code [0, count)} on {@code workers} threads (the caller and
   * {@code workers - 1} pool threads), in ranges of at most {@code grain} indices taken in order.
   * A failure stops the remaining ranges and is rethrown as thrown.
   */
  public static void parallelFor(int workers, int count, int grain, RangeTask task) {
    run(SHARED, workers, count, grain, task);
  }

  /** {@link #parallelFor(int, int, int, RangeTask)} with about four ranges per worker. */
  public static void parallelFor(int workers, int count, RangeTask task) {
    run(SHARED, workers, count, fourRangesEach(workers, count), task);
  }

  /** A grain giving about four ranges per worker. */
  private static int fourRangesEach(int workers, int count) {
    return Math.max(1, (int) Math.ceil(count / (4.0 * Math.max(1, workers))));
  }

  /**
   * {@link #parallelFor(int, int, RangeTask)} with per-worker scratch: each thread that runs
   * ranges makes its {@code scratch} once, on its first range, and passes it to every range it
   * runs; a thread that finds no range left makes none. For work buffers that are costly to make
   * (a zeroed array per range would cost as much as small ranges' work).
   */
  public static <S> void parallelFor(int workers, int count, Supplier<S> scratch,
      ScratchRangeTask<S> task) {
    run(SHARED, workers, count, fourRangesEach(workers, count), () -> {
      S s = scratch.get();
      return (from, to) -> task.run(s, from, to);
    });
  }

  /**
   * A range task given its worker's scratch (see
   * {@link #parallelFor(int, int, Supplier, ScratchRangeTask)}).
   */
  public interface ScratchRangeTask<S> {
    void run(S scratch, int from, int to);
  }

  /** A numspark worker: a daemon with a {@link #STACK_BYTES} stack. */
  private static final class WorkerThread extends Thread {
    WorkerThread(Runnable runnable, String name) {
      super(null, runnable, name, STACK_BYTES);
    }
  }

  /**
   * Runs {@code body} on a thread with a large stack: the calling thread when it is a numspark
   * worker, else a worker of the shared pool while the caller waits. For native calls that need
   * more stack than a default 1 MiB Java thread has (multi-threaded OpenBLAS LAPACK keeps a large
   * job table on the calling thread's stack and crashes the JVM there), e.g. from Spark task
   * threads. Failures are rethrown as thrown.
   */
  public static void runWithLargeStack(Runnable body) {
    if (Thread.currentThread() instanceof WorkerThread) {
      body.run();
      return;
    }
    java.util.concurrent.Future<?> done = SHARED.submit(body);
    boolean interrupted = false;
    try {
      while (true) {
        try {
          done.get();
          return;
        } catch (InterruptedException e) {
          interrupted = true; // the native call cannot be stopped halfway: wait for it
        } catch (java.util.concurrent.ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof RuntimeException r) {
            throw r;
          }
          if (cause instanceof Error err) {
            throw err;
          }
          throw new IllegalStateException(cause);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * A pool of at most {@code threads} threads that reuses idle ones: a plain ThreadPoolExecutor
   * with core = max starts a new thread for every submit until it reaches its size, idle threads
   * or not (java.util.concurrent has no reuse-first pool, hence {@link ReuseFirstQueue}).
   */
  static ExecutorService newPool(String namePrefix, int threads) {
    ReuseFirstQueue queue = new ReuseFirstQueue();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(0, threads, KEEP_ALIVE_SECONDS,
        TimeUnit.SECONDS, queue, daemonThreads(namePrefix), (task, executor) -> {
          if (executor.isShutdown()) {
            throw new RejectedExecutionException("the pool " + namePrefix + " is shut down");
          }
          queue.enqueue(task); // full-size pool (a race with offer): an existing thread takes it
        });
    queue.pool = pool;
    return pool;
  }

  /**
   * A work queue that takes a task only when an idle thread waits for it (or the pool is at its
   * size); otherwise it refuses, and the executor starts a thread for the task.
   */
  private static final class ReuseFirstQueue extends LinkedBlockingQueue<Runnable> {
    private final AtomicInteger idle = new AtomicInteger();
    private volatile ThreadPoolExecutor pool;

    @Override
    public boolean offer(Runnable task) {
      ThreadPoolExecutor executor = pool;
      if (executor.getPoolSize() < executor.getMaximumPoolSize() && idle.get() <= size()) {
        return false;
      }
      return super.offer(task);
    }

    void enqueue(Runnable task) {
      super.offer(task);
    }

    @Override
    public Runnable poll(long timeout, TimeUnit unit) throws InterruptedException {
      idle.incrementAndGet();
      try {
        return super.poll(timeout, unit);
      } finally {
        idle.decrementAndGet();
      }
    }

    @Override
    public Runnable take() throws InterruptedException {
      idle.incrementAndGet();
      try {
        return super.take();
      } finally {
        idle.decrementAndGet();
      }
    }
  }

  private static ThreadFactory daemonThreads(String namePrefix) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new WorkerThread(runnable, namePrefix + "-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  static void run(ExecutorService executor, int workers, int count, int grain, RangeTask task) {
    run(executor, workers, count, grain, () -> task);
  }

  /** {@link #run} where each thread running ranges first asks {@code perWorker} for its task. */
  private static void run(ExecutorService executor, int workers, int count, int grain,
      Supplier<RangeTask> perWorker) {
    if (count <= 0) {
      return;
    }
    if (grain < 1) {
      throw new IllegalArgumentException("grain must be positive, got " + grain);
    }
    int ranges = (count + grain - 1) / grain;
    int helpers = Math.min(workers, ranges) - 1;
    if (helpers <= 0) {
      perWorker.get().run(0, count);
      return;
    }
    RangeLoop loop = new RangeLoop(count, grain, perWorker);
    List<Helper> helperTasks = new ArrayList<>(helpers);
    for (int i = 0; i < helpers; i++) {
      Helper helper = new Helper(loop);
      helperTasks.add(helper);
      executor.execute(helper);
    }
    loop.drain();
    boolean interrupted = false;
    for (Helper helper : helperTasks) {
      interrupted |= helper.awaitOrRetire(loop);
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
      loop.fail(new CancellationException("interrupted while waiting for worker threads"));
    }
    loop.rethrowFailure();
  }

  /**
   * A pool task that drains the loop unless the caller retired it first. Retiring (instead of
   * cancelling a Future, which also "succeeds" on a running task) guarantees that the caller only
   * returns once every range has been run.
   */
  private static final class Helper implements Runnable {
    private final RangeLoop loop;
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);

    Helper(RangeLoop loop) {
      this.loop = loop;
    }

    @Override
    public void run() {
      if (!claimed.compareAndSet(false, true)) {
        return; // retired by the caller before it started
      }
      try {
        loop.drain();
      } finally {
        done.countDown();
      }
    }

    /** Retires the helper if it has not started, else waits for it; true if interrupted. */
    boolean awaitOrRetire(RangeLoop loop) {
      if (claimed.compareAndSet(false, true)) {
        return false;
      }
      boolean interrupted = false;
      while (true) {
        try {
          done.await();
          return interrupted;
        } catch (InterruptedException e) {
          interrupted = true;
          loop.stop();
        }
      }
    }
  }

  /** Hands out ranges in order to whichever thread asks; the first failure stops the rest. */
  private static final class RangeLoop {
    private final int count;
    private final int grain;
    private final Supplier<RangeTask> perWorker;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    RangeLoop(int count, int grain, Supplier<RangeTask> perWorker) {
      this.count = count;
      this.grain = grain;
      this.perWorker = perWorker;
    }

    void drain() {
      RangeTask task = null;
      while (!stopped.get()) {
        int from = next.getAndAdd(grain);
        if (from >= count || from < 0) {
          return;
        }
        try {
          if (task == null) {
            task = perWorker.get();
          }
          task.run(from, Math.min(count, from + grain));
        } catch (Throwable t) {
          fail(t);
          return;
        }
      }
    }

    void stop() {
      stopped.set(true);
    }

    void fail(Throwable t) {
      failure.compareAndSet(null, t);
      stop();
    }

    void rethrowFailure() {
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
}
