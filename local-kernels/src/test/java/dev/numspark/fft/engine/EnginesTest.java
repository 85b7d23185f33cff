package dev.numspark.fft.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.numspark.fft.Norm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Engines#blocksPay}: the measured rules per vector width (and CPU vendor at 8 lanes). */
class EnginesTest {
  private static ComplexLineOp fft(int n) {
    return new ComplexLineOp(n, n, true, Norm.BACKWARD);
  }

  private static RealForwardLineOp rfft(int n) {
    return new RealForwardLineOp(n, n, 1, false);
  }

  @Test
  void powersOfTwoStayOnJTransformsAtTwoLanes() {
    assertFalse(Engines.blocksPay(fft(512), 2, false));
    assertFalse(Engines.blocksPay(fft(4096), 2, false));
    assertFalse(Engines.blocksPay(rfft(256), 2, false));
    assertFalse(Engines.blocksPay(rfft(4096), 2, false));
    assertTrue(Engines.blocksPay(fft(1000), 2, false));
    assertTrue(Engines.blocksPay(rfft(4800), 2, false));
    assertTrue(Engines.blocksPay(fft(512), 4, false));
    assertTrue(Engines.blocksPay(rfft(256), 8, false));
  }

  @Test
  void blocksBeyondTheirCacheBudgetAndLength16StayOff() {
    // 1 MB of work array at 8 and 2 lanes
    assertFalse(Engines.blocksPay(fft(16384), 8, false));
    assertTrue(Engines.blocksPay(rfft(16384), 8, false));
    assertTrue(Engines.blocksPay(fft(30000), 2, false));
    assertFalse(Engines.blocksPay(fft(48000), 2, false));
    // 4 MB at 4 lanes (measured on a real AVX2 CPU)
    assertTrue(Engines.blocksPay(fft(16384), 4, false));
    assertTrue(Engines.blocksPay(fft(65536), 4, false));
    assertTrue(Engines.blocksPay(rfft(131072), 4, false));
    assertFalse(Engines.blocksPay(fft(131072), 4, false));
    assertFalse(Engines.blocksPay(rfft(262144), 4, false));
    assertFalse(Engines.blocksPay(fft(16), 8, false));
    assertTrue(Engines.blocksPay(rfft(16), 8, false));
  }

  @Test
  void blocksUpTo4MbAt8LanesOnAmd() {
    // measured on Zen 4: 2-4 MB blocks beat the single-line engine 1.1-2.1x at one worker
    assertTrue(Engines.blocksPay(fft(16384), 8, true));
    assertTrue(Engines.blocksPay(fft(32768), 8, true));
    assertTrue(Engines.blocksPay(rfft(65536), 8, true));
    assertFalse(Engines.blocksPay(fft(65536), 8, true));
    assertFalse(Engines.blocksPay(rfft(131072), 8, true));
    // elsewhere at 8 lanes 1 MB (an AVX-512 Xeon), and the vendor does not move 2 or 4 lanes
    assertFalse(Engines.blocksPay(fft(16384), 8, false));
    assertFalse(Engines.blocksPay(fft(48000), 2, true));
    assertTrue(Engines.blocksPay(fft(65536), 4, false));
    assertFalse(Engines.blocksPay(fft(131072), 4, true));
  }

  @Test
  void theVendorIsTheFirstVendorIdOfCpuinfo(@TempDir Path dir) throws IOException {
    Path amd = Files.writeString(dir.resolve("amd"), "processor\t: 0\nvendor_id\t: AuthenticAMD\n"
        + "cpu family\t: 25\n\nprocessor\t: 1\nvendor_id\t: AuthenticAMD\n");
    Path intel = Files.writeString(dir.resolve("intel"), "processor\t: 0\n"
        + "vendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Xeon(R) Processor\n");
    Path arm = Files.writeString(dir.resolve("arm"), "processor\t: 0\nBogoMIPS\t: 243.75\n"
        + "CPU implementer\t: 0x41\n");
    assertEquals("AuthenticAMD", Engines.vendor(amd));
    assertEquals("GenuineIntel", Engines.vendor(intel));
    assertEquals("", Engines.vendor(arm));
    assertEquals("", Engines.vendor(dir.resolve("missing")));
    assertTrue(Engines.isAmd("AuthenticAMD"));
    assertTrue(Engines.isAmd("HygonGenuine"));
    assertFalse(Engines.isAmd("GenuineIntel"));
    assertFalse(Engines.isAmd(""));
  }

  @Test
  void bluesteinLengthsTakeTheBlocks() {
    assertTrue(Engines.blocksPay(fft(1009), 2, false));
    assertTrue(Engines.blocksPay(rfft(1009), 4, false));
    assertTrue(Engines.blocksPay(new RealInverseLineOp(505, 1009, 1, false), 8, false));
  }
}
