package dev.numspark.fft.engine;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.ref.SoftReference;
import java.util.List;

/**
 * A result array allocated ahead for the next call of the same size: the one part of a large
 * batched transform that does not scale with {@code workers} is the JVM zeroing its new result on
 * one thread (about 12 GB/s: 5.5 ms of a 27 ms {@code fft} of 1024 x 4096 at one worker; no JDK
 * API skips it for large arrays). When calls repeat one result size (a loop over batches, a Spark
 * partition's row blocks), a call with several workers lets one of them allocate the next call's
 * result while the others transform, so every call after the second starts with its result
 * ready and its workers share all the work ({@link BlockLoop}).
 *
 * <p>A spare is a new, zero array, handed out once, so a result is exactly what a new array would
 * be. At most one spare is kept, softly referenced (the collector takes it back before memory
 * runs out). {@code -Dnumspark.fft.spareResults=false} turns this off (then every call allocates
 * its own result, still overlapped with the first blocks' work).
 *
 * <p>Spares are made only where the collector leaves a live array of the result's size in place
 * ({@link #minSpareBytes}): a spare is always live, and so is the result being written when the
 * spare's allocation starts a young collection. G1 (the JDK's and Spark's default) keeps arrays
 * from half a region on in humongous regions and ZGC keeps large objects in their own pages, but
 * Parallel and Serial GC copy both arrays at every young collection, and promote them, which fills
 * the old generation with dead spares. Measured, {@code fft} 1024 x 4096 and {@code rfft} 4096 x
 * 4096, 2 workers against 1 (mean of 80 calls, 3 GB heap): G1 1.82x and 1.81x with spares, 1.75x
 * and 1.75x without; ZGC 1.91x against 1.69x; Parallel 1.76x and 1.71x with spares (a 13 ms
 * young pause every 7 calls, a full collection every 40), 1.83x and 1.77x without.
 */
final class SpareResults {
  /**
   * Results larger than this get no spare: keeping a second multi-GB array alive for the next
   * call would double what a large transform holds. (The largest benchmark result is 134 MB.)
   */
  static final long MAX_SPARE_BYTES = 512L << 20;

  /**
   * Results from this size on get spares: where the running collector does not copy a live array
   * of that size at a young collection ({@link #minSpareBytes(List, long)}).
   */
  static volatile long minSpareBytes = minSpareBytes(collectorNames(), g1RegionBytes());

  private static int lastLength = -1;
  private static SoftReference<double[]> spare;

  private SpareResults() {}

  /** The spare if it has exactly {@code length} doubles (it is then no longer kept), else null. */
  static synchronized double[] take(int length) {
    double[] s = spare == null ? null : spare.get();
    if (!FftConfig.spareResults || s == null || s.length != length) {
      return null;
    }
    spare = null;
    return s;
  }

  /**
   * Records a call with a result of {@code length} doubles and tells whether the call before
   * asked for the same length (and the result is at most {@link #MAX_SPARE_BYTES}): then a spare
   * for the next call is likely to be used.
   */
  static synchronized boolean repeated(int length) {
    boolean again = length == lastLength;
    lastLength = length;
    long bytes = (long) length * Double.BYTES;
    return FftConfig.spareResults && again && bytes <= MAX_SPARE_BYTES && bytes >= minSpareBytes;
  }

  /**
   * The smallest array, in bytes, that the collector named by {@code collectors} (the names of
   * its {@link GarbageCollectorMXBean}s) leaves in place while live; {@link Long#MAX_VALUE} for a
   * collector that copies every size, or one not known here. G1: more than half a region
   * ({@code g1RegionBytes}) is humongous. ZGC: larger than 4 MB gets a page of its own (its
   * medium-object limit, or less on small heaps), and such pages are not relocated.
   */
  static long minSpareBytes(List<String> collectors, long g1RegionBytes) {
    if (collectors.stream().anyMatch(n -> n.startsWith("G1 ")) && g1RegionBytes > 0) {
      return g1RegionBytes / 2 + 1;
    }
    if (collectors.stream().anyMatch(n -> n.startsWith("ZGC "))) {
      return (4L << 20) + 1;
    }
    return Long.MAX_VALUE;
  }

  private static List<String> collectorNames() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .map(GarbageCollectorMXBean::getName).toList();
  }

  /** G1's region size, or 0 if that is not known (another collector or VM). */
  static long g1RegionBytes() {
    try {
      HotSpotDiagnosticMXBean vm =
          ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      return vm == null ? 0 : Long.parseLong(vm.getVMOption("G1HeapRegionSize").getValue());
    } catch (RuntimeException e) {
      return 0; // not HotSpot, or no such option
    }
  }

  /** Keeps {@code result} (new, all zero, referenced nowhere else) as the spare. */
  static synchronized void keep(double[] result) {
    if (FftConfig.spareResults) {
      spare = new SoftReference<>(result);
    }
  }

  /** Forgets the spare and the last length (tests). */
  static synchronized void clear() {
    spare = null;
    lastLength = -1;
  }
}
