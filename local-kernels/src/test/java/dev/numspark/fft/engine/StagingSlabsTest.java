package dev.numspark.fft.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link StagingSlabs}: a returned slab serves the next run that fits in it, a slab is never
 * handed to two runs at once, and no more than {@link StagingSlabs#MAX_KEPT_BYTES} are kept.
 */
class StagingSlabsTest {
  @BeforeEach
  void empty() {
    StagingSlabs.clear();
  }

  @Test
  void aReturnedSlabIsReusedOnceByARunItFits() {
    double[] slab = StagingSlabs.take(1000);
    assertEquals(1000, slab.length);
    StagingSlabs.give(slab);
    assertNotSame(slab, StagingSlabs.take(1001), "too small: a new slab");
    assertSame(slab, StagingSlabs.take(500), "large enough: reused");
    assertNotSame(slab, StagingSlabs.take(500), "handed out once until given back");
  }

  @Test
  void atMostTheLimitIsKeptNewestFirst() {
    int quarter = (int) (StagingSlabs.MAX_KEPT_BYTES / Double.BYTES / 4);
    double[][] slabs = new double[5][];
    for (int i = 0; i < slabs.length; i++) {
      slabs[i] = new double[quarter];
      StagingSlabs.give(slabs[i]);
    }
    assertEquals(4, StagingSlabs.kept());
    // the newest four are kept: the first one given was dropped
    for (int i = slabs.length - 1; i >= 1; i--) {
      assertSame(slabs[i], StagingSlabs.take(quarter));
    }
    assertEquals(0, StagingSlabs.kept());
    StagingSlabs.give(new double[(int) (StagingSlabs.MAX_KEPT_BYTES / Double.BYTES) + 1]);
    assertEquals(0, StagingSlabs.kept(), "a slab over the limit is not kept");
    StagingSlabs.give(null);
    assertEquals(0, StagingSlabs.kept());
  }
}
