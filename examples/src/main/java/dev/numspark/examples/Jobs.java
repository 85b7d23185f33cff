package dev.numspark.examples;

import dev.numspark.examples.options.OptionException;
import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

/** The example jobs by name, and their usage text (for bin/numspark run and spark-submit). */
public final class Jobs {
  /** The master of {@code bin/numspark run} when none is given. */
  public static final String DEFAULT_MASTER = "local[*]";

  private Jobs() {}

  public static List<ExampleJob> all() {
    return List.of(new SpectralJob(), new LstsqJob(), new OptimizeJob());
  }

  public static ExampleJob find(String name) {
    return all().stream().filter(j -> j.name().equals(name)).findFirst().orElseThrow(() ->
        new OptionException("unknown job '" + name + "' (jobs: "
            + all().stream().map(ExampleJob::name).collect(Collectors.joining(", ")) + ")"));
  }

  public static void printUsage(ExampleJob job, PrintStream out) {
    out.println("usage: bin/numspark run " + job.name() + " [--master " + DEFAULT_MASTER
        + "|local[N]|spark://HOST:PORT] [--no-progress] [options]");
    out.println("       spark-submit --jars numspark-spark-4.0_2.13-VERSION.jar --class "
        + job.getClass().getName() + " numspark-examples-VERSION.jar [options]");
    out.println();
    out.println(job.summary());
    out.println();
    out.println("options:");
    for (String line : job.usage()) {
      out.println("  " + line);
    }
  }
}
