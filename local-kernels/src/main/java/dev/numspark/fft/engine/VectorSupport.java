package dev.numspark.fft.engine;

/**
 * Whether the batched Vector API FFT ({@link BlockRunner}, {@link BlockFft}) may be used: the
 * {@code jdk.incubator.vector} module is in the boot layer (Spark 4's JVM flags, the test JVM and
 * bin/numspark add it). Decided once; this class itself references no Vector API type, so the
 * engine's classes are only loaded when it says yes. {@code -Dnumspark.fft.vector=false} turns the
 * engine off (every transform then uses JTransforms, as without the module).
 */
public final class VectorSupport {
  public static final boolean AVAILABLE = detect();

  private VectorSupport() {}

  private static boolean detect() {
    if ("false".equalsIgnoreCase(System.getProperty("numspark.fft.vector"))) {
      return false;
    }
    return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
  }
}
