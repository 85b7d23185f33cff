package dev.numspark.parallel;

import java.util.List;
import java.util.function.Function;

/**
 * SciPy's map-like callable: applies a function to every item and returns the results in the
 * items' order. A failure of any item is rethrown as thrown and the items not yet started are
 * skipped. Use {@link #sequential()}, {@link #threads(int)}, a Spark-backed mapper from spark-ops,
 * or your own.
 */
public interface Mapper extends AutoCloseable {

  <T, R> List<R> map(Function<? super T, ? extends R> fn, List<? extends T> items);

  /** How many items this mapper may evaluate at once. */
  int parallelism();

  /** Releases the mapper's threads or other resources; mapping afterwards is an error. */
  @Override
  default void close() {}

  /** Evaluates on the calling thread, one item after the other (SciPy's {@code workers=1}). */
  static Mapper sequential() {
    return SequentialMapper.INSTANCE;
  }

  /**
   * A bounded pool of {@code workers} threads (resolved as {@link Workers#resolve(Integer)}), the
   * calling thread included. Close it to stop its threads.
   */
  static Mapper threads(int workers) {
    int resolved = Workers.resolve(workers);
    return resolved == 1 ? sequential() : new ThreadMapper(resolved);
  }
}
