package dev.numspark.fft.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link SpareResults}: spares only for sizes the running collector leaves in place (G1's
 * humongous arrays, ZGC's large pages), none under copying collectors. The handing out itself is
 * tested through {@link BlockLoop} in {@link BlockLoopTest}.
 */
@ExtendWith(SpareResultsRestored.class)
class SpareResultsTest {

  @Test
  void g1GivesSparesToHumongousArraysOnly() {
    List<String> g1 = List.of("G1 Young Generation", "G1 Concurrent GC", "G1 Old Generation");
    // an array is humongous when larger than half a region
    assertEquals((1L << 20) + 1, SpareResults.minSpareBytes(g1, 2L << 20));
    assertEquals((16L << 20) + 1, SpareResults.minSpareBytes(g1, 32L << 20));
    assertEquals(Long.MAX_VALUE, SpareResults.minSpareBytes(g1, 0), "region size unknown");
  }

  @Test
  void zgcGivesSparesToLargeObjectsOnly() {
    assertEquals((4L << 20) + 1, SpareResults.minSpareBytes(List.of("ZGC Cycles", "ZGC Pauses"),
        0));
    assertEquals((4L << 20) + 1, SpareResults.minSpareBytes(
        List.of("ZGC Minor Cycles", "ZGC Minor Pauses", "ZGC Major Cycles", "ZGC Major Pauses"),
        0));
  }

  @Test
  void copyingAndUnknownCollectorsGetNoSpares() {
    assertEquals(Long.MAX_VALUE,
        SpareResults.minSpareBytes(List.of("PS Scavenge", "PS MarkSweep"), 0));
    assertEquals(Long.MAX_VALUE,
        SpareResults.minSpareBytes(List.of("Copy", "MarkSweepCompact"), 0));
    assertEquals(Long.MAX_VALUE,
        SpareResults.minSpareBytes(List.of("Shenandoah Pauses", "Shenandoah Cycles"), 0));
    assertEquals(Long.MAX_VALUE, SpareResults.minSpareBytes(List.of(), 0), "Epsilon: no beans");
  }

  @Test
  void theLimitIsTheRunningCollectors() {
    List<String> names = ManagementFactory.getGarbageCollectorMXBeans().stream()
        .map(GarbageCollectorMXBean::getName).toList();
    assertEquals(SpareResults.minSpareBytes(names, SpareResults.g1RegionBytes()),
        SpareResults.minSpareBytes);
  }

  @Test
  void aRepeatedSizeBelowTheLimitGetsNoSpare() {
    FftConfig.spareResults = true;
    SpareResults.minSpareBytes = 1L << 20;
    int below = (1 << 20) / Double.BYTES - 1;
    SpareResults.repeated(below);
    assertFalse(SpareResults.repeated(below), "below the limit");
    int at = (1 << 20) / Double.BYTES;
    SpareResults.repeated(at);
    assertTrue(SpareResults.repeated(at), "at the limit");
  }
}
