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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code bench-priming --master spark://...} on a real standalone Master + Worker: each run is a
 * new application, so the Worker starts a new executor JVM for it (or two, with
 * {@code --replace-executor}), and the table has a row per priming setting with its task times.
 */
class PrimingBenchClusterTest {

  @Test
  void eachRunIsAnApplicationWithAFreshExecutor() throws Exception {
    withCluster(cluster -> {
      String table = bench(cluster, "--spark-warm", "0");
      assertTrue(table.contains(cluster.masterUrl() + ", median of 1 applications"), table);
      assertEquals(2, timedRows(table, "0"), table);
      // two applications, each given one executor by the cluster's Worker
      assertEquals(List.of(List.of("0"), List.of("0")), executorsByApplication(cluster));
    });
  }

  @Test
  void replaceExecutorTimesTheFirstQueryOnANewExecutorOfTheSameApplication() throws Exception {
    withCluster(cluster -> {
      String table = bench(cluster, "--spark-warm", "1", "--replace-executor");
      assertTrue(table.contains("replacing one of a warm application"), table);
      assertEquals(2, timedRows(table, "1"), table);
      // each application's executor 0 ran the warm-up queries; executor 1 replaced it (the Worker
      // has cores for one 2-core executor at a time)
      assertEquals(List.of(List.of("0", "1"), List.of("0", "1")),
          executorsByApplication(cluster));
    });
  }

  @Test
  void replaceExecutorNeedsAClusterMaster() {
    OptionException e = assertThrows(OptionException.class,
        () -> new PrimingBench().run(List.of("--replace-executor"), System.out));
    assertTrue(e.getMessage().contains("--replace-executor needs a cluster's --master"),
        e.getMessage());
  }

  private interface ClusterBody {
    void run(StandaloneCluster cluster) throws Exception;
  }

  private static void withCluster(ClusterBody body) throws Exception {
    StandaloneCluster cluster = StandaloneCluster.start(2, "3g");
    System.setProperty("spark.driver.host", "127.0.0.1");
    System.setProperty("spark.driver.bindAddress", "127.0.0.1");
    try {
      body.run(cluster);
    } finally {
      System.clearProperty("spark.driver.host");
      System.clearProperty("spark.driver.bindAddress");
      cluster.stop();
    }
  }

  /** The bench's table for one JVM per row, small signals, priming off and 0.5 s. */
  private static String bench(StandaloneCluster cluster, String... more) throws Exception {
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

  /**
   * The executors the Worker ran for each application, from its work directory (one directory
   * per application, one inside it per executor id), in order.
   */
  private static List<List<String>> executorsByApplication(StandaloneCluster cluster)
      throws IOException {
    try (Stream<Path> apps = Files.list(cluster.dir().resolve("work"))) {
      List<List<String>> executors = new ArrayList<>();
      for (Path app : apps.filter(Files::isDirectory).sorted().toList()) {
        try (Stream<Path> ids = Files.list(app)) {
          executors.add(ids.map(p -> p.getFileName().toString()).sorted().toList());
        }
      }
      return executors;
    }
  }
}
