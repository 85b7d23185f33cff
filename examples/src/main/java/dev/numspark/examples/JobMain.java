package dev.numspark.examples;

import dev.numspark.examples.options.Args;
import dev.numspark.examples.options.OptionException;
import java.util.Arrays;
import org.apache.spark.sql.SparkSession;

/**
 * The spark-submit side of an example job: options as for {@code bin/numspark run}, the session
 * from spark-submit, and one {@code numspark: error: ...} line with exit code 2 for bad options
 * or input (1 for anything else).
 */
final class JobMain {
  private JobMain() {}

  static void main(ExampleJob job, String[] argv) {
    int code;
    SparkSession spark = null;
    try {
      if (Arrays.asList(argv).contains("--help")) {
        Jobs.printUsage(job, System.out);
        code = 0;
      } else {
        Args args = Args.parse(Arrays.asList(argv), job.flags());
        ExampleJob.Prepared prepared = job.prepare(args);
        if (!args.positionals().isEmpty()) {
          throw new OptionException("unexpected argument '" + args.positionals().get(0) + "'");
        }
        args.finish();
        spark = Sessions.submitted("numspark " + job.name());
        StageProgress.attach(spark, System.err);
        try {
          code = prepared.run(spark, System.out);
        } catch (Exception e) {
          throw Failures.clarify(e);
        }
      }
    } catch (OptionException | IllegalArgumentException | java.io.IOException e) {
      System.err.println("numspark: error: " + oneLine(e));
      code = 2;
    } catch (Exception e) {
      System.err.println("numspark: error: " + e.getClass().getSimpleName() + ": " + oneLine(e));
      code = 1;
    } finally {
      if (spark != null) {
        spark.stop();
      }
    }
    System.out.flush();
    System.exit(code);
  }

  private static String oneLine(Throwable t) {
    String m = t.getMessage();
    return m == null ? t.getClass().getSimpleName() : m.replace('\n', ' ');
  }
}
