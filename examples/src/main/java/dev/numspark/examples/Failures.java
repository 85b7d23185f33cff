package dev.numspark.examples;

import dev.numspark.examples.options.OptionException;
import org.apache.spark.SparkException;

/**
 * Turns a failed Spark job into one clear line. A task's exception reaches the driver wrapped in
 * a {@link SparkException} whose message embeds the executor's stack trace; the cause chain holds
 * the original. Bad input found inside a task (an {@link IllegalArgumentException}, such as a SQL
 * function's argument error) becomes a {@link OptionException} (exit 2); anything else keeps its
 * type and its first message line (exit 1).
 */
public final class Failures {
  private Failures() {}

  public static Exception clarify(Exception e) {
    if (e instanceof OptionException
        || !(e instanceof SparkException) && !(e.getCause() instanceof SparkException)) {
      return e;
    }
    Throwable root = e;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IllegalArgumentException) {
        return new OptionException(SignalInput.firstLine(t), e);
      }
      root = t;
    }
    return new IllegalStateException(rootMessage(e), e);
  }

  /**
   * The first line of the deepest cause's message, with its type unless that is a bare
   * RuntimeException or SparkException, e.g. {@code x.parquet is not a Parquet file}.
   */
  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String type = root.getClass() == RuntimeException.class || root instanceof SparkException
        ? "" : root.getClass().getSimpleName() + ": ";
    return type + SignalInput.firstLine(root);
  }
}
