package dev.numspark.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Maps on the calling thread. */
final class SequentialMapper implements Mapper {
  static final SequentialMapper INSTANCE = new SequentialMapper();

  private SequentialMapper() {}

  @Override
  public <T, R> List<R> map(Function<? super T, ? extends R> fn, List<? extends T> items) {
    List<R> results = new ArrayList<>(items.size());
    for (T item : items) {
      results.add(fn.apply(item));
    }
    return results;
  }

  @Override
  public int parallelism() {
    return 1;
  }

  @Override
  public String toString() {
    return "Mapper.sequential()";
  }
}
