package dev.numspark.cli;

import dev.numspark.parallel.ThreadLimit;
import dev.numspark.parallel.ThreadLimits;
import dev.numspark.parallel.UserApi;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/**
 * {@code bin/numspark threads [--limit N] [--user-api blas|openmp]}: the native thread pools of this
 * process as JSON, like {@code python -m threadpoolctl -i}.
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
      return 0;
    }
    Args args = Args.parse(argv, Set.of());
    Integer limit = args.integer("limit", null);
    String api = args.string("user-api", null);
    args.positionals();
    if (!args.positionals().isEmpty()) {
      throw new CliException("unexpected argument '" + args.positionals().get(0) + "'");
    }
    args.finish();
    if (limit == null) {
      if (api != null) {
        throw new CliException("--user-api applies only with --limit");
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
