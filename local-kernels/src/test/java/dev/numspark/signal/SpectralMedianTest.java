package dev.numspark.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Welch's median by selection ({@link Spectral#median}) against its definition: the middle of the
 * sorted values, or the mean of the two middle ones, bit for bit.
 */
class SpectralMedianTest {

  /** The definition: sort, take the middle (numpy's median). */
  private static double sortedMedian(double[] v, int n) {
    double[] s = Arrays.copyOf(v, n);
    Arrays.sort(s);
    int h = n / 2;
    return n % 2 == 1 ? s[h] : (s[h - 1] + s[h]) / 2.0;
  }

  @Test
  void isTheMiddleOfTheSortedValuesForAnyCountAndTies() {
    Random r = new Random(11);
    for (int n = 1; n <= 70; n++) {
      for (int trial = 0; trial < 200; trial++) {
        double[] v = new double[n + 3];
        for (int i = 0; i < v.length; i++) {
          // trial % 3: distinct values, many ties, already sorted
          v[i] = trial % 3 == 1 ? r.nextInt(4) : r.nextDouble() * 100;
        }
        if (trial % 3 == 2) {
          Arrays.sort(v, 0, n);
        }
        double expected = sortedMedian(v, n);
        double[] tail = Arrays.copyOfRange(v, n, v.length);
        assertEquals(expected, Spectral.median(v, n), 0.0, "n=" + n + " trial " + trial);
        // only the first n values are used
        assertTrue(Arrays.equals(tail, Arrays.copyOfRange(v, n, v.length)));
      }
    }
  }

  @Test
  @Timeout(20)
  void allEqualValuesEndInASortNotQuadraticRounds() {
    // a zero signal's powers: every partition round would take off one value
    double[] v = new double[200_000];
    Arrays.fill(v, 7.0);
    v[123] = 1.0;
    assertEquals(7.0, Spectral.median(v, v.length), 0.0);
    assertEquals(0.0, Spectral.median(new double[100_001], 100_001), 0.0);
  }

  @Test
  void selectPartitionsAroundTheKthValue() {
    Random r = new Random(5);
    for (int n = 1; n <= 40; n++) {
      for (int k = 0; k < n; k++) {
        double[] v = r.doubles(n).map(d -> Math.floor(d * 10)).toArray();
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        Spectral.select(v, n, k);
        assertEquals(sorted[k], v[k], 0.0);
        for (int i = 0; i < n; i++) {
          assertTrue(i < k ? v[i] <= v[k] : v[i] >= v[k], "n=" + n + " k=" + k + " i=" + i);
        }
        Arrays.sort(v);
        assertTrue(Arrays.equals(sorted, v), "a permutation of the input");
      }
    }
  }

  @Test
  void aNaNGivesWhatSortingGives() {
    // a NaN sorts last, as before selection replaced the sort: 1, 3, NaN
    assertEquals(3.0, Spectral.median(new double[] {3, Double.NaN, 1}, 3), 0.0);
    // 1, NaN, NaN
    assertTrue(Double.isNaN(Spectral.median(new double[] {Double.NaN, 1, Double.NaN}, 3)));
    // 1, 2, 4, NaN (the fifth value is not used)
    assertEquals(3.0, Spectral.median(new double[] {Double.NaN, 4, 1, 2, 3}, 4), 0.0);
  }
}
