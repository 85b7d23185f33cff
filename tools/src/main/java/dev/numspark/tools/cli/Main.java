package dev.numspark.tools.cli;

import dev.numspark.examples.options.OptionException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The entry point of {@code bin/numspark}: picks a {@link Subcommand} and turns every failure into
 * one line on stderr. Exit codes: 0 success, 2 bad command line or input, 1 anything else.
 * {@code NUMSPARK_DEBUG=1} adds the stack trace.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int code = run(Arrays.asList(args), System.out, System.err);
    System.out.flush();
    System.exit(code);
  }

  /** Runs a command line; returns the exit code instead of exiting. */
  public static int run(List<String> args, PrintStream out, PrintStream err) {
    List<Subcommand> commands = subcommands();
    if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h")
        || args.get(0).equals("help")) {
      printHelp(commands, out);
      return args.isEmpty() ? 2 : 0;
    }
    String name = args.get(0);
    Subcommand command = commands.stream().filter(c -> c.name().equals(name)).findFirst()
        .orElse(null);
    if (command == null) {
      err.println("numspark: error: unknown command '" + name + "' (see bin/numspark --help)");
      return 2;
    }
    try {
      return command.run(args.subList(1, args.size()), out);
    } catch (OptionException | IllegalArgumentException | java.io.IOException e) {
      err.println("numspark: error: " + describe(e));
      debug(e, err);
      return 2;
    } catch (Throwable t) {
      err.println("numspark: error: " + t.getClass().getSimpleName() + ": " + describe(t));
      debug(t, err);
      return 1;
    }
  }

  private static String describe(Throwable t) {
    if (t instanceof NoSuchFileException e) {
      return e.getFile() + ": no such file";
    }
    if (t instanceof java.nio.file.AccessDeniedException e) {
      return e.getFile() + ": permission denied";
    }
    String message = t.getMessage();
    if (message == null || message.isBlank()) {
      message = t.getClass().getSimpleName();
    }
    return message.replace('\n', ' ');
  }

  private static void debug(Throwable t, PrintStream err) {
    if ("1".equals(System.getenv("NUMSPARK_DEBUG"))) {
      t.printStackTrace(err);
    }
  }

  static List<Subcommand> subcommands() {
    List<Subcommand> commands = new ArrayList<>();
    ServiceLoader.load(Subcommand.class, Main.class.getClassLoader()).forEach(commands::add);
    commands.sort(Comparator.comparing(Subcommand::name));
    return commands;
  }

  private static void printHelp(List<Subcommand> commands, PrintStream out) {
    out.println("usage: bin/numspark COMMAND [options]");
    out.println();
    out.println("commands:");
    for (Subcommand c : commands) {
      out.printf("  %-8s %s%n", c.name(), c.summary());
    }
    out.println();
    out.println("bin/numspark COMMAND --help shows a command's options.");
  }
}
