package dev.numspark.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.numspark.examples.options.OptionException;
import dev.numspark.spark.NumsparkFunctionException;
import java.io.IOException;
import org.apache.spark.SparkException;
import org.junit.jupiter.api.Test;

class FailuresTest {

  @Test
  void badInputInATaskBecomesOneCliLine() {
    Exception e = new SparkException("Job aborted due to stage failure: ...\n\tat x.y(Z.java:1)",
        new NumsparkFunctionException("numspark_welch", "nperseg must be a positive integer"));
    Exception clear = Failures.clarify(e);
    assertInstanceOf(OptionException.class, clear);
    assertEquals("numspark_welch: nperseg must be a positive integer", clear.getMessage());
  }

  @Test
  void otherTaskFailuresKeepTheRootCausesFirstLine() {
    Exception e = new SparkException("Job aborted\n\tat a.b(C.java:2)",
        new IllegalStateException("disk full\nmore detail"));
    Exception clear = Failures.clarify(e);
    assertInstanceOf(IllegalStateException.class, clear);
    assertEquals("IllegalStateException: disk full", clear.getMessage());
    assertEquals("x.parquet is not a Parquet file", Failures.rootMessage(new SparkException(
        "Job aborted", new SparkException("footer", new RuntimeException(
            "x.parquet is not a Parquet file\nmore")))));
  }

  @Test
  void nonSparkExceptionsPassThrough() {
    IOException io = new IOException("x");
    assertSame(io, Failures.clarify(io));
  }
}
