package dev.numspark.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link VectorWidth}, {@link SteadyWarmup} and the wide-error note of {@link BenchRunner}. */
class VectorWidthTest {
  @Test
  void widthsParseInOrderWithoutRepeats() {
    List<VectorWidth> w = VectorWidth.parse("native, 128,256,native");
    assertEquals(List.of("native", "128", "256"), w.stream().map(VectorWidth::label).toList());
    assertEquals("", w.get(0).sizeSuffix());
    assertEquals(" @128-bit", w.get(1).sizeSuffix());
    assertEquals(List.of("-XX:MaxVectorSize=16"), w.get(1).flags());
    assertTrue(w.get(2).flags().contains("-XX:UseAVX=2"), w.get(2).flags().toString());
  }

  @Test
  void warmupStopsWhenSteadyAndAtTheCap() {
    long t0 = System.nanoTime();
    int calls = SteadyWarmup.run(() -> busy(200_000), 100_000_000L, 10_000_000_000L);
    long took = System.nanoTime() - t0;
    assertTrue(calls >= 2 * SteadyWarmup.QUIET, "calls " + calls);
    assertTrue(took < 9_000_000_000L, "a steady action stops before the cap: " + took);
    // an action that keeps slowing down is never steady: the cap ends it
    long[] n = {100_000};
    t0 = System.nanoTime();
    SteadyWarmup.run(() -> busy(n[0] *= 2), 0, 400_000_000L);
    assertTrue(System.nanoTime() - t0 >= 400_000_000L, "ran to the cap");
  }

  @Test
  void wideErrorBarsAreNoted() {
    List<String> notes = new ArrayList<>();
    BenchRunner.wideError("numspark", new Measurement(10, 1, 5, "jmh"), notes);
    assertEquals(List.of(), notes);
    BenchRunner.wideError("scipy", new Measurement(10, 3.6, 5, "python"), notes);
    assertEquals(List.of("scipy error ±36% too wide to support a claim"), notes);
  }

  private static void busy(long nanos) {
    long end = System.nanoTime() + nanos;
    while (System.nanoTime() < end) {
      Thread.onSpinWait();
    }
  }
}
