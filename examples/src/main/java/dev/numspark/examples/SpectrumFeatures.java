package dev.numspark.examples;

import java.util.Arrays;

/**
 * Features of one power spectrum: the strongest peaks and the power in frequency bands.
 *
 * <p>Peaks are written here rather than taken from a library: this is SciPy's
 * {@code find_peaks(psd)} without options (strict local maxima; a flat top counts once, at its
 * middle; the end points are never peaks), sorted by height — a few lines on a primitive array.
 */
final class SpectrumFeatures {
  private SpectrumFeatures() {}

  /**
   * Indices of the (at most) {@code k} highest local maxima of {@code psd}, highest first; ties
   * keep the lower frequency first.
   */
  static int[] topPeaks(double[] psd, int k) {
    int n = psd.length;
    int[] candidates = new int[Math.max(0, n)];
    int count = 0;
    int i = 1;
    while (i < n - 1) {
      if (psd[i] > psd[i - 1]) {
        int ahead = i + 1;
        while (ahead < n - 1 && psd[ahead] == psd[i]) {
          ahead++; // a plateau: a peak only if it falls afterwards
        }
        if (psd[ahead] < psd[i]) {
          candidates[count++] = (i + ahead - 1) / 2;
          i = ahead;
          continue;
        }
      }
      i++;
    }
    Integer[] order = new Integer[count]; // count is small (peaks, not samples)
    for (int c = 0; c < count; c++) {
      order[c] = candidates[c];
    }
    Arrays.sort(order, (a, b) -> psd[a] != psd[b] ? Double.compare(psd[b], psd[a])
        : Integer.compare(a, b));
    int[] out = new int[Math.min(k, count)];
    for (int c = 0; c < out.length; c++) {
      out[c] = order[c];
    }
    return out;
  }

  /**
   * The power in each band {@code [lo, hi)}: the rectangle-rule integral {@code sum(psd) * df} of
   * a density (SciPy's {@code scaling='density'}), or the plain sum of a power spectrum
   * ({@code scaling='spectrum'}), over the frequencies inside the band.
   */
  static double[] bandPowers(double[] freqs, double[] psd, Bands bands, boolean density) {
    double df = freqs.length > 1 ? freqs[1] - freqs[0] : 1;
    double[] out = new double[bands.size()];
    for (int b = 0; b < out.length; b++) {
      double sum = 0;
      for (int i = 0; i < freqs.length; i++) {
        if (freqs[i] >= bands.lo()[b] && freqs[i] < bands.hi()[b]) {
          sum += psd[i];
        }
      }
      out[b] = density ? sum * df : sum;
    }
    return out;
  }

  /** The integral (density) or sum (spectrum) over all frequencies. */
  static double totalPower(double[] freqs, double[] psd, boolean density) {
    double df = freqs.length > 1 ? freqs[1] - freqs[0] : 1;
    double sum = 0;
    for (double p : psd) {
      sum += p;
    }
    return density ? sum * df : sum;
  }

  /** Whether every one of {@code expected} lies within {@code tolerance} of some of {@code found}. */
  static boolean allFound(double[] expected, double[] found, double tolerance) {
    for (double e : expected) {
      boolean hit = false;
      for (double f : found) {
        hit |= Math.abs(e - f) <= tolerance;
      }
      if (!hit) {
        return false;
      }
    }
    return true;
  }
}
