package dev.numspark.spark;

import dev.numspark.parallel.DefaultWorkersProvider;
import java.util.OptionalInt;
import org.apache.spark.TaskContext;

/**
 * Inside a Spark task, the task's CPUs ({@code spark.task.cpus}, or its resource profile's) are
 * the thread budget and the default {@code workers} of every numspark kernel; elsewhere this
 * provider does not apply. Registered through {@link java.util.ServiceLoader}, so it takes effect
 * as soon as spark-ops is on the class path.
 */
public final class TaskWorkersProvider implements DefaultWorkersProvider {

  @Override
  public OptionalInt threadBudget() {
    TaskContext task = TaskContext.get();
    if (task == null) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(Math.max(1, task.cpus()));
  }
}
