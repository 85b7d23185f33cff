package dev.numspark.fft.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link LaneMoves}' moves of (re, im) pairs between V interleaved lines and a block, element j
 * of lane v at {@code a[2 V j + v]} (real part) and {@code a[2 V j + V + v]} (imaginary part),
 * stated element by element: whichever form the width takes (vector gathers, scalar pairs, loads
 * and blends at 4 lanes), odd and even counts, contiguous and strided lines, and blocks that start
 * at index 0 or further on (their {@link CacheLines} origin). The suite runs
 * at 512, 256 and 128 bits (the surefire executions), so each width's form is checked.
 */
class LaneMovesTest {
  private static final int V = BlockFft.V;

  /** Lane v's line starts {@code lineLength} doubles after lane v - 1's, at an odd offset. */
  private static int[] map(int lineLength) {
    int[] map = new int[V];
    for (int v = 0; v < V; v++) {
      map[v] = v * lineLength + 3 * (v % 2);
    }
    return map;
  }

  private static double[] random(int length, long seed) {
    Random r = new Random(seed);
    double[] x = new double[length];
    for (int i = 0; i < x.length; i++) {
      x[i] = r.nextGaussian();
    }
    return x;
  }

  @Test
  void gatherTakesEachLinesPairsIntoTheBlockLayout() {
    assertTrue(16L * V * 1100 > LaneMoves.BY_LINES_BYTES, "1100 elements pass it");
    for (int origin : new int[] {0, 3, CacheLines.MAX_ORIGIN}) {
      for (int step : new int[] {2, 6}) {
        // 1100: past LaneMoves.BY_LINES_BYTES at every width, so both contiguous forms run
        for (int count : new int[] {1, 2, 7, 64, 125, 1100}) {
          for (boolean conjugate : new boolean[] {false, true}) {
            assertGathers(origin, step, count, conjugate);
          }
        }
      }
    }
  }

  private static void assertGathers(int origin, int step, int count, boolean conjugate) {
    int start = 5;
    int lineLength = step * count + 4;
    int[] map = map(lineLength);
    double[] src = random(start + V * lineLength + 8, 31L * count + step);
    double[] a = new double[origin + 2 * V * count + 3];
    java.util.Arrays.fill(a, 42.0);
    LaneMoves.gather(src, start, step, 1, map, count, conjugate, a, origin);
    double sign = conjugate ? -1.0 : 1.0;
    String where = "origin " + origin + ", step " + step + ", count " + count;
    for (int j = 0; j < count; j++) {
      for (int v = 0; v < V; v++) {
        int s = start + j * step + map[v];
        String at = where + ", element " + j + ", lane " + v;
        assertEquals(src[s], a[origin + 2 * V * j + v], 0.0, at + " (re)");
        assertEquals(sign * src[s + 1], a[origin + 2 * V * j + V + v], 0.0, at + " (im)");
      }
    }
    for (int i = 0; i < origin; i++) {
      assertEquals(42.0, a[i], 0.0, where + ": wrote before the block");
    }
    assertEquals(42.0, a[a.length - 1], 0.0, where + ": wrote past the block");
  }

  @Test
  void copyOutWritesEachElementInPermutedOrderScaledAndNothingElse() {
    assumeTrue(LaneMoves.PAIRS, "the pair copy out runs at 8 and 4 lanes");
    for (int step : new int[] {2, 6}) {
      for (int count : new int[] {1, 2, 7, 64, 125}) {
        int[] perm = new int[count];
        for (int k = 0; k < count; k++) {
          perm[k] = (7 * k + 3) % count; // a permutation: 7 is prime to every count above
        }
        int origin = count % (CacheLines.MAX_ORIGIN + 1);
        double[] x = random(origin + 2 * V * count, 17L * count + step);
        int base = 3;
        int lineLength = step * count + 4;
        int[] map = map(lineLength);
        double[] dst = new double[base + V * lineLength + 8];
        java.util.Arrays.fill(dst, Double.NaN);
        double fr = 0.25;
        double fi = -0.25;
        LaneMoves.copyOutPairs(x, origin, perm, fr, fi, dst, base, step, map);
        int written = 0;
        for (int k = 0; k < count; k++) {
          for (int v = 0; v < V; v++) {
            int d = base + k * step + map[v];
            String at = "origin " + origin + ", step " + step + ", count " + count + ", element "
                + k + ", lane " + v;
            assertEquals(x[origin + 2 * V * perm[k] + v] * fr, dst[d], 0.0, at + " (re)");
            assertEquals(x[origin + 2 * V * perm[k] + V + v] * fi, dst[d + 1], 0.0, at + " (im)");
            written += 2;
          }
        }
        int touched = 0;
        for (double value : dst) {
          touched += Double.isNaN(value) ? 0 : 1;
        }
        assertEquals(written, touched, "only the output pairs are written");
      }
    }
  }
}
