package dev.numspark.tools.cli;

import dev.numspark.examples.options.Args;
import dev.numspark.examples.options.OptionException;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/**
 * {@code bin/numspark doctor [--master URL]}: each executor's cores, BLAS, vector width, FFT engine
 * and JVM flags, then one plain verdict line per problem found (what to install or set).
 */
public final class DoctorCommand implements Subcommand {

  @Override
  public String name() {
    return "doctor";
  }

  @Override
  public String summary() {
    return "checks each executor's BLAS, FFT engine and JVM flags; one line per problem found";
  }

  @Override
  public int run(List<String> argv, PrintStream out) {
    if (argv.contains("--help") || argv.contains("-h")) {
      out.println("usage: bin/numspark doctor [--master local[2]|spark://HOST:PORT]");
      return 0;
    }
    Args args = Args.parse(argv, Set.of());
    String master = args.string("master", "local[2]");
    if (!args.positionals().isEmpty()) {
      throw new OptionException("unexpected argument '" + args.positionals().get(0) + "'");
    }
    args.finish();
    out.println(ClusterReports.doctor(Masters.check(master)));
    return 0;
  }
}
