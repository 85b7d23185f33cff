package dev.numspark.tools.run;

import dev.numspark.examples.ExampleJob;
import dev.numspark.examples.Failures;
import dev.numspark.examples.Jobs;
import dev.numspark.examples.Sessions;
import dev.numspark.examples.StageProgress;
import dev.numspark.examples.options.Args;
import dev.numspark.examples.options.OptionException;
import dev.numspark.tools.cli.Masters;
import dev.numspark.tools.cli.Subcommand;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.SparkSession;

/**
 * {@code bin/numspark run NAME [--master MASTER] [job options]}: runs an example job on an
 * embedded local Spark ({@code local[*]}) or on a cluster given by {@code --master}, with the
 * numspark executor plugin and SQL extensions, a progress line for long stages on stderr, and the
 * job's summary on stdout.
 */
public final class RunCommand implements Subcommand {
  static final String DEFAULT_MASTER = Jobs.DEFAULT_MASTER;

  @Override
  public String name() {
    return "run";
  }

  @Override
  public String summary() {
    return "runs an example Spark job (spectral, lstsq, optimize) on an embedded Spark";
  }

  @Override
  public int run(List<String> argv, PrintStream out) throws Exception {
    if (argv.isEmpty() || argv.get(0).equals("--help") || argv.get(0).equals("-h")) {
      printJobs(out);
      if (argv.isEmpty()) {
        throw new OptionException("run needs a job name (spectral, lstsq, optimize)");
      }
      return 0;
    }
    ExampleJob job = Jobs.find(argv.get(0));
    List<String> rest = argv.subList(1, argv.size());
    if (rest.contains("--help") || rest.contains("-h")) {
      Jobs.printUsage(job, out);
      return 0;
    }
    Set<String> flags = new HashSet<>(job.flags());
    flags.add("no-progress");
    Args args = Args.parse(rest, flags);
    String master = args.string("master", DEFAULT_MASTER);
    boolean progress = !args.bool("no-progress", false);
    ExampleJob.Prepared prepared = job.prepare(args);
    if (!args.positionals().isEmpty()) {
      throw new OptionException("unexpected argument '" + args.positionals().get(0)
          + "' (options are --name value)");
    }
    args.finish();
    SparkSession spark = Sessions.embedded(Masters.check(master), "numspark " + job.name());
    StageProgress listener = progress ? StageProgress.attach(spark, System.err) : null;
    try {
      return prepared.run(spark, out);
    } catch (Exception e) {
      throw Failures.clarify(e);
    } finally {
      if (listener != null) {
        listener.finish();
      }
      spark.stop();
    }
  }

  private static void printJobs(PrintStream out) {
    out.println("usage: bin/numspark run JOB [--master " + DEFAULT_MASTER
        + "|local[N]|spark://HOST:PORT] [--no-progress] [job options]");
    out.println();
    out.println("jobs:");
    for (ExampleJob job : Jobs.all()) {
      out.printf("  %-9s %s%n", job.name(), job.summary());
    }
    out.println();
    out.println("bin/numspark run JOB --help shows a job's options.");
  }
}
