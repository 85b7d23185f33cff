package dev.numspark.optimize;

import dev.numspark.parallel.Mapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A thread mapper that waits for every item. Temporary: {@code Mapper.threads(n)} (through
 * {@code WorkerPool.run}) may return before a helper finishes its range, because
 * {@code FutureTask.cancel(false)} succeeds on a task that is already running; that leaves null
 * results. Replace with {@code Mapper.threads(n)} once the foundation waits for started helpers.
 */
final class PoolMapper implements Mapper {
  private final int workers;
  private final ExecutorService pool;

  PoolMapper(int workers) {
    this.workers = workers;
    AtomicInteger counter = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(workers - 1, r -> {
      Thread t = new Thread(r, "numspark-optimize-" + counter.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public <T, R> List<R> map(Function<? super T, ? extends R> fn, List<? extends T> items) {
    int n = items.size();
    Object[] out = new Object[n];
    AtomicInteger next = new AtomicInteger();
    Runnable drain = () -> {
      for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
        out[i] = fn.apply(items.get(i));
      }
    };
    List<Future<?>> helpers = new ArrayList<>();
    for (int h = 0; h < Math.min(workers, n) - 1; h++) {
      helpers.add(pool.submit(drain));
    }
    RuntimeException failure = null;
    try {
      drain.run();
    } catch (RuntimeException e) {
      failure = e;
      next.set(n);
    }
    for (Future<?> f : helpers) {
      try {
        f.get();
      } catch (ExecutionException e) {
        if (failure == null) {
          failure = e.getCause() instanceof RuntimeException re ? re
              : new IllegalStateException(e.getCause());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while evaluating", e);
      }
    }
    if (failure != null) {
      throw failure;
    }
    @SuppressWarnings("unchecked")
    List<R> list = (List<R>) Arrays.asList(out);
    return list;
  }

  @Override
  public int parallelism() {
    return workers;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }

  /** {@code Mapper.sequential()} for one worker, else a pool of {@code workers} threads. */
  static Mapper of(int workers) {
    return workers == 1 ? Mapper.sequential() : new PoolMapper(workers);
  }
}
