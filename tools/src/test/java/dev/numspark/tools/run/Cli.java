package dev.numspark.tools.run;

import dev.numspark.tools.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs {@code bin/numspark ARGS} in-process and keeps its exit code, stdout and stderr. */
record Cli(int code, String out, String err) {

  static Cli run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Cli(code, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  /** The stderr lines that are not Spark's log lines or progress lines. */
  List<String> errorLines() {
    return err.lines().filter(l -> l.startsWith("numspark: error:")).toList();
  }
}
