package dev.numspark.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SharedFork}: several cases timed in one forked JVM (it finds {@link FakeSuite} only with
 * this class path), one result per case in order, and a case that fails is its message while
 * the others still run. No timing is asserted.
 */
class SharedForkTest {

  @Test
  void casesShareOneForkAndEachGetsItsOwnResult(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("jmh.log");
    JmhTimer timer = new JmhTimer(BenchSettings.defaults(true, null), log);
    List<String> ids = List.of("fake/compare/0", "fake/compare/99", "fake/compare/1");
    Map<String, Object> r = SharedFork.time(timer, ids, JmhTimer.NUMSPARK);

    assertEquals(ids, List.copyOf(r.keySet()));
    for (String ok : List.of("fake/compare/0", "fake/compare/1")) {
      Measurement m = assertInstanceOf(Measurement.class, r.get(ok), ok + ": " + r.get(ok));
      assertTrue(m.ms() > 0 && m.samples() == 7, ok + ": " + m);
    }
    // no case 99: its failure is a message, and the case after it still ran
    assertInstanceOf(String.class, r.get("fake/compare/99"));

    String jmh = Files.readString(log);
    // JMH ran inside the one fork (no fork of its own) with the fork's flags, here the quick heap
    assertTrue(jmh.contains("# Fork: N/A, test runs in the host VM"), jmh);
    assertEquals(ids.size(), jmh.split("# Fork: N/A", -1).length - 1, jmh);
    assertTrue(!jmh.contains("# Fork: 1 of"), "JMH made no fork of its own:\n" + jmh);
    for (String flag : timer.forkJvmArgs()) {
      assertTrue(jmh.contains(flag), "the shared fork runs with " + flag + ":\n" + jmh);
    }
    assertTrue(jmh.contains("minWarmupMs = 0") && jmh.contains("minWarmupMs = "
        + SharedFork.LATER_WARMUP_MS), "only the first case warms up in full:\n" + jmh);
  }
}
