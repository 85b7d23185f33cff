package dev.numspark.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each known family: three growing batch sizes at workers 1 and 2, numspark only. */
class ScalingCasesTest {

  @Test
  void threeBatchesAtWorkersOneAndTwo() {
    for (String family : List.of("fft", "signal", "linalg", "optimize")) {
      for (boolean quick : new boolean[] {true, false}) {
        List<BenchCase> cases = ScalingCases.of(family, quick);
        assertEquals(6, cases.size(), family);
        for (int i = 0; i < 6; i++) {
          BenchCase c = cases.get(i);
          assertEquals(i < 3 ? 1 : 2, c.workers(), family);
          assertNull(c.peerName(), family);
          if (i % 3 > 0) {
            assertTrue(c.work() > cases.get(i - 1).work(), family + ": work grows with the batch");
          }
        }
      }
    }
    assertTrue(ScalingCases.of("unknown", true).isEmpty());
  }

  @Test
  void theSmallestCaseOfEachFamilyRuns() {
    for (String family : List.of("fft", "signal", "linalg")) {
      Runnable action = ScalingCases.of(family, true).get(0).setup().get();
      action.run();
    }
    assertEquals(3, ScalingCases.of("optimize", true).size() / 2);
  }
}
