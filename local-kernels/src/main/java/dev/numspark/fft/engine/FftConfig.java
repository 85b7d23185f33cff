package dev.numspark.fft.engine;

/**
 * The FFT engines' switches, in one place. The system properties (documented in README and
 * docs/fft.md) are read once, when the first transform loads this class:
 * <ul>
 *   <li>{@code -Dnumspark.fft.vector=false} turns the Vector API engine off: every transform
 *       then runs on JTransforms, as without the {@code jdk.incubator.vector} module;
 *       {@code =always} lets it take every case it computes ({@link #VECTOR_ALWAYS}).
 *   <li>{@code -Dnumspark.fft.spareResults=false} turns {@link SpareResults} off.
 *   <li>{@code -Dnumspark.fft.alignBlocks=false} starts every work block at index 0, wherever
 *       its cache lines are ({@link CacheLines}).
 * </ul>
 * The mutable fields are tuning thresholds and the spare-results and alignment switches; tests
 * set them (and restore them: {@code SpareResultsRestored}, {@code ParallelEvenWhenSmall}). This class
 * references no Vector API type (only {@link PreferredWidth} does, loaded when the module is
 * there), so it loads without the module.
 */
final class FftConfig {
  static final String VECTOR_PROPERTY = "numspark.fft.vector";
  static final String SPARE_RESULTS_PROPERTY = "numspark.fft.spareResults";
  static final String ALIGN_BLOCKS_PROPERTY = "numspark.fft.alignBlocks";

  /** Why the engine is off, the first cause in the order {@link #off} tests; null when it is on. */
  static final Off OFF = off();

  /**
   * Whether the Vector API engine may run: the {@code jdk.incubator.vector} module is in the boot
   * layer (Spark 4's JVM flags, the test JVM and bin/numspark add it) and it is not switched off.
   * The engine's classes are only loaded when this is true. It is also false where the Vector API
   * is not compiled to vector instructions, where the engine was 28-37x slower than JTransforms
   * ({@code fft} 256x1000, one worker: 103-105 ms against 2.8-3.8 ms, 0.2-0.6 GB allocated a
   * call): without C2 ({@link #optimizingJit}) and at widths other than 128, 256 and 512 bits
   * ({@link #supportedBits}).
   */
  static final boolean VECTOR_ENGINE = OFF == null;

  /** The causes for {@link #VECTOR_ENGINE} to be false. */
  enum Off { SWITCHED_OFF, NO_MODULE, NO_C2, WIDTH }

  /** The first cause that turns the engine off; the width is only asked once the module is in. */
  private static Off off() {
    if (switchedOff(VECTOR_PROPERTY)) {
      return Off.SWITCHED_OFF;
    }
    if (!vectorModule()) {
      return Off.NO_MODULE;
    }
    if (!optimizingJit()) {
      return Off.NO_C2;
    }
    return supportedBits(PreferredWidth.bits()) ? null : Off.WIDTH;
  }

  /**
   * {@code -Dnumspark.fft.vector=always}: the block engine takes every case it can compute, also
   * those where {@link Engines#blocksPay} found JTransforms faster at this vector width. For
   * tests (the Surefire executions at 256 and 128 bits prove the engine at every width) and
   * measurements, not for users.
   */
  static final boolean VECTOR_ALWAYS = VECTOR_ENGINE
      && "always".equalsIgnoreCase(System.getProperty(VECTOR_PROPERTY));

  /** Whether work blocks start on a cache line ({@link CacheLines#origin}). */
  static volatile boolean alignBlocks = !switchedOff(ALIGN_BLOCKS_PROPERTY);

  /** Whether {@link SpareResults} makes and hands out spares. */
  static volatile boolean spareResults = !switchedOff(SPARE_RESULTS_PROPERTY);

  /**
   * Outputs from this size on (and from {@link #parallelMinBytes}, below which one worker runs)
   * are allocated concurrently with the first blocks' work ({@link BlockLoop}). Small ones gain
   * too: {@code rfft} of 32 x 4096 (a 1 MB result) at 2 workers took 0.29 ms this way against
   * 0.36 ms allocating first (0.41 ms at 1 worker).
   */
  static volatile long overlapMinBytes = 256L << 10;

  /**
   * Outputs smaller than this are computed by one worker whatever {@code workers} says (as in
   * SciPy, {@code workers} is a maximum; the bits do not depend on it): handing blocks to a
   * second thread costs tens of microseconds, as much as such a transform. At 2 workers against
   * 1, before this rule: {@code fft} 16 x 512 (128 KB) 0.74x, {@code rfft} 16 x 2048 (256 KB)
   * 0.53x, {@code rfft} 32 x 1024 0.60x, {@code fft} 16 x 1024 0.98x; from 512 KB on it pays:
   * {@code fft} 32 x 1024 1.26x, {@code fft} 16 x 4096 1.40x.
   */
  static volatile long parallelMinBytes = 512L << 10;

  /**
   * At most this much, and 3/8 of the output, is staged while the output is allocated
   * ({@link BlockLoop}): the other workers transform about a quarter of the output meanwhile
   * (zeroing runs at about a quarter of the transform's time per byte), and a worker that
   * reaches the cap waits. With the slab kept from run to run ({@link StagingSlabs}), staging a
   * block costs only its copy into place, less than waiting.
   */
  static volatile long stagingCapBytes = 48L << 20;

  private FftConfig() {}

  /** Whether the {@code jdk.incubator.vector} module is in the boot layer. */
  static boolean vectorModule() {
    return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
  }

  /**
   * Whether HotSpot's optimizing compiler, C2, runs: the Vector API's intrinsics are C2's. Not
   * with {@code -Xint} ("interpreted mode" in {@code java.vm.info}) nor with C1 alone
   * ({@code -XX:TieredStopAtLevel=1}, "emulated-client"), where every vector operation allocates
   * a box.
   */
  static boolean optimizingJit() {
    String info = System.getProperty("java.vm.info", "");
    return !info.contains("interpreted mode") && !info.contains("emulated-client");
  }

  /**
   * Whether the engine runs at this preferred vector width: 2, 4 or 8 doubles, which its moves
   * are written for ({@link LaneMoves}). Not at 64 bits (one lane, e.g.
   * {@code -XX:MaxVectorSize=8}: nothing to gain and every move lane by lane), nor beyond 512
   * bits (ARM SVE's longer vectors, no CPU of which was at hand to prove the moves on).
   */
  static boolean supportedBits(int bits) {
    return bits == 128 || bits == 256 || bits == 512;
  }

  /** Whether the property is set to {@code false} (any case): the only value that turns off. */
  private static boolean switchedOff(String property) {
    return "false".equalsIgnoreCase(System.getProperty(property));
  }

  /** Reads the width in a class of its own, so that nothing loads the Vector API without it. */
  static final class PreferredWidth {
    private PreferredWidth() {}

    static int bits() {
      return jdk.incubator.vector.VectorShape.preferredShape().vectorBitSize();
    }
  }
}
