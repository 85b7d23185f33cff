package dev.numspark.examples;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;

import dev.numspark.examples.options.Args;
import dev.numspark.examples.options.OptionException;
import java.io.PrintStream;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;

/**
 * {@code lstsq}: batched least squares per group. A fleet of sensors, each with its own
 * calibration curve {@code reading = c0 + c1 x + c2 x^2 + ... + noise} against a reference
 * {@code x}; the readings arrive as one long table, are grouped per sensor and each group is
 * fitted by {@code Linalg.lstsq} (as {@code scipy.linalg.lstsq}, LAPACK gelsd) inside the task
 * that holds it. The report compares the fitted coefficients with the generated ones.
 */
public final class LstsqJob implements ExampleJob {

  public static void main(String[] args) {
    JobMain.main(new LstsqJob(), args);
  }

  @Override
  public String name() {
    return "lstsq";
  }

  @Override
  public String summary() {
    return "per-sensor polynomial calibration fits: batched least squares per group";
  }

  @Override
  public Set<String> flags() {
    return Set.of("overwrite");
  }

  @Override
  public List<String> usage() {
    return List.of(
        "--sensors N             groups (default 2000)",
        "--samples N             readings per sensor (default 200)",
        "--degree N              polynomial degree of the calibration curve (default 2)",
        "--noise SIGMA           reading noise standard deviation (default 0.05)",
        "--seed N                seed (default 7)",
        "--partitions N          partitions of the readings (default: 4 x the default parallelism)",
        "--output PATH           write sensor, coefficients, true_coefficients, rms_residual, rank",
        "--output-format FMT     parquet (default) or json",
        "--overwrite             replace an existing output");
  }

  /** The generated fleet; serializable because the tasks regenerate from it. */
  record Fleet(long sensors, int samples, int degree, double noise, long seed)
      implements java.io.Serializable {

    /** Sensor {@code s}'s true coefficients: offset, gain near 1, small higher terms. */
    double[] truth(long s) {
      SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + s);
      double[] c = new double[degree + 1];
      c[0] = rng.nextDouble(-1, 1);
      if (degree >= 1) {
        c[1] = rng.nextDouble(0.8, 1.2);
      }
      for (int k = 2; k <= degree; k++) {
        c[k] = rng.nextDouble(-0.05, 0.05) / Math.pow(5, k - 2);
      }
      return c;
    }

