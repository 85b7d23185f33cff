package dev.numspark.fft.engine;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;

/**
 * Where in a {@code double[]} the engine's work block starts, so that its vectors lie on cache
 * lines: a vector load or store that straddles two 64-byte lines costs about twice one that does
 * not. Java aligns arrays to 8 bytes only, and G1 puts a large array (from half a region: 1 MB
 * with the 2 MB regions of a 4 GB heap) at the start of a region, so its elements begin 16 bytes
 * (the array header) past a line: every other 32-byte vector and every 64-byte one then spans two
 * lines. Measured on an AMD EPYC Zen 3 (4 lanes), one JVM, the same work array placed at each
 * 16-byte offset in turn: {@code fft} 128 x 4096 3.30 ms with the block on a line against 3.78
 * ms 16 bytes past one, {@code rfft} 512 x 4096 7.76 against 8.77 ms, {@code fft} 256 x 1000 1.66
 * against 1.88 ms (2026-12-06).
 *
 * <p>No Java API gives an array's address, so this reads it the way JOL and Netty do, with
 * {@code sun.misc.Unsafe} (the {@code jdk.unsupported} module that Spark itself relies on): the
 * reference stored in an {@code Object[]}, decoded for compressed references with the shift found
 * at start from two arrays allocated one after the other. A wrong or moved address (the collector
 * may move an array at any safepoint) costs only speed: callers use the origin as an offset into
 * an array that is long enough for any origin, so the values never depend on it. JDK 24 and later
 * warn when {@code Unsafe} reads memory, so there (and where it is missing or denied) every
 * origin is 0.
 * {@code -Dnumspark.fft.alignBlocks=false} turns it off ({@link FftConfig#alignBlocks}: every
 * origin 0).
 */
final class CacheLines {
  /** Bytes in a cache line, and the alignment sought. */
  static final int LINE_BYTES = 64;
  /** The largest origin, in doubles: the slack a work array needs beyond its block. */
  static final int MAX_ORIGIN = LINE_BYTES / Double.BYTES - 1;

  private static final sun.misc.Unsafe UNSAFE = unsafe();
  private static final long OBJECTS_BASE;
  private static final long DOUBLES_BASE;
  /** Bits a compressed reference is shifted left by to give the address; -1: 64-bit references. */
  private static final int SHIFT;
  /** Whether addresses are known: Unsafe is there and the reference format was recognised. */
  static final boolean KNOWN;

  static {
    long objectsBase = 0;
    long doublesBase = 0;
    int shift = -2;
    if (UNSAFE != null) {
      try {
        objectsBase = UNSAFE.arrayBaseOffset(Object[].class);
        doublesBase = UNSAFE.arrayBaseOffset(double[].class);
        int scale = UNSAFE.arrayIndexScale(Object[].class);
        shift = scale == 8 ? -1 : scale == 4 ? compressedShift(objectsBase) : -2;
      } catch (RuntimeException e) {
        shift = -2; // memory access denied (--sun-misc-unsafe-memory-access=deny): index 0
      }
    }
    OBJECTS_BASE = objectsBase;
    DOUBLES_BASE = doublesBase;
    SHIFT = shift;
    KNOWN = shift >= -1;
  }

  private CacheLines() {}

  /**
   * The index in {@code a} of its first element on a cache line: 0 to {@link #MAX_ORIGIN}; 0
   * when addresses are not known or alignment is off. {@code slot}, an {@code Object[1]} of the
   * caller's (a worker's buffers hold one), carries the reference, so that a block allocates
   * nothing (C2 does not remove an array that {@code Unsafe} reads: 24 bytes a call).
   */
  static int origin(double[] a, Object[] slot) {
    if (!KNOWN || !FftConfig.alignBlocks) {
      return 0;
    }
    slot[0] = a;
    long offset = addressIn(slot) + DOUBLES_BASE;
    slot[0] = null;
    return (int) ((LINE_BYTES - (offset & (LINE_BYTES - 1))) & (LINE_BYTES - 1)) / Double.BYTES;
  }

  /** The address of {@code o} (its low bits are what matters here); 0 when not known. */
  static long address(Object o) {
    return KNOWN ? addressIn(new Object[] {o}) : 0;
  }

  /** The address of the object in {@code slot[0]}. */
  private static long addressIn(Object[] slot) {
    if (SHIFT < 0) {
      return UNSAFE.getLong(slot, OBJECTS_BASE);
    }
    return (UNSAFE.getInt(slot, OBJECTS_BASE) & 0xffffffffL) << SHIFT;
  }

  /**
   * The shift of compressed references: two {@code long[1]}s allocated one after the other lie
   * {@code size} bytes apart (16 bytes of header and 8 of data, rounded up to the object
   * alignment), so their references differ by {@code size >> shift}. Unscaled references (a heap
   * below 4 GB of addresses) give shift 0, zero-based and heap-based ones log2 of the alignment.
   * Tried a few times, as an allocation can start a new thread-local buffer; -2 when no
   * answer repeats.
   */
  private static int compressedShift(long objectsBase) {
    int alignment = objectAlignment();
    int shift = Integer.numberOfTrailingZeros(alignment);
    long size = (16 + 8 + alignment - 1) / alignment * alignment;
    int zero = 0;
    int scaled = 0;
    for (int t = 0; t < 8; t++) {
      long[] first = new long[1];
      long[] second = new long[1];
      Object[] holder = {first, second};
      long a = UNSAFE.getInt(holder, objectsBase) & 0xffffffffL;
      long b = UNSAFE.getInt(holder, objectsBase + 4) & 0xffffffffL;
      if (b - a == size) {
        zero++;
      } else if (b - a == size >> shift) {
        scaled++;
      }
    }
    return zero >= 3 && scaled == 0 ? 0 : scaled >= 3 && zero == 0 ? shift : -2;
  }

  private static int objectAlignment() {
    try {
      HotSpotDiagnosticMXBean vm =
          ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      return Integer.parseInt(vm.getVMOption("ObjectAlignmentInBytes").getValue());
    } catch (RuntimeException e) {
      return 8; // not HotSpot: its default
    }
  }

  /**
   * {@code sun.misc.Unsafe}, on JDKs before 24 only: from 24 on its memory-access methods print a
   * warning on first use (JEP 498), and a library should not make a user's JVM do that; there
   * blocks start at index 0, as before this class.
   */
  private static sun.misc.Unsafe unsafe() {
    if (Runtime.version().feature() >= 24) {
      return null;
    }
    try {
      Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
      f.setAccessible(true);
      return (sun.misc.Unsafe) f.get(null);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return null; // no jdk.unsupported: blocks start at index 0, as before
    }
  }
}
