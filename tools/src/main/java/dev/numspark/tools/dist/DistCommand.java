package dev.numspark.tools.dist;

import dev.numspark.examples.options.Args;
import dev.numspark.examples.options.OptionException;
import dev.numspark.spark.SparkLine;
import dev.numspark.tools.cli.Subcommand;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code bin/numspark dist DIR [--lines 4.0_2.13,...]}: builds the library jar of every Spark line
 * (or the ones named) and writes them under DIR in a Maven repository's layout, as a deploy to a
 * file repository would: {@code spark-submit --packages dev.numspark:numspark-spark-4.0_2.13:V
 * --repositories file:///DIR}. Each line builds into its own {@code target-LINE/} directories
 * ({@code -Dnumspark.target.suffix}), so the lines and the launcher's own jars never collide.
 */
public final class DistCommand implements Subcommand {

  @Override
  public String name() {
    return "dist";
  }

  @Override
  public String summary() {
    return "builds the library jar of every Spark line into a Maven repository layout under DIR";
  }

  @Override
  public int run(List<String> argv, PrintStream out) throws Exception {
    if (argv.contains("--help") || argv.contains("-h")) {
      out.println("usage: bin/numspark dist DIR [--lines " + String.join(",", LineBuild.LINES)
          + "] [--maven mvn]");
      out.println("Builds numspark-spark-LINE jars (with sources, javadoc and POM) under DIR.");
      return 0;
    }
    Args args = Args.parse(argv, Set.of());
    String linesOption = args.string("lines", null);
    String maven = args.string("maven", "mvn");
    Path dir = Path.of(args.positionals("DIR").get(0)).toAbsolutePath();
    args.finish();
    List<String> lines = linesOption == null ? LineBuild.LINES
        : Arrays.stream(linesOption.split(",")).map(String::trim).toList();
    for (String line : lines) {
      if (!LineBuild.LINES.contains(line)) {
        throw new OptionException("unknown Spark line '" + line + "' (lines: "
            + String.join(", ", LineBuild.LINES) + ")");
      }
    }
    Path home = home();
    Files.createDirectories(dir);
    Repository repository = new Repository(dir);
    for (String line : lines) {
      out.println("numspark dist: building " + SparkLineNames.artifact(line) + " ...");
      LineBuild build = new LineBuild(home, line, maven);
      build.run(dir.resolve(".build-" + line + ".log"));
      Path published = repository.publish(line, SparkLine.version(), build);
      out.println("numspark dist: " + dir.relativize(published));
    }
    return 0;
  }

  /** The source tree: bin/numspark sets numspark.home; else the working directory. */
  static Path home() throws IOException {
    String home = System.getProperty("numspark.home");
    Path root = Path.of(home == null ? "." : home).toAbsolutePath().normalize();
    if (!Files.isRegularFile(root.resolve("spark-library/pom.xml"))) {
      throw new OptionException("dist builds from numspark's source tree; " + root
          + " is not one (run bin/numspark dist from a clone)");
    }
    return root;
  }
}
