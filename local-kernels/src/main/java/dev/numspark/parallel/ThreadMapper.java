package dev.numspark.parallel;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** A mapper on its own bounded pool of named daemon threads, the caller taking part. */
final class ThreadMapper implements Mapper {
  private final int workers;
  private final ExecutorService pool;
  private volatile boolean closed;

  ThreadMapper(int workers) {
    this.workers = workers;
    this.pool = WorkerPool.newPool("numspark-mapper", workers - 1);
  }

  @Override
  public <T, R> List<R> map(Function<? super T, ? extends R> fn, List<? extends T> items) {
    if (closed) {
      throw new IllegalStateException("this mapper is closed");
    }
    Object[] results = new Object[items.size()];
    WorkerPool.run(pool, workers, items.size(), 1, (from, to) -> {
      for (int i = from; i < to; i++) {
        results[i] = fn.apply(items.get(i));
      }
    });
    @SuppressWarnings("unchecked")
    List<R> list = (List<R>) Arrays.asList(results);
    return list;
  }

  @Override
  public int parallelism() {
    return workers;
  }

  @Override
  public void close() {
    closed = true;
    pool.shutdown();
    try {
      if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "Mapper.threads(" + workers + ")";
  }
}
