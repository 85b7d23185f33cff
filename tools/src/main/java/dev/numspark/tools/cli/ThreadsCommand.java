package dev.numspark.tools.cli;

import dev.numspark.examples.options.Args;
import dev.numspark.examples.options.OptionException;
import dev.numspark.parallel.ThreadLimit;
import dev.numspark.parallel.ThreadLimits;
import dev.numspark.parallel.UserApi;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/**
 * {@code bin/numspark threads [--limit N] [--user-api blas|openmp]}: the native thread pools of this
 * process as JSON, like {@code python -m threadpoolctl -i}; {@code --spark MASTER} reports each
 * executor's instead.
 */
public final class ThreadsCommand implements Subcommand {

  @Override
  public String name() {
    return "threads";
  }

  @Override
  public String summary() {
    return "native BLAS/OpenMP thread pools as JSON (threadpoolctl -i); --limit N applies a limit";
  }

  @Override
  public int run(List<String> argv, PrintStream out) {
    if (argv.contains("--help")) {
      out.println("usage: bin/numspark threads [--limit N] [--user-api blas|openmp]");
      out.println("       bin/numspark threads --spark MASTER   (each executor's pools, with the"
          + " numspark plugin)");
      return 0;
    }
    Args args = Args.parse(argv, Set.of());
    Integer limit = args.integer("limit", null);
    String api = args.string("user-api", null);
    String master = args.string("spark", null);
    if (!args.positionals().isEmpty()) {
      throw new OptionException("unexpected argument '" + args.positionals().get(0) + "'");
    }
    args.finish();
    if (master != null) {
      if (limit != null || api != null) {
        throw new OptionException("--spark reports the executors' pools; it takes no --limit or "
            + "--user-api (the plugin sets them to spark.task.cpus)");
      }
      out.println(ClusterReports.threads(Masters.check(master)));
      return 0;
    }
    if (limit == null) {
      if (api != null) {
        throw new OptionException("--user-api applies only with --limit");
      }
      out.println(ThreadLimits.infoJson());
      return 0;
    }
    try (ThreadLimit ignored = api == null ? ThreadLimits.limit(limit)
        : ThreadLimits.limit(limit, UserApi.parse(api))) {
      out.println(ThreadLimits.infoJson());
    }
    return 0;
  }
}
