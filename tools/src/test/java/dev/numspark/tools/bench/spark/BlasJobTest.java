package dev.numspark.tools.bench.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The oversubscription job runs the same deterministic work with and without the plugin. */
class BlasJobTest {

  /**
   * The expected checksums, computed off the test's main thread: OpenBLAS's LAPACK can crash on
   * the JVM's main thread stack (bin/numspark runs with -Xss8m; the test JVM does not).
   */
  private static List<Double> expected(int m, int rounds) throws InterruptedException {
    List<Double> out = new ArrayList<>();
    Thread t = new Thread(null, () -> {
      out.add(BlasJob.work(m, rounds, 1));
      out.add(BlasJob.work(m, rounds, 2));
    }, "expected", 16L << 20);
    t.start();
    t.join();
    return out;
  }

  @Test
  void bothSidesComputeTheSameChecksumsOnLocalSpark() throws InterruptedException {
    List<Double> expected = expected(16, 2);
    assertEquals(2, expected.size());
    for (boolean plugin : new boolean[] {true, false}) {
      try (BlasJob job = new BlasJob(plugin, 16, 2)) {
        assertEquals(expected, job.checksums(), "plugin " + plugin);
      }
    }
  }
}
