package dev.numspark.examples;

import static org.apache.spark.sql.functions.call_function;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dev.numspark.examples.options.Args;
import dev.numspark.examples.options.OptionException;
import dev.numspark.signal.Signal;
import dev.numspark.signal.Window;
import dev.numspark.spark.Numspark;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * {@code spectral}: batch spectral analysis. Per signal: Welch's PSD (the {@code numspark_welch}
 * SQL function, options as {@code scipy.signal.welch}), the strongest peaks and band powers.
 * Signals come from any Spark source or, without {@code --input}, from a seeded generator whose
 * tones are known, so the summary can say how many were found.
 *
 * <pre>
 * bin/numspark run spectral --rows 4000 --plot psd.png
 * spark-submit --class dev.numspark.examples.SpectralJob numspark-examples-0.2.0.jar \
 *     --input s3a://bucket/signals --column signal --fs 2000 --output s3a://bucket/spectra
 * </pre>
 */
public final class SpectralJob implements ExampleJob {

  public static void main(String[] args) {
    JobMain.main(new SpectralJob(), args);
  }

  @Override
  public String name() {
    return "spectral";
  }

  @Override
  public String summary() {
    return "per-signal Welch PSD, dominant frequencies and band powers (numspark_welch)";
  }

  @Override
  public Set<String> flags() {
    return Set.of("overwrite");
  }

  @Override
  public List<String> usage() {
    return List.of(
        "input (default: generated signals):",
        "--input PATH            any Spark source: a file or directory (local, hdfs:, s3a:, ...)",
        "--format FMT            parquet|json|csv|orc (default: from the extension, else parquet)",
        "--column NAME           the signal column: array of numbers, or a string of numbers"
            + " (default signal)",
        "--id-column NAME        the id column (default: id if present, else a generated one)",
        "generated signals (sums of sines at known frequencies plus noise):",
        "--rows N                signals (default 4000)",
        "--length N              samples per signal (default 4096)",
        "--tones N               sines per signal (default 3)",
        "--palette N             distinct machine frequencies the tones come from (default 8)",
        "--noise SIGMA           noise standard deviation (default 0.5)",
        "--seed N                seed (default 42)",
        "--partitions N          partitions (default: 4 x the default parallelism)",
        "--save-signals PATH     also write the generated signals (--output-format)",
        "analysis (as scipy.signal.welch):",
        "--fs HZ                 sampling frequency (default 1000 generated, 1.0 with --input)",
        "--nperseg N             segment length (default 256)",
        "--noverlap N            overlap (default nperseg / 2)",
        "--window NAME           hann (default), hamming, blackman, tukey:0.25, kaiser:8.6, ...",
        "--scaling S             density (default, V**2/Hz) or spectrum (V**2)",
        "--top-k N               peaks per signal (default: --tones, 3)",
        "--bands LO:HI,...       band powers in Hz (default: 4 equal bands up to fs/2)",
        "output:",
        "--output PATH           write the per-signal results (written atomically)",
        "--output-format FMT     parquet (default) or json",
        "--overwrite             replace an existing output",
        "--plot FILE.png         draw the mean PSD with its peaks");
  }

  /** The checked options; serializable because the per-partition analysis captures it. */
  record Options(String input, String format, String column, String idColumn,
      SyntheticSignals synthetic, int partitions, double fs, int nperseg, Integer noverlap,
      String window, String scaling, int topK, Bands bands, String output, String outputFormat,
      boolean overwrite, Path plot, String saveSignals) implements Serializable {

    boolean density() {
      return scaling.equals("density");
    }
  }

