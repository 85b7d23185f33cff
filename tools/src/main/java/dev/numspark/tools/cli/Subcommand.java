package dev.numspark.tools.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * A {@code bin/numspark} subcommand. Implementations are found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.numspark.tools.cli.Subcommand}), so modules add their own.
 */
public interface Subcommand {

  /** The word that selects it, e.g. {@code threads}. */
  String name();

  /** One line for {@code bin/numspark --help}. */
  String summary();

  /** Runs it; returns the exit code. Throw {@link OptionException} for bad input. */
  int run(List<String> args, PrintStream out) throws Exception;
}
