package dev.numspark.examples;

import dev.numspark.examples.options.OptionException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Seeded test signals: a fleet of sensors on machines that hum at a few characteristic
 * frequencies (the palette). Each signal is the sum of {@code tones} sines at distinct palette
 * frequencies (each shifted by up to a quarter frequency bin, random amplitude in [0.5, 2] and
 * phase) plus white Gaussian noise. Signal {@code id} depends only on the seed and the id, so any
 * partitioning gives the same data.
 *
 * @param rows number of signals
 * @param length samples per signal
 * @param fs sampling frequency (Hz)
 * @param tones sines per signal
 * @param palette the tones' frequencies (Hz), ascending
 * @param binWidth the analysis' frequency resolution fs / nperseg (Hz)
 * @param noise standard deviation of the noise
 * @param seed the seed
 */
record SyntheticSignals(long rows, int length, double fs, int tones, double[] palette,
    double binWidth, double noise, long seed) implements Serializable {

  /** Tones at least this many frequency bins apart stay separate peaks under a Hann window. */
  static final double MIN_SPACING_BINS = 6;

  /**
   * Draws {@code size} palette frequencies in [0.03, 0.45] * fs, at least
   * {@link #MIN_SPACING_BINS} bins apart.
   */
  static double[] palette(int size, double fs, double binWidth, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double lo = 0.03 * fs;
    double hi = 0.45 * fs;
    double spacing = MIN_SPACING_BINS * binWidth;
    if ((size - 1) * spacing > (hi - lo) * 0.6) {
      throw new OptionException("cannot place " + size + " palette tones " + (int) MIN_SPACING_BINS
          + " frequency bins apart between " + Bands.format(lo) + " and " + Bands.format(hi)
          + " Hz; lower --palette or raise --nperseg");
    }
    List<Double> chosen = new ArrayList<>();
    while (chosen.size() < size) {
      double f = Math.round((lo + rng.nextDouble() * (hi - lo)) * 10) / 10.0;
      if (chosen.stream().allMatch(c -> Math.abs(c - f) >= spacing)) {
        chosen.add(f);
      }
    }
    return chosen.stream().mapToDouble(Double::doubleValue).sorted().toArray();
  }

  /** The signals as columns id (long), signal (array of double), true_freqs (array, sorted). */
  Dataset<Row> generate(SparkSession spark, int partitions) {
    SyntheticSignals params = this;
    return spark.range(0, rows, 1, partitions)
        .mapPartitions((MapPartitionsFunction<Long, SyntheticSignal>) ids -> new Iterator<>() {
          @Override
          public boolean hasNext() {
            return ids.hasNext();
          }

          @Override
          public SyntheticSignal next() {
            return params.signal(ids.next());
          }
        }, Encoders.bean(SyntheticSignal.class))
        .toDF()
        .selectExpr("id", "signal", "trueFreqs AS true_freqs");
  }

  /** Signal {@code id}. */
  SyntheticSignal signal(long id) {
    SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + id);
    int[] picks = rng.ints(0, palette.length).distinct().limit(tones).sorted().toArray();
    double[] freqs = new double[tones];
    double[] x = new double[length];
    for (int j = 0; j < tones; j++) {
      freqs[j] = palette[picks[j]] + (rng.nextDouble() - 0.5) * 0.5 * binWidth;
      double amplitude = 0.5 + 1.5 * rng.nextDouble();
      double phase = 2 * Math.PI * rng.nextDouble();
      double w = 2 * Math.PI * freqs[j] / fs;
      for (int t = 0; t < length; t++) {
        x[t] += amplitude * Math.sin(w * t + phase);
      }
    }
    for (int t = 0; t < length; t++) {
      x[t] += noise * rng.nextGaussian();
    }
    Arrays.sort(freqs);
    SyntheticSignal s = new SyntheticSignal();
    s.setId(id);
    s.setSignal(x);
    s.setTrueFreqs(freqs);
    return s;
  }
}