  @Override
  public Prepared prepare(Args args) {
    String input = args.string("input", null);
    String format = args.string("format", null);
    String column = args.string("column", "signal");
    String idColumn = args.string("id-column", null);
    long rows = args.integer("rows", 4000);
    int length = args.integer("length", 4096);
    int tones = args.integer("tones", 3);
    int palette = args.integer("palette", 8);
    double noise = args.number("noise", 0.5);
    long seed = args.integer("seed", 42);
    int partitions = args.integer("partitions", 0);
    String saveSignals = args.string("save-signals", null);
    double fs = args.number("fs", input == null ? 1000.0 : 1.0);
    int nperseg = args.integer("nperseg", 256);
    Integer noverlap = args.integer("noverlap", null);
    String window = args.string("window", "hann");
    String scaling = args.string("scaling", "density");
    int topK = args.integer("top-k", input == null ? tones : 3);
    String bandsText = args.string("bands", null);
    String output = args.string("output", null);
    String outputFormat = AtomicOutput.checkFormat(args.string("output-format", "parquet"));
    boolean overwrite = args.bool("overwrite", false);
    String plot = args.string("plot", null);

    if (input != null) {
      for (String o : List.of("rows", "length", "tones", "palette", "noise", "seed",
          "save-signals")) {
        if (args.has(o)) {
          throw new OptionException("--" + o + " is for generated signals; it does not apply with "
              + "--input");
        }
      }
      format = SignalInput.format(format, input);
      SignalInput.checkLocal(input);
    } else if (args.has("format") || args.has("column") || args.has("id-column")) {
      throw new OptionException("--format, --column and --id-column need --input");
    }
    positive("rows", rows);
    positive("length", length);
    positive("tones", tones);
    positive("top-k", topK);
    positive("nperseg", nperseg);
    if (partitions < 0) {
      throw new OptionException("--partitions must be positive, got " + partitions);
    }
    if (!(fs > 0) || Double.isInfinite(fs)) {
      throw new OptionException("--fs must be a positive number, got " + Bands.format(fs));
    }
    if (!(noise >= 0)) {
      throw new OptionException("--noise must be non-negative, got " + noise);
    }
    if (tones > palette) {
      throw new OptionException("--tones (" + tones + ") cannot exceed --palette (" + palette + ")");
    }
    if (noverlap != null && (noverlap < 0 || noverlap >= nperseg)) {
      throw new OptionException("noverlap must be less than nperseg.");
    }
    if (!scaling.equals("density") && !scaling.equals("spectrum")) {
      throw new OptionException("Unknown scaling: " + scaling);
    }
    // SciPy's error for an unknown window, now rather than from a task
    Signal.getWindow(Window.parse(window), 16, true);
    Bands bands = bandsText == null ? Bands.uniform(fs, 4) : Bands.parse(bandsText);
    bands.checkBelowNyquist(fs);
    if (plot != null && !plot.toLowerCase(Locale.ROOT).endsWith(".png")) {
      throw new OptionException("--plot writes a PNG; name the file FILE.png, got '" + plot + "'");
    }
    SyntheticSignals synthetic = null;
    if (input == null) {
      double binWidth = fs / Math.min(nperseg, length);
      synthetic = new SyntheticSignals(rows, length, fs, tones,
          SyntheticSignals.palette(palette, fs, binWidth, seed), binWidth, noise, seed);
    }
    Options options = new Options(input, format, column, idColumn, synthetic, partitions, fs,
        nperseg, noverlap, window, scaling, topK, bands, output, outputFormat, overwrite,
        plot == null ? null : Path.of(plot), saveSignals);
    return (spark, out) -> run(spark, options, out);
  }

  private static void positive(String name, long value) {
    if (value < 1) {
      throw new OptionException("--" + name + " must be at least 1, got " + value);
    }
  }

