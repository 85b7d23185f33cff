package dev.numspark.tools.dist;

import dev.numspark.spark.SparkLine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One Spark line's Maven build of the library jar (spark-library with local-kernels and
 * spark-ops, their sources and API docs), into {@code target-LINE/} directories.
 */
final class LineBuild {
  /** The Spark lines with an artifact (the parent POM's profiles name them the same way). */
  static final List<String> LINES = SparkLine.LINES;

  private final Path home;
  private final String line;
  private final String maven;

  LineBuild(Path home, String line, String maven) {
    this.home = home;
    this.line = line;
    this.maven = maven;
  }

  void run(Path log) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(maven, "-B", "-ntp", "-P",
        SparkLineNames.profile(line) + ",dist", "-Dnumspark.target.suffix=-" + line,
        "-DskipTests", "package", "-pl", "spark-library", "-am")
        .directory(home.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (p.waitFor() != 0) {
      List<String> tail = Files.readAllLines(log, StandardCharsets.UTF_8);
      String last = tail.stream().filter(l -> l.contains("ERROR")).findFirst()
          .orElse(tail.isEmpty() ? "no output" : tail.get(tail.size() - 1));
      throw new IOException("the build of " + SparkLineNames.artifact(line) + " failed (" + log
          + "): " + last);
    }
  }

  Path target(String module) {
    return home.resolve(module).resolve("target-" + line);
  }

  /** The shaded library jar (its classifier, e.g. "sources", or null for the jar itself). */
  Path libraryJar(String classifier, String version) {
    return target("spark-library").resolve(SparkLineNames.artifact(line) + "-" + version
        + (classifier == null ? "" : "-" + classifier) + ".jar");
  }

  Path dependencyReducedPom() {
    return target("spark-library").resolve("dependency-reduced-pom.xml");
  }

  /** A module's API docs jar: local-kernels' javadoc, spark-ops' scaladoc (profile dist). */
  Path apiDocs(String module, String version) {
    return target(module).resolve("numspark-" + module + "-" + version + "-javadoc.jar");
  }
}
