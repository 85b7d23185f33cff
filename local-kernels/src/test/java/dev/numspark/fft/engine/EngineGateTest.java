package dev.numspark.fft.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.numspark.fft.FftEngineInfo;
import dev.numspark.fft.Norm;
import dev.numspark.testing.ChildJvm;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link FftConfig#VECTOR_ENGINE} in JVMs where the Vector API would not be compiled to vector
 * instructions (there the engine was 28-37x slower than JTransforms): a child JVM with one-lane
 * vectors ({@code -XX:MaxVectorSize=8}) and one with C1 alone must leave every transform to
 * JTransforms and say why, with what to do.
 */
class EngineGateTest {
  @Test
  void theEngineRunsAt128And256And512BitsOnly() {
    assertTrue(FftConfig.supportedBits(128));
    assertTrue(FftConfig.supportedBits(256));
    assertTrue(FftConfig.supportedBits(512));
    assertFalse(FftConfig.supportedBits(64), "one lane of doubles");
    assertFalse(FftConfig.supportedBits(1024), "16 lanes: the moves are written for at most 8");
    assertFalse(FftConfig.supportedBits(2048));
  }

  @Test
  void thisJvmRunsTheEngine() {
    assertTrue(FftConfig.VECTOR_ENGINE, "the test JVMs load the module, with C2, at 128-512 bits");
    assertEquals(null, FftEngineInfo.remedy());
  }

  @Test
  void oneLaneVectorsLeaveEveryTransformToJTransforms() throws Exception {
    List<String> out = runChild("-XX:MaxVectorSize=8");
    assertEquals("engine=false", out.get(0), out.toString());
    assertEquals("JTransforms only (64-bit vectors: the engine runs at 128, 256 or 512 bits)",
        out.get(1));
    assertEquals("remove -XX:MaxVectorSize from the executors' JVM options", out.get(2));
    assertEquals("fft 256x1000: JTRANSFORMS", out.get(3));
  }

  @Test
  void withoutC2EveryTransformGoesToJTransforms() throws Exception {
    List<String> out = runChild("-XX:TieredStopAtLevel=1");
    assertEquals("engine=false", out.get(0), out.toString());
    assertTrue(out.get(1).startsWith("JTransforms only (no C2 compiler in this JVM ("), out.get(1));
    assertEquals("remove -Xint or -XX:TieredStopAtLevel from the executors' JVM options",
        out.get(2));
    assertEquals("fft 256x1000: JTRANSFORMS", out.get(3));
  }

  /** Run in the child JVM: the gate, the description, the remedy, the engine of one batch. */
  public static void main(String[] args) {
    System.out.println("engine=" + FftEngineInfo.vectorEngine());
    System.out.println(FftEngineInfo.describe());
    System.out.println(FftEngineInfo.remedy());
    FftEngine e = Engines.choose(new ComplexLineOp(1000, 1000, true, Norm.BACKWARD), 256, true);
    System.out.println("fft 256x1000: " + (e == Engines.JTRANSFORMS ? "JTRANSFORMS" : e));
  }

  private static List<String> runChild(String flag) throws IOException, InterruptedException {
    List<String> lines = new ArrayList<>();
    for (String line : ChildJvm.run(EngineGateTest.class,
        arg -> !arg.startsWith("-XX:MaxVectorSize") && !arg.startsWith("-XX:UseAVX")
            && !arg.startsWith("-Dnumspark.fft.vector"), flag)) {
      if (!line.startsWith("WARNING")) {
        lines.add(line);
      }
    }
    return lines;
  }
}
