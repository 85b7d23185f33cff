package dev.numspark.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** A peer timed before and after numspark's forks: pooled samples, and a note when it moved. */
class PeerDriftTest {
  private static final Measurement NUMSPARK = new Measurement(4.0, 0.1, 7, "jmh");

  @Test
  void pooledIsTheMedianOfBothTimingsSamples() {
    PythonPeer.Outcome before = PythonPeer.Outcome.of(new double[] {3.0, 3.1, 2.9});
    PythonPeer.Outcome after = PythonPeer.Outcome.of(new double[] {4.0, 4.1, 3.9});
    Measurement m = PeerDrift.pooled(before, after).measurement();
    assertEquals(6, m.samples());
    assertEquals(3.5, m.ms(), 1e-12);
    // every sample is 0.4 to 0.6 from that median: the error bar widens with the drift
    assertEquals(0.5, m.errorMs(), 1e-12);
  }

  @Test
  void aFailedTimingIsNotPooled() {
    PythonPeer.Outcome ok = PythonPeer.Outcome.of(new double[] {1.0});
    PythonPeer.Outcome failed = PythonPeer.Outcome.failed("MemoryError");
    assertSame(failed, PeerDrift.pooled(ok, failed));
    assertSame(failed, PeerDrift.pooled(failed, ok));
    assertSame(ok, PeerDrift.pooled(ok, null));
  }

  @Test
  void aMoveAboveTenPercentIsNotedWithTheRatioAgainstEachTiming() {
    PythonPeer.Outcome before = PythonPeer.Outcome.of(new double[] {3.0, 3.0, 3.0});
    PythonPeer.Outcome after = PythonPeer.Outcome.of(new double[] {4.0, 4.0, 4.0});
    assertEquals("scipy moved +33% across numspark's forks (3.00 ms before, 4.00 ms after): "
        + "ratio 0.75x to 1.00x", PeerDrift.note("scipy", before, after, NUMSPARK));
    assertEquals("scipy moved -25% across numspark's forks (4.00 ms before, 3.00 ms after): "
        + "ratio 1.00x to 0.75x", PeerDrift.note("scipy", after, before, NUMSPARK));
  }

  @Test
  void aMoveWithinTenPercentOrOneTimingGetsNoNote() {
    PythonPeer.Outcome before = PythonPeer.Outcome.of(new double[] {3.0});
    PythonPeer.Outcome after = PythonPeer.Outcome.of(new double[] {3.29});
    assertNull(PeerDrift.note("scipy", before, after, NUMSPARK));
    assertNull(PeerDrift.note("scipy", before, before, NUMSPARK));
    assertNull(PeerDrift.note("scipy", before, PythonPeer.Outcome.failed("x"), NUMSPARK));
  }
}
