package dev.numspark.examples;

import dev.numspark.cli.CliException;
import java.util.List;
import java.util.stream.Collectors;

/** The example jobs by name. */
final class Jobs {
  private Jobs() {}

  static List<ExampleJob> all() {
    return List.of(new SpectralJob(), new LstsqJob(), new OptimizeJob());
  }

  static ExampleJob find(String name) {
    return all().stream().filter(j -> j.name().equals(name)).findFirst().orElseThrow(() ->
        new CliException("unknown job '" + name + "' (jobs: "
            + all().stream().map(ExampleJob::name).collect(Collectors.joining(", ")) + ")"));
  }
}
