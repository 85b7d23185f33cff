package dev.numspark.examples;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;

import dev.numspark.examples.options.Args;
import dev.numspark.examples.options.OptionException;
import dev.numspark.optimize.Bounds;
import dev.numspark.optimize.DifferentialEvolution;
import dev.numspark.optimize.Objective;
import dev.numspark.optimize.OptimizeResult;
import dev.numspark.optimize.TestFunctions;
import dev.numspark.spark.SparkMapper;
import java.io.PrintStream;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;

/**
 * {@code optimize}: differential evolution two ways.
 *
 * <ol>
 *   <li>One expensive objective (a test function that takes {@code --cost-ms} per call, like a
 *       simulator), solved with {@code workers=1} and with a {@link SparkMapper} as workers in the
 *       same run: each generation's population is evaluated across the executors. With the same
 *       seed both give the same result; the report prints the speed-up.
 *   <li>Many cheap problems, one per group: each sensor's damped-oscillation response
 *       {@code A exp(-t / tau) sin(2 pi f t + phi)} is fitted by its own differential evolution
 *       inside one task (workers = the task's CPUs).
 * </ol>
 */
public final class OptimizeJob implements ExampleJob {

  public static void main(String[] args) {
    JobMain.main(new OptimizeJob(), args);
  }

  @Override
  public String name() {
    return "optimize";
  }

  @Override
  public String summary() {
    return "differential evolution: SparkMapper workers vs workers=1, and one fit per group";
  }

  @Override
  public List<String> usage() {
    return List.of(
        "one expensive problem:",
        "--function NAME         " + String.join("|", TestFunctions.NAMES)
            + " (default rastrigin)",
        "--dim N                 dimensions (default 4)",
        "--cost-ms MS            time each evaluation takes (default 50)",
        "--popsize N             population size multiplier (default 10)",
        "--maxiter N             generations (default 5)",
        "--seed N                seed (default 1)",
        "--slices N              SparkMapper partitions (default: the default parallelism)",
        "per-group fits (0 groups skips them):",
        "--groups N              sensors, one differential evolution each (default 16)",
        "--group-samples N       samples per sensor response (default 200)",
        "--noise SIGMA           response noise (default 0.05)");
  }

  /** The test function, made slow: each call waits {@code costMs} first (serializable). */
  record SlowObjective(String function, double costMs) implements Objective {
    @Override
    public double applyAsDouble(double[] x) {
      // parkNanos, not a busy loop: the cost stands for waiting on a simulator, so the
      // speed-up shows the parallelism of the evaluation and not the CPU count of this machine
      long until = System.nanoTime() + (long) (costMs * 1e6);
      for (long left = until - System.nanoTime(); left > 0; left = until - System.nanoTime()) {
        LockSupport.parkNanos(left);
      }
      return TestFunctions.named(function).applyAsDouble(x);
    }
  }

  record Settings(String function, int dim, double costMs, int popsize, int maxiter, long seed,
      int slices, int groups, int groupSamples, double noise) implements Serializable {}

  @Override
  public Prepared prepare(Args args) {
    String function = args.string("function", "rastrigin");
    int dim = args.integer("dim", 4);
    double costMs = args.number("cost-ms", 50.0);
    int popsize = args.integer("popsize", 10);
    int maxiter = args.integer("maxiter", 5);
    long seed = args.integer("seed", 1);
    int slices = args.integer("slices", 0);
    int groups = args.integer("groups", 16);
    int groupSamples = args.integer("group-samples", 200);
    double noise = args.number("noise", 0.05);
    TestFunctions.named(function); // the unknown-name error now, not in a task
    if (dim < 1 || popsize < 1 || maxiter < 1 || slices < 0 || groups < 0 || groupSamples < 8) {
      throw new OptionException("--dim, --popsize and --maxiter must be at least 1, --slices and "
          + "--groups non-negative, --group-samples at least 8");
    }
    if (!(costMs >= 0) || costMs > 60_000) {
      throw new OptionException("--cost-ms must be between 0 and 60000, got " + costMs);
    }
    if (!(noise >= 0)) {
      throw new OptionException("--noise must be non-negative, got " + noise);
    }
    Settings s = new Settings(function, dim, costMs, popsize, maxiter, seed, slices, groups,
        groupSamples, noise);
    return (spark, out) -> run(spark, s, out);
  }

