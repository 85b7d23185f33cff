package dev.numspark.fft.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.numspark.fft.Norm;
import org.junit.jupiter.api.Test;

/** {@link Engines#blocksPay}: the measured rules per vector width. */
class EnginesTest {
  private static ComplexLineOp fft(int n) {
    return new ComplexLineOp(n, n, true, Norm.BACKWARD);
  }

  private static RealForwardLineOp rfft(int n) {
    return new RealForwardLineOp(n, n, 1, false);
  }

  private static RealInverseLineOp irfft(int n) {
    return new RealInverseLineOp(n / 2 + 1, n, 1.0 / n, false);
  }

  @Test
  void powersOfTwoAtTwoLanesTakeTheBlocksWhereMeasuredFaster() {
    // complex from 64 points, irfft and rfft from n/2 = 256 on the blocks
    assertTrue(Engines.blocksPay(fft(512), 2));
    assertTrue(Engines.blocksPay(fft(4096), 2));
    assertTrue(Engines.blocksPay(fft(64), 2));
    assertFalse(Engines.blocksPay(fft(32), 2));
    assertTrue(Engines.blocksPay(irfft(4096), 2));
    assertTrue(Engines.blocksPay(irfft(512), 2));
    assertFalse(Engines.blocksPay(irfft(256), 2));
    assertFalse(Engines.blocksPay(rfft(256), 2));
    assertTrue(Engines.blocksPay(rfft(512), 2));
    assertTrue(Engines.blocksPay(rfft(4096), 2));
    assertTrue(Engines.blocksPay(fft(1000), 2));
    assertTrue(Engines.blocksPay(rfft(4800), 2));
    assertTrue(Engines.blocksPay(fft(512), 4));
    assertTrue(Engines.blocksPay(rfft(256), 8));
  }

  @Test
  void blocksBeyondTheirCacheBudgetAndLength16StayOff() {
    // 1 MB of work array at 2 lanes
    assertTrue(Engines.blocksPay(fft(30000), 2));
    assertFalse(Engines.blocksPay(fft(48000), 2));
    assertFalse(Engines.blocksPay(fft(40000), 2));
    assertTrue(Engines.blocksPay(fft(16384), 2), "512 KB, a power of two from 64 points");
    assertFalse(Engines.blocksPay(fft(65536), 2), "2 MB");
    // 4 MB at 8 lanes (measured on an AMD EPYC Zen 4: fft 16 x 16384 and 16 x 32768 1.3-2.1x
    // the single-line engine at one worker; 8 x 131072, 16 MB, 0.66x)
    assertTrue(Engines.blocksPay(fft(16384), 8));
    assertTrue(Engines.blocksPay(fft(32768), 8));
    assertTrue(Engines.blocksPay(rfft(65536), 8));
    assertFalse(Engines.blocksPay(fft(65536), 8));
    assertFalse(Engines.blocksPay(rfft(131072), 8));
    // 4 MB at 4 lanes (measured on a real AVX2 CPU)
    assertTrue(Engines.blocksPay(fft(16384), 4));
    assertTrue(Engines.blocksPay(fft(65536), 4));
    assertTrue(Engines.blocksPay(rfft(131072), 4));
    assertFalse(Engines.blocksPay(fft(131072), 4));
    assertFalse(Engines.blocksPay(rfft(262144), 4));
    assertFalse(Engines.blocksPay(fft(16), 8));
    assertTrue(Engines.blocksPay(rfft(16), 8));
  }

  @Test
  void bluesteinLengthsTakeTheBlocks() {
    assertTrue(Engines.blocksPay(fft(1009), 2));
    assertTrue(Engines.blocksPay(rfft(1009), 4));
    assertTrue(Engines.blocksPay(new RealInverseLineOp(505, 1009, 1, false), 8));
  }
}
