package dev.numspark.parallel;

import java.util.OptionalInt;

/**
 * Supplies the default number of workers and the thread budget of the current context, for example
 * the CPUs of the running Spark task. Discovered with {@link java.util.ServiceLoader}, so that
 * local-kernels needs no dependency on whoever provides it (spark-ops registers one).
 */
public interface DefaultWorkersProvider {

  /**
   * The thread budget of the calling thread's context, or empty when this provider does not apply
   * (for example, the caller is not inside a Spark task).
   */
  OptionalInt threadBudget();
}
