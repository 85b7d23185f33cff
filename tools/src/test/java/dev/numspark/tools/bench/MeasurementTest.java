package dev.numspark.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Python and wall-clock samples are summarised by median and median absolute deviation. */
class MeasurementTest {

  @Test
  void oddCountMedianAndDeviation() {
    // sorted 1, 2, 3, 4, 100: median 3; |x - 3| = 2, 1, 0, 1, 97 -> median 1
    Measurement m = Measurement.ofSamples(new double[] {3, 100, 1, 4, 2}, "python");
    assertEquals(3.0, m.ms());
    assertEquals(1.0, m.errorMs());
    assertEquals(5, m.samples());
    assertEquals("python", m.method());
  }

  @Test
  void evenCountMedianIsTheMeanOfTheMiddlePair() {
    // sorted 1, 2, 4, 10: median (2 + 4) / 2 = 3; deviations 2, 1, 1, 7 -> median 1.5
    Measurement m = Measurement.ofSamples(new double[] {10, 1, 4, 2}, "wall");
    assertEquals(3.0, m.ms());
    assertEquals(1.5, m.errorMs());
  }

  @Test
  void noSamplesIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> Measurement.ofSamples(new double[0], "x"));
  }
}
