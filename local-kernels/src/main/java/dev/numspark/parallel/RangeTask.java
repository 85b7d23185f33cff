package dev.numspark.parallel;

/** A piece of work over the index range {@code [from, to)}. */
@FunctionalInterface
public interface RangeTask {
  void run(int from, int to);
}
