package dev.numspark.fft.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link BlockReal#pairRuns}: the real transform's unpack pairs {@code Z_k} with
 * {@code Z_h-k}, which {@link BlockFft#dif} leaves at places {@code perm[k]} and
 * {@code perm[h-k]}; the runs must name exactly those pairs, each once, for every plan the
 * engine makes (the radices differ by lane count: this runs at all three widths in the build).
 * Whether the unpack's values are right is {@link BlockFftTest}'s (against JTransforms, and a
 * line in a full block against the same line in a partial one, bit for bit).
 */
class BlockRealTest {

  @Test
  void pairRunsNameEveryPairOfEveryPlanOnce() {
    int plans = 0;
    for (int h = 1; h <= 6000; h++) {
      BlockFft plan = BlockFft.plan(h);
      if (plan == null) {
        continue;
      }
      plans++;
      assertRunsPairPartners(plan, h);
    }
    assertTrue(plans > 250, "7-smooth lengths up to 6000: " + plans);
  }

  private static void assertRunsPairPartners(BlockFft plan, int h) {
    int[] perm = plan.perm;
    int[] kAt = new int[h];
    for (int k = 0; k < h; k++) {
      kAt[perm[k]] = k;
    }
    int[] seen = new int[h];
    int[] runs = BlockReal.pairRuns(plan.radix, h);
    assertEquals(0, runs.length % 3, "runs come as (a, b, count)");
    for (int i = 0; i < runs.length; i += 3) {
      assertTrue(runs[i + 2] > 0, "h=" + h + ": an empty run");
      for (int q = 0; q < runs[i + 2]; q++) {
        int a = runs[i] + q;
        int b = runs[i + 1] - q;
        int k = kAt[a];
        assertTrue(k > 0, "h=" + h + ": place " + a + " holds Z_0, which the ends handle");
        assertEquals(perm[h - k], b, "h=" + h + ": the partner of Z_" + k);
        seen[a]++;
        if (b != a) {
          seen[b]++;
        }
      }
    }
    for (int p = 0; p < h; p++) {
      int expected = p == perm[0] ? 0 : 1;
      assertEquals(expected, seen[p], "h=" + h + ": place " + p + " (Z_" + kAt[p] + ")");
    }
  }
}
