package dev.numspark.fft;

import java.lang.ref.SoftReference;

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
 */
final class SpareResults {
  /**
   * Results larger than this get no spare: keeping a second multi-GB array alive for the next
   * call would double what a large transform holds. (The largest benchmark result is 134 MB.)
   */
  static final long MAX_SPARE_BYTES = 512L << 20;

  /** Whether spares are made and used. */
  static volatile boolean enabled =
      !"false".equalsIgnoreCase(System.getProperty("numspark.fft.spareResults"));

  private static int lastLength = -1;
  private static SoftReference<double[]> spare;

  private SpareResults() {}

  /** The spare if it has exactly {@code length} doubles (it is then no longer kept), else null. */
  static synchronized double[] take(int length) {
    double[] s = spare == null ? null : spare.get();
    if (!enabled || s == null || s.length != length) {
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
    return enabled && again && (long) length * Double.BYTES <= MAX_SPARE_BYTES;
  }

  /** Keeps {@code result} (new, all zero, referenced nowhere else) as the spare. */
  static synchronized void keep(double[] result) {
    if (enabled) {
      spare = new SoftReference<>(result);
    }
  }

  /** Forgets the spare and the last length (tests). */
  static synchronized void clear() {
    spare = null;
    lastLength = -1;
  }
}