  static int run(SparkSession spark, Settings s, PrintStream out) {
    expensive(spark, s, out);
    if (s.groups() > 0) {
      perGroup(spark, s, out);
    }
    return 0;
  }

  /** A seeded, deferred-updating solver, so that any workers give the same result. */
  static DifferentialEvolution solver(Settings s) {
    return DifferentialEvolution.minimize(new SlowObjective(s.function(), s.costMs()),
            TestFunctions.bounds(s.function(), s.dim()))
        .popsize(s.popsize()).maxiter(s.maxiter()).seed(s.seed()).updating("deferred")
        .polish(false);
  }

  static void expensive(SparkSession spark, Settings s, PrintStream out) {
    SparkMapper mapper = s.slices() > 0 ? new SparkMapper(spark, s.slices())
        : new SparkMapper(spark);
    out.printf(Locale.ROOT, "optimize: %s in %d dimensions, %s ms per evaluation, popsize %d "
        + "(%d per generation), %d generations, seed %d%n", s.function(), s.dim(),
        Bands.format(s.costMs()), s.popsize(), s.popsize() * s.dim(), s.maxiter(), s.seed());
    long t0 = System.nanoTime();
    OptimizeResult one = solver(s).workers(1).run();
    double sequential = (System.nanoTime() - t0) / 1e9;
    long t1 = System.nanoTime();
    OptimizeResult spread = solver(s).workers(mapper).run();
    double parallel = (System.nanoTime() - t1) / 1e9;
    out.printf(Locale.ROOT, "  workers=1:           %6.2f s, %d evaluations, fun %.6g at %s%n",
        sequential, one.nfev(), one.fun(), vector(one.x()));
    out.printf(Locale.ROOT, "  workers=%-12s %6.2f s, %d evaluations, fun %.6g at %s%n",
        mapper + ":", parallel, spread.nfev(), spread.fun(), vector(spread.x()));
    boolean same = Arrays.equals(one.x(), spread.x()) && one.fun() == spread.fun();
    out.printf(Locale.ROOT, "  speed-up %.2fx with %d slices; same result: %s (global minimum "
        + "%s)%n", sequential / parallel, mapper.parallelism(), same ? "yes" : "NO",
        Bands.format(TestFunctions.minimum(s.function(), s.dim())));
  }

  /** The damped oscillations of a fleet; serializable because the tasks regenerate from it. */
  record Responses(long groups, int samples, double noise, long seed) implements Serializable {
    static final String[] NAMES = {"A", "tau", "f", "phi"};
    static final Bounds BOUNDS = Bounds.of(new double[] {0.1, 5}, new double[] {0.05, 2},
        new double[] {1, 40}, new double[] {0, 2 * Math.PI});

    /** Sensor {@code g}'s amplitude, decay time (s), frequency (Hz) and phase. */
    double[] truth(long g) {
      SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + g);
      return new double[] {rng.nextDouble(0.5, 3), rng.nextDouble(0.2, 1), rng.nextDouble(3, 30),
          rng.nextDouble(0, 2 * Math.PI)};
    }

    static double model(double[] p, double t) {
      return p[0] * Math.exp(-t / p[1]) * Math.sin(2 * Math.PI * p[2] * t + p[3]);
    }

