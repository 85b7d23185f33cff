package dev.numspark.tools.bench.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.numspark.examples.options.OptionException;
import dev.numspark.spark.StandaloneCluster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code bench-priming --master spark://...} on a real standalone Master + Worker: each run is a
 * new application, so the Worker starts a new executor JVM for it (or two, with
 * {@code --replace-executor}), and the table has a row per priming setting with its task times.
 */
class PrimingBenchClusterTest {

  /**
   * One cluster for both tests (starting one takes about 10 s of CI): each test counts only the
   * applications it ran, so the order of the tests does not matter.
   */
  private static StandaloneCluster cluster;

  @BeforeAll
  static void startCluster() {
    cluster = StandaloneCluster.start(2, "3g");
    System.setProperty("spark.driver.host", "127.0.0.1");
    System.setProperty("spark.driver.bindAddress", "127.0.0.1");
  }

  @AfterAll
  static void stopCluster() {
    System.clearProperty("spark.driver.host");
    System.clearProperty("spark.driver.bindAddress");
    if (cluster != null) {
      cluster.stop();
    }
  }

  @Test
  void eachRunIsAnApplicationWithAFreshExecutor() throws Exception {
    Set<String> before = applications();
    String table = bench("--spark-warm", "0");
    assertTrue(table.contains(cluster.masterUrl() + ", median of 1 applications"), table);
    assertEquals(2, timedRows(table, "0"), table);
    // two applications, each given one executor by the cluster's Worker
    assertEquals(List.of(List.of("0"), List.of("0")), executorsOfApplicationsSince(before));
  }

  @Test
  void replaceExecutorTimesTheFirstQueryOnANewExecutorOfTheSameApplication() throws Exception {
    Set<String> before = applications();
    String table = bench("--spark-warm", "1", "--replace-executor");
    assertTrue(table.contains("replacing one of a warm application"), table);
    assertEquals(2, timedRows(table, "1"), table);
    // each application's executor 0 ran the warm-up queries; executor 1 replaced it (the Worker
    // has cores for one 2-core executor at a time)
    assertEquals(List.of(List.of("0", "1"), List.of("0", "1")),
        executorsOfApplicationsSince(before));
  }

  @Test
  void replaceExecutorNeedsAClusterMaster() {
    OptionException e = assertThrows(OptionException.class,
        () -> new PrimingBench().run(List.of("--replace-executor"), System.out));
    assertTrue(e.getMessage().contains("--replace-executor needs a cluster's --master"),
        e.getMessage());
  }

  /** The bench's table for one JVM per row, small signals, priming off and 0.5 s. */
  private static String bench(String... more) throws Exception {
    List<String> argv = new ArrayList<>(List.of("--master", cluster.masterUrl(), "--signals",
        "400", "--length", "256", "--repeats", "1", "--gaps", "0", "--prime-seconds", "0.5"));
    argv.addAll(List.of(more));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int code = new PrimingBench().run(argv, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String table = bytes.toString(StandardCharsets.UTF_8);
    assertEquals(0, code, table);
    return table;
  }

  /** Rows "| warm | 0 s | off or 0.5 s | times... |" with every time a number. */
  private static int timedRows(String table, String sparkWarm) {
    Matcher m = Pattern.compile("\\| " + sparkWarm + " \\| 0 s \\| (off|0\\.5 s) \\| (\\d+) \\| "
        + "(\\d+) \\| [\\d.]+x \\| (\\d+) \\| (\\d+) \\| [\\d.]+x \\| (\\d+) \\| (\\d+) \\|")
        .matcher(table);
    int rows = 0;
    while (m.find()) {
      rows++;
    }
    return rows;
  }

  /** The applications the Worker has run, from its work directory (one directory each). */
  private static Set<String> applications() throws IOException {
    Path work = cluster.dir().resolve("work");
    if (!Files.isDirectory(work)) {
      return Set.of();
    }
    try (Stream<Path> apps = Files.list(work)) {
      return apps.filter(Files::isDirectory).map(p -> p.getFileName().toString())
          .collect(Collectors.toSet());
    }
  }

  /**
   * The executors the Worker ran for each application not in {@code before}, from its work
   * directory (one directory inside an application's per executor id), in order.
   */
  private static List<List<String>> executorsOfApplicationsSince(Set<String> before)
      throws IOException {
    List<List<String>> executors = new ArrayList<>();
    for (String app : applications().stream().filter(a -> !before.contains(a)).sorted()
        .toList()) {
      try (Stream<Path> ids = Files.list(cluster.dir().resolve("work").resolve(app))) {
        executors.add(ids.map(p -> p.getFileName().toString()).sorted().toList());
      }
    }
    return executors;
  }
}
