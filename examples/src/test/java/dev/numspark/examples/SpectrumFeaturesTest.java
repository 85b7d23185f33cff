package dev.numspark.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpectrumFeaturesTest {

  @Test
  void peaksAreLocalMaximaHighestFirstNeverTheEnds() {
    double[] psd = {9, 1, 5, 2, 7, 3, 3, 8};
    // 9 and 8 sit at the ends; local maxima are 5 (index 2) and 7 (index 4)
    assertArrayEquals(new int[] {4, 2}, SpectrumFeatures.topPeaks(psd, 5));
    assertArrayEquals(new int[] {4}, SpectrumFeatures.topPeaks(psd, 1));
  }

  @Test
  void aPlateauIsOnePeakAtItsMiddle() {
    // scipy.signal.find_peaks([0, 2, 2, 2, 0]) -> [2]; a plateau that rises again is no peak
    assertArrayEquals(new int[] {2}, SpectrumFeatures.topPeaks(new double[] {0, 2, 2, 2, 0}, 3));
    assertArrayEquals(new int[] {}, SpectrumFeatures.topPeaks(new double[] {0, 2, 2, 3}, 3));
  }

  @Test
  void bandPowerIntegratesTheDensity() {
    double[] freqs = {0, 10, 20, 30, 40, 50};
    double[] psd = {1, 2, 3, 4, 5, 6};
    Bands bands = Bands.parse("0:20,20:50");
    // density: (1 + 2) * 10 and (3 + 4 + 5) * 10; spectrum: the plain sums
    assertArrayEquals(new double[] {30, 120},
        SpectrumFeatures.bandPowers(freqs, psd, bands, true), 1e-12);
    assertArrayEquals(new double[] {3, 12},
        SpectrumFeatures.bandPowers(freqs, psd, bands, false), 1e-12);
    assertEquals(210, SpectrumFeatures.totalPower(freqs, psd, true), 1e-12);
  }

  @Test
  void allFoundNeedsEveryExpectedFrequencyNearAPeak() {
    assertTrue(SpectrumFeatures.allFound(new double[] {50, 120}, new double[] {121, 49, 300}, 2));
    assertFalse(SpectrumFeatures.allFound(new double[] {50, 120}, new double[] {50, 300}, 2));
  }
}