    /** Row {@code id}: sample {@code id % samples} of sensor {@code id / samples}, over 1 s. */
    SensorReading sample(long id) {
      long g = id / samples;
      double t = (double) (id % samples) / samples;
      SplittableRandom rng = new SplittableRandom(~seed * 0xBF58476D1CE4E5B9L + id);
      SensorReading r = new SensorReading();
      r.setSensor(g);
      r.setReference(t);
      r.setReading(model(truth(g), t) + noise * rng.nextGaussian());
      return r;
    }
  }

  static void perGroup(SparkSession spark, Settings s, PrintStream out) {
    Responses fleet = new Responses(s.groups(), s.groupSamples(), s.noise(), s.seed());
    long t0 = System.nanoTime();
    List<GroupFit> fits = fitGroups(spark, fleet).collectAsList().stream()
        .sorted(Comparator.comparingLong(GroupFit::getSensor)).toList();
    double seconds = (System.nanoTime() - t0) / 1e9;
    long found = fits.stream().filter(OptimizeJob::recovered).count();
    out.printf(Locale.ROOT, "per-group fits: %d sensors x %d samples, one differential evolution "
        + "per sensor in its task, %.1f s; %d/%d recovered (f within 2%%, A and tau within 10%%)%n",
        fits.size(), s.groupSamples(), seconds, found, fits.size());
    double[] rms = fits.stream().mapToDouble(GroupFit::getRmsResidual).toArray();
    out.printf(Locale.ROOT, "  residual RMS: %s (noise sigma %s)%n", Stats.describe(rms),
        s.noise());
    fits.stream().limit(3).forEach(f -> out.printf(Locale.ROOT,
        "  sensor %d: fitted %s; true %s (%d evaluations)%n", f.getSensor(),
        params(f.getFitted()), params(f.getTruth()), f.getEvaluations()));
  }

  /** The long table grouped per sensor, each group fitted by its own solver in one task. */
  static Dataset<GroupFit> fitGroups(SparkSession spark, Responses fleet) {
    int partitions = (int) Math.min(fleet.groups(), 4L * spark.sparkContext().defaultParallelism());
    return spark.range(0, fleet.groups() * fleet.samples(), 1, partitions)
        .map((MapFunction<Long, SensorReading>) fleet::sample, Encoders.bean(SensorReading.class))
        .groupBy("sensor")
        .agg(collect_list("reference").as("x"), collect_list("reading").as("y"))
        .repartition(partitions, col("sensor"))
        .as(Encoders.bean(SensorSeries.class))
        .mapPartitions((MapPartitionsFunction<SensorSeries, GroupFit>) groups -> new Iterator<>() {
          @Override
          public boolean hasNext() {
            return groups.hasNext();
          }

          @Override
          public GroupFit next() {
            return fitGroup(groups.next(), fleet);
          }
        }, Encoders.bean(GroupFit.class));
  }

  /** Least squares of the model by differential evolution (polished by L-BFGS-B). */
  static GroupFit fitGroup(SensorSeries g, Responses fleet) {
    double[] t = g.getX();
    double[] y = g.getY();
    Objective sse = p -> {
      double sum = 0;
      for (int i = 0; i < t.length; i++) {
        double r = Responses.model(p, t[i]) - y[i];
        sum += r * r;
      }
      return sum;
    };
    OptimizeResult r = DifferentialEvolution.minimize(sse, Responses.BOUNDS)
        .seed(fleet.seed() * 31 + g.getSensor()).tol(1e-8).maxiter(400).run();
    GroupFit f = new GroupFit();
    f.setSensor(g.getSensor());
    f.setSamples(t.length);
    f.setFitted(r.x());
    f.setTruth(fleet.truth(g.getSensor()));
    f.setRmsResidual(Math.sqrt(r.fun() / t.length));
    f.setRank(Responses.NAMES.length);
    f.setEvaluations(r.nfev());
    return f;
  }

  static boolean recovered(GroupFit f) {
    double[] p = f.getFitted();
    double[] q = f.getTruth();
    return Math.abs(p[2] - q[2]) <= 0.02 * q[2] && Math.abs(p[0] - q[0]) <= 0.1 * q[0]
        && Math.abs(p[1] - q[1]) <= 0.1 * q[1];
  }

  private static String vector(double[] x) {
    return Arrays.stream(x).mapToObj(v -> String.format(Locale.ROOT, "%.4f", v))
        .collect(Collectors.joining(", ", "[", "]"));
  }

  private static String params(double[] p) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < p.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(Responses.NAMES[i]).append('=')
          .append(String.format(Locale.ROOT, "%.3f", p[i]));
    }
    return sb.toString();
  }
}
