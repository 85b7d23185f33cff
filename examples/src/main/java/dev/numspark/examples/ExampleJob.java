package dev.numspark.examples;

import dev.numspark.examples.options.Args;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.SparkSession;

/**
 * An example job: run by {@code bin/numspark run NAME} on an embedded Spark, or by spark-submit
 * through the job class's {@code main}. Options are read and checked in {@link #prepare} before
 * Spark starts, so a bad command line fails in a second with one line, not after a Spark start-up.
 */
public interface ExampleJob {

  /** The word after {@code bin/numspark run}. */
  String name();

  /** One line for {@code bin/numspark run --help}. */
  String summary();

  /** The option lines of {@code bin/numspark run NAME --help}. */
  List<String> usage();

  /** Options that take no value. */
  default Set<String> flags() {
    return Set.of();
  }

  /** Reads and checks the options; throws {@link dev.numspark.examples.options.OptionException} on bad ones. */
  Prepared prepare(Args args);

  /** A job whose options are checked, ready to run on a session. */
  @FunctionalInterface
  interface Prepared {
    /** Runs on {@code spark}, printing its summary to {@code out}; returns the exit code. */
    int run(SparkSession spark, PrintStream out) throws Exception;
  }
}
