package dev.numspark.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** ratio = peer / numspark (above 1: numspark faster); throughput = work per second. */
class BenchResultTest {
  private static Measurement ms(double v) {
    return new Measurement(v, 0.1, 5, "jmh");
  }

  @Test
  void ratioIsPeerOverNumspark() {
    BenchResult r = new BenchResult("fft", "compare", "rfft", "8x8", 1, 0, ms(2), "scipy", ms(6),
        null);
    assertEquals(3.0, r.ratio());
    BenchResult slower = new BenchResult("fft", "compare", "rfft", "8x8", 1, 0, ms(8), "scipy",
        ms(2), null);
    assertEquals(0.25, slower.ratio());
  }

  @Test
  void aMissingSideHasNoRatio() {
    assertTrue(Double.isNaN(new BenchResult("s", "compare", "op", "1", 1, 0, ms(2), "scipy", null,
        "scipy skipped").ratio()));
    assertTrue(Double.isNaN(new BenchResult("s", "compare", "op", "1", 1, 0, null, "scipy", ms(2),
        "numspark failed").ratio()));
  }

  @Test
  void throughputIsWorkPerSecond() {
    // 1e6 flops in 4 ms = 2.5e8 flops/s
    BenchResult r = new BenchResult("fft", "scaling", "rfft", "8x8", 2, 1e6, ms(4), null, null,
        null);
    assertEquals(2.5e8, r.throughput(), 1e-6);
    assertEquals("fft rfft 8x8 w2", r.label());
  }
}
