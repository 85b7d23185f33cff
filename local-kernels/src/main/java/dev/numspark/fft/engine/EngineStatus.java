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
    if (FftConfig.VECTOR_ENGINE) {
      return null;
    }
    if (Boolean.FALSE.toString().equalsIgnoreCase(System.getProperty(FftConfig.VECTOR_PROPERTY))) {
      return "-D" + FftConfig.VECTOR_PROPERTY + "=false";
    }
    if (!FftConfig.vectorModule()) {
      return "the jdk.incubator.vector module is not loaded (add --add-modules=jdk.incubator.vector)";
    }
    if (!FftConfig.optimizingJit()) {
      return "no C2 compiler in this JVM (" + System.getProperty("java.vm.info")
          + "), without which the Vector API is slower than JTransforms";
    }
    return vectorBits() + "-bit vectors: the engine runs at 128, 256 or 512 bits";
  }

  /** What to do to turn the engine on, or null when it is on or it is the user's choice. */
  public static String remedy() {
    if (FftConfig.VECTOR_ENGINE
        || Boolean.FALSE.toString().equalsIgnoreCase(System.getProperty(FftConfig.VECTOR_PROPERTY))) {
      return null;
    }
    if (!FftConfig.vectorModule()) {
      return "add --add-modules=jdk.incubator.vector to spark.executor.extraJavaOptions";
    }
    if (!FftConfig.optimizingJit()) {
      return "remove -Xint or -XX:TieredStopAtLevel from the executors' JVM options";
    }
    return vectorBits() > 512
        ? "add -XX:MaxVectorSize=64 (512-bit vectors) to spark.executor.extraJavaOptions"
        : "remove -XX:MaxVectorSize from the executors' JVM options";
  }
}
