package dev.numspark.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A child JVM for a test that needs JVM options of its own (a missing native library, another
 * vector width): this JVM's options that {@code keep} accepts, then {@code flags}, this class
 * path, and {@code main}. Fails the test if the child does not end within two minutes or exits
 * with an error.
 */
public final class ChildJvm {
  private ChildJvm() {}

  /** The lines {@code main} printed (stdout and stderr). */
  public static List<String> run(Class<?> main, Predicate<String> keep, String... flags)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(System.getProperty("java.home") + "/bin/java");
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (!arg.startsWith("-javaagent") && keep.test(arg)) {
        cmd.add(arg);
      }
    }
    cmd.addAll(List.of(flags));
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(main.getName());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the child JVM did not finish: " + out);
    }
    assertEquals(0, p.exitValue(), "the child JVM failed: " + out);
    return List.of(out.split("\n"));
  }
}
