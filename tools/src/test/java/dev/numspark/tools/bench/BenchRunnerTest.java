package dev.numspark.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner times a suite's Python peers before and after numspark's, and says if they moved. */
class BenchRunnerTest {

  @Test
  void aPeerThatMovedBetweenItsTimingsIsPooledAndNoted(@TempDir Path dir) throws Exception {
    SciPyPeer.require();
    BenchSettings settings = BenchSettings.defaults(true, SciPyPeer.python()).withForks(0);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    System.setProperty(SlowingPeerSuite.CALLS, dir.resolve("calls").toString());
    Report report;
    try {
      report = new BenchRunner(settings, dir.resolve("jmh.log"), out)
          .run(List.of(new SlowingPeerSuite()), List.of(VectorWidth.NATIVE));
    } finally {
      System.clearProperty(SlowingPeerSuite.CALLS);
    }
    String console = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(console.contains("python peers again, after numspark's forks"), console);

    BenchResult row = report.results().get(0);
    assertNotNull(row.note(), console);
    Matcher m = Pattern.compile("numpy moved \\+\\d+% across numspark's forks \\(([\\d.]+) ms "
        + "before, ([\\d.]+) ms after\\): ratio ([\\d.]+)x to ([\\d.]+)x").matcher(row.note());
    assertTrue(m.find(), row.note());
    double before = Double.parseDouble(m.group(1));
    double after = Double.parseDouble(m.group(2));
    assertTrue(before >= 2 && before < 3 && after >= 4 && after < 5, row.note());
    // the peer's figure is the median of both timings' samples: between the two
    assertTrue(row.peer().ms() > before && row.peer().ms() < after, row.peer() + " " + row.note());
    assertEquals(2 * settings.repeats(), row.peer().samples(), row.note());
    double numspark = row.numspark().ms();
    assertEquals(before / numspark, Double.parseDouble(m.group(3)), 0.01, row.note());
    assertEquals(after / numspark, Double.parseDouble(m.group(4)), 0.01, row.note());
  }
}
