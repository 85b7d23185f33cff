package dev.numspark.fft.engine;

/**
 * What the FFT engine seam will run in this JVM, for {@code dev.numspark.fft.FftEngineInfo}: whether
 * the Vector API engine may run, the preferred vector width, and why not when it may not.
 */
public final class EngineStatus {
  private EngineStatus() {}

  /** Whether the Vector API engine may take transforms in this JVM. */
  public static boolean vectorEngine() {
    return FftConfig.VECTOR_ENGINE;
  }

  /** The Vector API's preferred vector size in bits, or 0 without the module. */
  public static int vectorBits() {
    return FftConfig.vectorModule() ? FftConfig.PreferredWidth.bits() : 0;
  }

  /** Why the engine is off, or null when it is on. */
  public static String reasonOff() {
    FftConfig.Off off = FftConfig.OFF;
    if (off == null) {
      return null;
    }
    return switch (off) {
      case SWITCHED_OFF -> "-D" + FftConfig.VECTOR_PROPERTY + "=false";
      case NO_MODULE ->
          "the jdk.incubator.vector module is not loaded (add --add-modules=jdk.incubator.vector)";
      case NO_C2 -> "no C2 compiler in this JVM (" + System.getProperty("java.vm.info")
          + "), without which the Vector API is slower than JTransforms";
      case WIDTH -> vectorBits() + "-bit vectors: the engine runs at 128, 256 or 512 bits";
    };
  }

  /** What to do to turn the engine on, or null when it is on or it is the user's choice. */
  public static String remedy() {
    FftConfig.Off off = FftConfig.OFF;
    if (off == null) {
      return null;
    }
    return switch (off) {
      case SWITCHED_OFF -> null;
      case NO_MODULE -> "add --add-modules=jdk.incubator.vector to spark.executor.extraJavaOptions";
      case NO_C2 -> "remove -Xint or -XX:TieredStopAtLevel from the executors' JVM options";
      case WIDTH -> vectorBits() > 512
          ? "add -XX:MaxVectorSize=64 (512-bit vectors) to spark.executor.extraJavaOptions"
          : "remove -XX:MaxVectorSize from the executors' JVM options";
    };
  }
}
