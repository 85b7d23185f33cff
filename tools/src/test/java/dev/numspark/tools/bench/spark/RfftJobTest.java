package dev.numspark.tools.bench.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** Both sides of the Spark rfft case compute the same thing, so their times compare. */
class RfftJobTest {

  @Test
  void numsparkRfftAndTheBreezeUdfAgree() {
    double numspark;
    double breeze;
    try (RfftJob job = new RfftJob(300, 64, false)) {
      numspark = job.result();
    }
    try (RfftJob job = new RfftJob(300, 64, true)) {
      breeze = job.result();
    }
    // the sum over 300 signals of Re X[1]: random signals make it far from zero
    assertNotEquals(0.0, numspark);
    assertEquals(numspark, breeze, 1e-9 * Math.abs(numspark));
  }
}
