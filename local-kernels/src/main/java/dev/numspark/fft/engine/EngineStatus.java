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
    return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
        ? VectorWidth.preferredBits() : 0;
  }

  /** Why the engine is off, or null when it is on. */
  public static String reasonOff() {
    if (FftConfig.VECTOR_ENGINE) {
      return null;
    }
    if (Boolean.FALSE.toString().equalsIgnoreCase(System.getProperty(FftConfig.VECTOR_PROPERTY))) {
      return "-D" + FftConfig.VECTOR_PROPERTY + "=false";
    }
    return "the jdk.incubator.vector module is not loaded (add --add-modules=jdk.incubator.vector)";
  }

  /** Reads the width in a class of its own, so that nothing loads the Vector API without it. */
  private static final class VectorWidth {
    static int preferredBits() {
      return jdk.incubator.vector.VectorShape.preferredShape().vectorBitSize();
    }
  }
}
