package dev.numspark.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.numspark.examples.options.OptionException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --master}: a standalone master nobody listens at is one error line at once, not a minute
 * of Spark's retries; one that listens (a real socket here) is let through.
 */
class MastersTest {

  /** A local port nothing listens on: one that was bound a moment ago and closed. */
  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Test
  void aStandaloneMasterThatListensIsLetThrough() throws IOException {
    try (ServerSocket master = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String url = "spark://127.0.0.1:" + master.getLocalPort();
      assertEquals(url, Masters.check(url));
      // a list of masters (standby masters with ZooKeeper): one that listens is enough
      String list = "spark://127.0.0.1:" + closedPort() + ",127.0.0.1:" + master.getLocalPort();
      assertEquals(list, Masters.check(list));
    }
  }

  @Test
  void noMasterListeningIsOneClearError() throws IOException {
    int port = closedPort();
    OptionException e = assertThrows(OptionException.class,
        () -> Masters.check("spark://127.0.0.1:" + port));
    assertEquals("no Spark master answers at spark://127.0.0.1:" + port + " (127.0.0.1:" + port
        + ": connection refused): start one (docs/docker.md) or check --master", e.getMessage());
  }

  @Test
  void malformedMastersAreRefused() {
    assertTrue(assertThrows(OptionException.class, () -> Masters.check("spark://host"))
        .getMessage().contains("each master is HOST:PORT"));
    assertTrue(assertThrows(OptionException.class, () -> Masters.check("spark://host:99999"))
        .getMessage().contains("got 'host:99999'"));
    assertTrue(assertThrows(OptionException.class, () -> Masters.check("mesos://x"))
        .getMessage().contains("--master must be local[N]"));
    for (String ok : List.of("local[2]", "local[*]", "yarn", "k8s://https://host:6443")) {
      assertEquals(ok, Masters.check(ok));
    }
  }

  @Test
  void everyCommandThatStartsAnApplicationChecksItsMaster() throws IOException {
    String url = "spark://127.0.0.1:" + closedPort();
    for (List<String> command : List.of(List.of("doctor", "--master", url),
        List.of("threads", "--spark", url), List.of("run", "spectral", "--master", url),
        List.of("bench-priming", "--master", url))) {
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      long start = System.nanoTime();
      int code = Main.run(command, new PrintStream(new ByteArrayOutputStream(), true,
          StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
      double seconds = (System.nanoTime() - start) / 1e9;
      String text = err.toString(StandardCharsets.UTF_8);
      assertEquals(2, code, command + ": " + text);
      assertEquals(List.of("numspark: error: no Spark master answers at " + url), text.lines()
          .map(l -> l.replaceAll(" \\(.*", "")).toList(), command + ": " + text);
      assertFalse(text.contains("\tat "), text);
      // no Spark application was started: Spark's own retries take a minute
      assertTrue(seconds < 10, command + " took " + seconds + " s");
    }
  }

  @Test
  void aBadOptionIsReportedBeforeTheMasterIsTried() throws IOException {
    String url = "spark://127.0.0.1:" + closedPort();
    for (List<String> command : List.of(List.of("run", "spectral", "--master", url, "--bogus", "1"),
        List.of("bench-priming", "--master", url, "--repeats", "0"))) {
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int code = Main.run(command, new PrintStream(new ByteArrayOutputStream(), true,
          StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
      String text = err.toString(StandardCharsets.UTF_8);
      assertEquals(2, code, text);
      assertFalse(text.contains("no Spark master answers"), command + ": " + text);
    }
  }
}
