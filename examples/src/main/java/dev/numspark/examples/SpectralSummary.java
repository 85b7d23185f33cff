package dev.numspark.examples;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The job-wide view of the per-signal results, built in one pass over them (Spark's
 * {@code aggregate}): counts, recovered tones, the mean PSD, how often each frequency bin was a
 * peak, mean band powers, and the first few signals by id as examples.
 */
final class SpectralSummary implements Serializable {
  private static final long serialVersionUID = 1L;
  static final int EXAMPLES = 5;
  static final Comparator<SpectralResult> BY_ID = Comparator
      .comparing((SpectralResult r) -> r.getId().length()).thenComparing(SpectralResult::getId);

  long signals;
  long withTruth;
  long recovered;
  double[] freqs;
  double[] psdSum;
  long psdCount;
  final double[] bandSums;
  final Map<Double, Long> peakCounts = new HashMap<>();
  final List<SpectralResult> examples = new ArrayList<>();

  SpectralSummary(int bands) {
    bandSums = new double[bands];
  }

  SpectralSummary add(SpectralResult r) {
    signals++;
    if (r.getRecovered() != null) {
      withTruth++;
      recovered += r.getRecovered() ? 1 : 0;
    }
    if (freqs == null) {
      freqs = r.getFreqs();
      psdSum = new double[freqs.length];
    }
    // signals shorter than nperseg have fewer bins; the mean PSD is over the common length
    if (r.getPsd().length == psdSum.length) {
      double[] psd = r.getPsd();
      for (int i = 0; i < psd.length; i++) {
        psdSum[i] += psd[i];
      }
      psdCount++;
    }
    for (int b = 0; b < bandSums.length; b++) {
      bandSums[b] += r.getBandPowers()[b];
    }
    for (double f : r.getPeakFreqs()) {
      peakCounts.merge(f, 1L, Long::sum);
    }
    keepExample(r);
    return this;
  }

  SpectralSummary merge(SpectralSummary o) {
    if (o.signals == 0) {
      return this;
    }
    if (signals == 0) {
      return o;
    }
    signals += o.signals;
    withTruth += o.withTruth;
    recovered += o.recovered;
    if (o.psdSum.length == psdSum.length) {
      for (int i = 0; i < psdSum.length; i++) {
        psdSum[i] += o.psdSum[i];
      }
      psdCount += o.psdCount;
    }
    for (int b = 0; b < bandSums.length; b++) {
      bandSums[b] += o.bandSums[b];
    }
    o.peakCounts.forEach((f, c) -> peakCounts.merge(f, c, Long::sum));
    o.examples.forEach(this::keepExample);
    return this;
  }

  private void keepExample(SpectralResult r) {
    examples.add(r);
    examples.sort(BY_ID);
    if (examples.size() > EXAMPLES) {
      examples.remove(examples.size() - 1);
    }
  }

  double[] meanPsd() {
    double[] mean = new double[psdSum.length];
    for (int i = 0; i < mean.length; i++) {
      mean[i] = psdSum[i] / Math.max(1, psdCount);
    }
    return mean;
  }

  /** The {@code n} frequencies most often among the signals' peaks, most frequent first. */
  List<Map.Entry<Double, Long>> commonPeaks(int n) {
    return peakCounts.entrySet().stream()
        .sorted(Map.Entry.<Double, Long>comparingByValue().reversed()
            .thenComparing(Map.Entry.comparingByKey()))
        .limit(n).toList();
  }
}
