package dev.numspark.fft.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link CacheLines}: on HotSpot before JDK 24 (the test JVM) it reads arrays' addresses, two arrays made one
 * after the other lie their size apart (so the decoding of references is right), and an origin
 * is where the array meets a 64-byte line.
 */
class CacheLinesTest {
  private static boolean hotSpot() {
    String vm = System.getProperty("java.vm.name", "");
    return vm.contains("HotSpot") || vm.contains("OpenJDK");
  }

  @Test
  void addressesAreKnownOnHotSpotBeforeJdk24() {
    assumeTrue(hotSpot(), "reads references the HotSpot way");
    if (Runtime.version().feature() >= 24) {
      // Unsafe's memory reads warn from JDK 24 on: not used there
      assertFalse(CacheLines.KNOWN, "no Unsafe reads on JDK 24+");
      assertEquals(0, CacheLines.origin(new double[3], new Object[1]));
      return;
    }
    assertTrue(CacheLines.KNOWN, "sun.misc.Unsafe and the reference format");
  }

  @Test
  void twoArraysMadeOneAfterTheOtherLieTheirSizeApart() {
    assumeTrue(CacheLines.KNOWN, "addresses known");
    // 16 bytes of header and 8 a double, rounded to the object alignment (8 by default)
    int length = 13;
    long size = 16 + 8 * length;
    int apart = 0;
    for (int t = 0; t < 20; t++) {
      double[] first = new double[length];
      double[] second = new double[length];
      long d = CacheLines.address(second) - CacheLines.address(first);
      apart += d == size || d == (size + 15) / 16 * 16 ? 1 : 0;
    }
    // an allocation may start a new thread-local buffer now and then, not most times
    assertTrue(apart >= 10, apart + " of 20 pairs lay " + size + " bytes apart");
  }

  @Test
  void anOriginIsWhereTheArrayMeetsACacheLine() {
    assumeTrue(CacheLines.KNOWN, "addresses known");
    int base = sun.misc.Unsafe.ARRAY_DOUBLE_BASE_OFFSET;
    boolean[] seen = new boolean[CacheLines.MAX_ORIGIN + 1];
    for (int t = 0; t < 200; t++) {
      double[] a = new double[1 + t % 5];
      int o = CacheLines.origin(a, new Object[1]);
      assertTrue(o >= 0 && o <= CacheLines.MAX_ORIGIN, "origin " + o);
      assertEquals(0, (CacheLines.address(a) + base + 8L * o) % CacheLines.LINE_BYTES,
          "element " + o + " starts a line");
      seen[o] = true;
    }
    int kinds = 0;
    for (boolean s : seen) {
      kinds += s ? 1 : 0;
    }
    // arrays of 1 to 5 doubles made in a row meet lines at different places
    assertTrue(kinds >= 2, kinds + " different origins in 200 arrays");
  }

  @Test
  void findingAnOriginAllocatesNothingAndKeepsNoReference() {
    assumeTrue(CacheLines.KNOWN, "addresses known");
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    double[] a = new double[100];
    Object[] slot = new Object[1];
    long sum = 0;
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 10_000; i++) {
      sum += CacheLines.origin(a, slot);
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    // a holder array per call would be 240 000 bytes here
    assertTrue(allocated < 1000, allocated + " bytes allocated by 10 000 calls (sum " + sum + ")");
    assertEquals(null, slot[0], "the slot is cleared");
  }

  @Test
  void switchedOffEveryBlockStartsAtZero() {
    boolean was = FftConfig.alignBlocks;
    try {
      FftConfig.alignBlocks = false;
      for (int t = 0; t < 20; t++) {
        assertEquals(0, CacheLines.origin(new double[1 + t], new Object[1]));
      }
    } finally {
      FftConfig.alignBlocks = was;
    }
  }
}
