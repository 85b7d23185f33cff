package dev.numspark.examples;

import dev.numspark.cli.Args;
import java.util.List;

/** TODO. */
public final class LstsqJob implements ExampleJob {
  public static void main(String[] args) {
    JobMain.main(new LstsqJob(), args);
  }

  @Override
  public String name() {
    return "lstsq";
  }

  @Override
  public String summary() {
    return "todo";
  }

  @Override
  public List<String> usage() {
    return List.of();
  }

  @Override
  public Prepared prepare(Args args) {
    return (spark, out) -> 0;
  }
}
