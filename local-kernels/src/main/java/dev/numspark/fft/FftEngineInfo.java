package dev.numspark.fft;

import dev.numspark.fft.engine.EngineStatus;

/**
 * Which FFT engine runs in this JVM, in words: the Vector API engine (and its vector width) or
 * JTransforms alone, and why. For start-up logs and {@code Numspark.doctor}.
 */
public final class FftEngineInfo {
  private FftEngineInfo() {}

  /** Whether the Vector API engine may take transforms here. */
  public static boolean vectorEngine() {
    return EngineStatus.vectorEngine();
  }

  /** The Vector API's preferred vector size in bits, or 0 without the module. */
  public static int vectorBits() {
    return EngineStatus.vectorBits();
  }

  /**
   * What turns the engine on where it is off, e.g. "add --add-modules=jdk.incubator.vector to
   * spark.executor.extraJavaOptions"; null when it is on or switched off on purpose.
   */
  public static String remedy() {
    return EngineStatus.remedy();
  }

  /** E.g. "Vector API engine, 512-bit vectors" or "JTransforms only (-Dnumspark.fft.vector=false)". */
  public static String describe() {
    String off = EngineStatus.reasonOff();
    if (off != null) {
      return "JTransforms only (" + off + ")";
    }
    return "Vector API engine, " + vectorBits() + "-bit vectors";
  }
}