  static int run(SparkSession spark, Options o, PrintStream out) throws Exception {
    if (o.output() != null) {
      AtomicOutput.checkTarget(spark, o.output(), o.overwrite());
    }
    if (o.saveSignals() != null) {
      AtomicOutput.checkTarget(spark, o.saveSignals(), o.overwrite());
    }
    List<Row> threads = Numspark.threadInfo(spark).collectAsList();

    long start = System.nanoTime();
    Dataset<Row> signals;
    if (o.synthetic() != null) {
      int partitions = o.partitions() > 0 ? o.partitions()
          : 4 * spark.sparkContext().defaultParallelism();
      signals = o.synthetic().generate(spark, partitions)
          .withColumn("id", col("id").cast("string"));
      if (o.saveSignals() != null) {
        AtomicOutput.write(signals, o.saveSignals(), o.outputFormat(), o.overwrite());
        out.println("spectral: wrote the generated signals to " + o.saveSignals() + " ("
            + o.outputFormat() + ")");
      }
    } else {
      signals = SignalInput.read(spark, o.input(), o.format(), o.column(), o.idColumn());
      if (o.partitions() > 0) {
        signals = signals.repartition(o.partitions());
      }
    }
    Dataset<SpectralResult> results = analyze(signals, o).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      if (o.output() != null) {
        AtomicOutput.write(outputColumns(results, o.bands()), o.output(), o.outputFormat(),
            o.overwrite());
      }
      SpectralSummary summary = results.javaRDD().aggregate(new SpectralSummary(o.bands().size()),
          SpectralSummary::add, SpectralSummary::merge);
      double seconds = (System.nanoTime() - start) / 1e9;
      if (summary.signals == 0) {
        throw new OptionException("no signals in " + o.input() + " (all rows empty or NULL)");
      }
      report(summary, o, threads, seconds, out);
      if (o.plot() != null) {
        double[] mean = summary.meanPsd();
        int[] peaks = plotPeaks(mean);
        SpectrumPlot.write(o.plot(), summary.freqs, mean, peaks, String.format(Locale.ROOT,
            "mean Welch PSD of %d signals (fs=%s Hz, nperseg=%d, %s window)", summary.psdCount,
            Bands.format(o.fs()), Math.min(o.nperseg(), summary.freqs.length * 2 - 2),
            o.window()), o.density() ? "PSD (V**2/Hz)" : "power spectrum (V**2)");
        out.println("plot: " + o.plot());
      }
      return 0;
    } finally {
      results.unpersist();
    }
  }

  /** Welch through the SQL function, then peaks and band powers per partition. */
  static Dataset<SpectralResult> analyze(Dataset<Row> signals, Options o) {
    Column noverlap = o.noverlap() == null ? lit(null).cast("int") : lit(o.noverlap());
    Column welch = call_function("numspark_welch", col("signal"), lit(o.fs()), lit(o.nperseg()),
        noverlap, lit(o.window()), lit(o.scaling()));
    Column truth = Arrays.asList(signals.columns()).contains("true_freqs") ? col("true_freqs")
        : lit(null).cast("array<double>");
    Dataset<SpectrumRow> spectra = signals
        .select(col("id"), welch.as("w"), truth.as("trueFreqs"))
        .select(col("id"), col("w.freqs").as("freqs"), col("w.psd").as("psd"), col("trueFreqs"))
        .as(Encoders.bean(SpectrumRow.class));
    int topK = o.topK();
    Bands bands = o.bands();
    boolean density = o.density();
    return spectra.mapPartitions((MapPartitionsFunction<SpectrumRow, SpectralResult>) rows ->
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            return rows.hasNext();
          }

          @Override
          public SpectralResult next() {
            return features(rows.next(), topK, bands, density);
          }
        }, Encoders.bean(SpectralResult.class));
  }

  static SpectralResult features(SpectrumRow s, int topK, Bands bands, boolean density) {
    double[] freqs = s.getFreqs();
    double[] psd = s.getPsd();
    int[] peaks = SpectrumFeatures.topPeaks(psd, topK);
    double[] peakFreqs = new double[peaks.length];
    double[] peakPowers = new double[peaks.length];
    for (int i = 0; i < peaks.length; i++) {
      peakFreqs[i] = freqs[peaks[i]];
      peakPowers[i] = psd[peaks[i]];
    }
    SpectralResult r = new SpectralResult();
    r.setId(s.getId());
    r.setPeakFreqs(peakFreqs);
    r.setPeakPowers(peakPowers);
    r.setBandPowers(SpectrumFeatures.bandPowers(freqs, psd, bands, density));
    r.setTotalPower(SpectrumFeatures.totalPower(freqs, psd, density));
    r.setFreqs(freqs);
    r.setPsd(psd);
    if (s.getTrueFreqs() != null) {
      r.setTrueFreqs(s.getTrueFreqs());
      // a Hann-windowed tone peaks within half a bin of its frequency; 1.5 bins leaves room for
      // the noise to move the maximum one bin
      double binWidth = freqs.length > 1 ? freqs[1] - freqs[0] : 0;
      r.setRecovered(SpectrumFeatures.allFound(s.getTrueFreqs(), peakFreqs, 1.5 * binWidth));
    }
    return r;
  }

  /** The written columns: id, peaks, one column per band, total power, and the truth if known. */
  static Dataset<Row> outputColumns(Dataset<SpectralResult> results, Bands bands) {
    List<Column> columns = new ArrayList<>(List.of(col("id"), col("peakFreqs").as("peak_freqs"),
        col("peakPowers").as("peak_powers")));
    for (int b = 0; b < bands.size(); b++) {
      columns.add(col("bandPowers").getItem(b).as(bands.column(b)));
    }
    columns.add(col("totalPower").as("total_power"));
    columns.add(col("trueFreqs").as("true_freqs"));
    columns.add(col("recovered"));
    return results.select(columns.toArray(Column[]::new));
  }

  /** Peaks of the mean PSD worth marking: local maxima 10x above the median, at most 12. */
  static int[] plotPeaks(double[] meanPsd) {
    double[] sorted = meanPsd.clone();
    Arrays.sort(sorted);
    double median = sorted[sorted.length / 2];
    return Arrays.stream(SpectrumFeatures.topPeaks(meanPsd, 12))
        .filter(i -> meanPsd[i] > 10 * median).toArray();
  }

  private static void report(SpectralSummary s, Options o, List<Row> threads, double seconds,
      PrintStream out) {
    String source = o.synthetic() != null
        ? String.format(Locale.ROOT, "generated: %d samples, %d tones from a palette of %d, "
            + "noise %s, seed %d", o.synthetic().length(), o.synthetic().tones(),
            o.synthetic().palette().length, Bands.format(o.synthetic().noise()),
            o.synthetic().seed())
        : o.input() + " (" + o.format() + ", column " + o.column() + ")";
    out.printf(Locale.ROOT, "spectral: %d signals in %.1f s (%.0f signals/s); %s%n", s.signals,
        seconds, s.signals / seconds, source);
    double binWidth = s.freqs.length > 1 ? s.freqs[1] - s.freqs[0] : 0;
    out.printf(Locale.ROOT, "welch: fs=%s Hz, nperseg=%d, noverlap=%s, window=%s, scaling=%s "
        + "(%s Hz bins)%n", Bands.format(o.fs()), o.nperseg(),
        o.noverlap() == null ? "nperseg/2" : o.noverlap(), o.window(), o.scaling(),
        fmt(binWidth));
    out.println("executor BLAS threads: " + describeThreads(threads));
    if (o.synthetic() != null) {
      out.println("generated frequencies (Hz): " + join(o.synthetic().palette()));
    }
    out.println("most frequent peaks (Hz, signals): " + s.commonPeaks(Math.max(8,
        o.synthetic() == null ? 8 : o.synthetic().palette().length)).stream()
        .map(e -> fmt(e.getKey()) + " (" + e.getValue() + ")").collect(Collectors.joining(", ")));
    for (SpectralResult r : s.examples) {
      out.print("  signal " + r.getId() + ": peaks " + join(r.getPeakFreqs()) + " Hz");
      if (r.getTrueFreqs() != null) {
        out.print("; generated " + join(r.getTrueFreqs()) + " Hz"
            + (Boolean.TRUE.equals(r.getRecovered()) ? " (all found)" : " (NOT all found)"));
      }
      out.println();
    }
    if (s.withTruth > 0) {
      out.printf(Locale.ROOT, "recovered: %d/%d signals (%.1f%%) had all generated tones among "
          + "their top %d peaks (within 1.5 bins)%n", s.recovered, s.withTruth,
          100.0 * s.recovered / s.withTruth, o.topK());
    }
    StringBuilder bands = new StringBuilder("mean band power:");
    for (int b = 0; b < o.bands().size(); b++) {
      bands.append(' ').append(o.bands().label(b)).append(" Hz ")
          .append(String.format(Locale.ROOT, "%.4g", s.bandSums[b] / s.signals));
      bands.append(b + 1 < o.bands().size() ? "," : "");
    }
    out.println(bands);
    if (o.output() != null) {
      out.println("wrote: " + o.output() + " (" + o.outputFormat() + ", " + s.signals + " rows)");
    }
  }

  /** One entry per executor: "driver: openblas 0.3.21 pthreads, 1 thread". */
  static String describeThreads(List<Row> rows) {
    if (rows.isEmpty()) {
      return "no native BLAS/OpenMP library loaded (netlib's Java BLAS)";
    }
    Map<String, List<String>> byExecutor = new java.util.TreeMap<>();
    for (Row r : rows) {
      String threading = r.getAs("threading_layer");
      String lib = r.getAs("internal_api") + " " + r.getAs("version")
          + (threading == null || threading.isEmpty() ? "" : " " + threading) + ", "
          + r.<Integer>getAs("num_threads") + " thread"
          + (r.<Integer>getAs("num_threads") == 1 ? "" : "s");
      byExecutor.computeIfAbsent(r.<String>getAs("executor"), k -> new ArrayList<>()).add(lib);
    }
    return byExecutor.entrySet().stream().map(e -> "executor " + e.getKey() + ": "
        + String.join("; ", e.getValue())).collect(Collectors.joining(" | "));
  }

  private static String join(double[] values) {
    return Arrays.stream(values).mapToObj(SpectralJob::fmt).collect(Collectors.joining(", "));
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