    /** Row {@code id}: sensor {@code id / samples} reading a reference in [0, 10]. */
    SensorReading reading(long id) {
      long s = id / samples;
      double[] c = truth(s);
      SplittableRandom rng = new SplittableRandom(~seed * 0xBF58476D1CE4E5B9L + id);
      double x = 10 * rng.nextDouble();
      double y = 0;
      for (int k = degree; k >= 0; k--) {
        y = y * x + c[k];
      }
      SensorReading r = new SensorReading();
      r.setSensor(s);
      r.setReference(x);
      r.setReading(y + noise * rng.nextGaussian());
      return r;
    }
  }

  @Override
  public Prepared prepare(Args args) {
    long sensors = args.integer("sensors", 2000);
    int samples = args.integer("samples", 200);
    int degree = args.integer("degree", 2);
    double noise = args.number("noise", 0.05);
    long seed = args.integer("seed", 7);
    int partitions = args.integer("partitions", 0);
    String output = args.string("output", null);
    String format = AtomicOutput.checkFormat(args.string("output-format", "parquet"));
    boolean overwrite = args.bool("overwrite", false);
    if (sensors < 1 || samples < 1 || partitions < 0) {
      throw new OptionException("--sensors, --samples and --partitions must be positive");
    }
    if (degree < 0 || degree > 8) {
      throw new OptionException("--degree must be between 0 and 8, got " + degree);
    }
    if (samples <= degree) {
      throw new OptionException("--samples (" + samples + ") must exceed --degree (" + degree
          + ") for an overdetermined fit");
    }
    if (!(noise >= 0)) {
      throw new OptionException("--noise must be non-negative, got " + noise);
    }
    Fleet fleet = new Fleet(sensors, samples, degree, noise, seed);
    return (spark, out) -> run(spark, fleet, partitions, output, format, overwrite, out);
  }

  static int run(SparkSession spark, Fleet fleet, int partitions, String output, String format,
      boolean overwrite, PrintStream out) throws Exception {
    if (output != null) {
      AtomicOutput.checkTarget(spark, output, overwrite);
    }
    long start = System.nanoTime();
    int parts = partitions > 0 ? partitions : 4 * spark.sparkContext().defaultParallelism();
    Dataset<GroupFit> fits = fit(readings(spark, fleet, parts), fleet).cache();
    try {
      if (output != null) {
        AtomicOutput.write(fits.select(col("sensor"), col("samples"),
            col("fitted").as("coefficients"), col("truth").as("true_coefficients"),
            col("rmsResidual").as("rms_residual"), col("rank")), output, format, overwrite);
      }
      List<GroupFit> all = fits.collectAsList();
      double seconds = (System.nanoTime() - start) / 1e9;
      report(all, fleet, seconds, out);
      if (output != null) {
        out.println("wrote: " + output + " (" + format + ", " + all.size() + " rows)");
      }
      return 0;
    } finally {
      fits.unpersist();
    }
  }

  /** The long table: one row per reading (sensor, reference, reading). */
  static Dataset<SensorReading> readings(SparkSession spark, Fleet fleet, int partitions) {
    return spark.range(0, fleet.sensors() * fleet.samples(), 1, partitions)
        .map((MapFunction<Long, SensorReading>) fleet::reading,
            Encoders.bean(SensorReading.class));
  }

  /** Groups the readings per sensor into arrays and fits each group in its task. */
  static Dataset<GroupFit> fit(Dataset<SensorReading> readings, Fleet fleet) {
    int degree = fleet.degree();
    return readings.groupBy("sensor")
        .agg(collect_list("reference").as("x"), collect_list("reading").as("y"))
        .as(Encoders.bean(SensorSeries.class))
        .mapPartitions((MapPartitionsFunction<SensorSeries, GroupFit>) groups -> new Iterator<>() {
          @Override
          public boolean hasNext() {
            return groups.hasNext();
          }

          @Override
          public GroupFit next() {
            SensorSeries g = groups.next();
            GroupFit f = polyfit(g, degree);
            f.setTruth(fleet.truth(g.getSensor()));
            return f;
          }
        }, Encoders.bean(GroupFit.class));
  }

  /** {@code numpy.polynomial.polynomial.polyfit(x, y, degree)}: the Vandermonde system by lstsq. */
  static GroupFit polyfit(SensorSeries g, int degree) {
    double[] x = g.getX();
    int m = x.length;
    int n = degree + 1;
    double[] a = new double[m * n];
    for (int i = 0; i < m; i++) {
      double p = 1;
      for (int j = 0; j < n; j++) {
        a[i * n + j] = p;
        p *= x[i];
      }
    }
    LeastSquares.Fit fit = LeastSquares.solve(a, m, n, g.getY());
    GroupFit f = new GroupFit();
    f.setSensor(g.getSensor());
    f.setSamples(m);
    f.setFitted(fit.x());
    f.setRank(fit.rank());
    f.setRmsResidual(Math.sqrt(fit.residualSumOfSquares() / m));
    return f;
  }

  private static void report(List<GroupFit> fits, Fleet fleet, double seconds, PrintStream out) {
    out.printf(Locale.ROOT, "lstsq: %d sensors x %d readings, degree %d, in %.1f s (%.0f fits/s)%n",
        fits.size(), fleet.samples(), fleet.degree(), seconds, fits.size() / seconds);
    double[] rms = fits.stream().mapToDouble(GroupFit::getRmsResidual).toArray();
    out.printf(Locale.ROOT, "residual RMS per sensor: %s (noise sigma %s)%n", Stats.describe(rms),
        fleet.noise());
    long fullRank = fits.stream().filter(f -> f.getRank() == fleet.degree() + 1).count();
    out.printf("full rank: %d/%d sensors%n", fullRank, fits.size());
    for (int k = 0; k <= fleet.degree(); k++) {
      int j = k;
      double[] err = fits.stream().mapToDouble(f -> Math.abs(f.getFitted()[j] - f.getTruth()[j]))
          .toArray();
      out.printf(Locale.ROOT, "|c%d fitted - true|: %s%n", k, Stats.describe(err));
    }
    fits.stream().sorted(java.util.Comparator.comparingLong(GroupFit::getSensor)).limit(3)
        .forEach(f -> out.printf(Locale.ROOT, "  sensor %d: fitted %s; true %s%n", f.getSensor(),
            coefficients(f.getFitted()), coefficients(f.getTruth())));
  }

  private static String coefficients(double[] c) {
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < c.length; k++) {
      sb.append(k == 0 ? "" : ", ").append(String.format(Locale.ROOT, "c%d=%.5f", k, c[k]));
    }
    return sb.toString();
  }
}
