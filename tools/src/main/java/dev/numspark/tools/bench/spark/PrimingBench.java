package dev.numspark.tools.bench.spark;

import dev.numspark.examples.options.Args;
import dev.numspark.examples.options.OptionException;
import dev.numspark.spark.NumsparkPlugin;
import dev.numspark.tools.cli.Masters;
import dev.numspark.tools.cli.Subcommand;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * {@code bin/numspark bench-priming}: the first {@code numspark_rfft} task on a fresh executor
 * with the plugin's priming off and on, against a warm task. Each run is a new driver JVM, and so
 * a fresh executor: in local mode (the default, {@code local[2]}) the executor is the driver's
 * JVM; with {@code --master spark://...} each run is a new application, which a standalone
 * Worker gives a new executor JVM (2 cores, the README's executor JVM options, this tool's jar
 * shipped in {@code spark.jars}). A run generates and caches the signals (no FFT), waits
 * {@code --gap} seconds (the time between an executor's start and its first numspark task), then
 * times the first query and five more; medians over the runs.
 *
 * <p>In such a run the driver is as new as the executor, and on a machine they share, its own
 * planning, code generation and JIT compete with the executor's first tasks. On a cluster, a
 * fresh executor usually joins a driver that has long run the query (scaling up, a lost executor
 * replaced): {@code --replace-executor} measures that case. The application first runs the
 * measured query {@link #DRIVER_WARM_QUERIES} times on its first executor, then replaces it by a
 * new one ({@link ExecutorReplacement}), caches the signals again there, and times the first
 * query on the new executor.
 *
 * <p>Two measures: the whole query (in local mode it includes the driver's planning and code
 * generation, which a long-lived driver on a cluster has long paid), and the tasks that run the
 * transform, launch to finish, as the Spark UI shows them: the first query's longest against
 * the warm queries' median.
 *
 * <p>{@code --spark-warm N} first runs N queries of the same shape without numspark: Spark's own
 * first-query costs (its classes, its row loop's JIT, Janino) are then paid, as on an executor
 * that has run other work, and what remains is numspark's own warm-up, the part priming targets.
 */
public final class PrimingBench implements Subcommand {

  @Override
  public String name() {
    return "bench-priming";
  }

  @Override
  public String summary() {
    return "first-task latency of numspark_rfft on a fresh executor, priming off and on";
  }

  @Override
  public int run(List<String> argv, PrintStream out) throws Exception {
    if (argv.contains("--help")) {
      out.println("usage: bin/numspark bench-priming [--signals 20000] [--length 4096] "
          + "[--repeats 3] [--gaps 0,2] [--prime-seconds 2] [--spark-warm 0,2] [--baseline] "
          + "[--master local[2]|spark://HOST:PORT [--replace-executor]]");
      return 0;
    }
    Args args = Args.parse(argv, Set.of("baseline", "replace-executor"));
    int signals = args.integer("signals", 20_000);
    int n = args.integer("length", 4096);
    int repeats = args.integer("repeats", 3);
    int[] gaps = args.has("gaps") ? args.integers("gaps") : new int[] {0, 2};
    double prime = args.number("prime-seconds", 2.0);
    int[] sparkWarm = args.has("spark-warm") ? args.integers("spark-warm") : new int[] {0, 2};
    boolean baseline = args.bool("baseline", false);
    String master = args.string("master", "local[2]");
    boolean replace = args.bool("replace-executor", false);
    args.finish();
    if (signals < 1 || n < 2 || repeats < 1) {
      throw new OptionException("--signals, --length and --repeats must be positive");
    }
    if (replace && master.startsWith("local")) {
      throw new OptionException("--replace-executor needs a cluster's --master (spark://...): "
          + "in local mode the executor is the driver's JVM");
    }
    Masters.check(master);
    Settings settings = new Settings(master, signals, n, replace);
    out.printf("first numspark_rfft task on a fresh executor%s, %d x %d signals, %s, "
        + "median of %d %s%n%n", replace ? " replacing one of a warm application (the "
            + "driver has run the query " + DRIVER_WARM_QUERIES + " times)" : "", signals, n,
        master, repeats,
        master.startsWith("local") ? "JVMs" : "applications (a new executor JVM each)");
    out.println("| Spark queries before | gap before the first query | priming | first query ms "
        + "| warm query ms | first / warm | first-query task ms (longest) | warm task ms (median) "
        + "| first task / warm task | its CPU ms | warm task CPU ms |");
    out.println("|---|---|---|---|---|---|---|---|---|---|---|");
    for (int warmups : sparkWarm) {
      for (int gap : gaps) {
        for (double seconds : new double[] {0, prime}) {
          out.println(row(settings, repeats, warmups, gap, seconds, false));
        }
        if (baseline) {
          // the same shape with a Spark built-in never run before: what a new query costs Spark
          out.println(row(settings, repeats, warmups, gap, 0, true));
        }
      }
    }
    return 0;
  }

  /** The times a run reports (see {@link Child}). */
  private static final int TIMES = 6;

  /** What every run of a table shares. */
  private record Settings(String master, int signals, int n, boolean replace) {}

  /**
   * With {@code --replace-executor}, the queries the application runs on its first executor
   * before replacing it: the driver's planning, code generation and JIT are then warm.
   */
  static final int DRIVER_WARM_QUERIES = 3;

  /** One row of the table: the medians of {@code repeats} fresh JVMs. */
  private static String row(Settings settings, int repeats, int warmups, int gap,
      double seconds, boolean builtin) throws Exception {
    double[][] runs = new double[TIMES][repeats];
    for (int r = 0; r < repeats; r++) {
      double[] times = child(settings, gap, seconds, warmups, builtin);
      for (int k = 0; k < TIMES; k++) {
        runs[k][r] = times[k];
      }
    }
    double f = median(runs[0]);
    double w = median(runs[1]);
    double ft = median(runs[2]);
    double wt = median(runs[3]);
    String priming = builtin ? "Spark built-in, no numspark" : seconds > 0 ? seconds + " s" : "off";
    return String.format(
        "| %d | %d s | %s | %.0f | %.0f | %.2fx | %.0f | %.0f | %.2fx | %.0f | %.0f |", warmups,
        gap, priming, f, w, f / w, ft, wt, ft / wt, median(runs[4]), median(runs[5]));
  }

  /**
   * One fresh JVM with this JVM's flags, {@code spark.*} properties (SparkConf reads them, e.g.
   * {@code spark.driver.host}) and class path; returns its {@link #TIMES} times in ms.
   */
  private static double[] child(Settings settings, int gap, double prime, int sparkWarm,
      boolean builtin) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("spark."))
        .sorted().forEach(k -> cmd.add("-D" + k + "=" + System.getProperty(k)));
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Child.class.getName(),
        String.valueOf(settings.signals()), String.valueOf(settings.n()), String.valueOf(gap),
        String.valueOf(prime), String.valueOf(sparkWarm), String.valueOf(builtin),
        settings.master(), String.valueOf(settings.replace())));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (p.waitFor() != 0 || !out.contains("first_ms=")) {
      throw new IllegalStateException("the priming run failed: " + out);
    }
    String last = out.substring(out.lastIndexOf("first_ms="));
    String[] parts = last.split("\\s+");
    double[] times = new double[TIMES];
    for (int k = 0; k < times.length; k++) {
      times[k] = Double.parseDouble(parts[k].substring(parts[k].indexOf('=') + 1));
    }
    // first query, warm query, first query's longest task, warm median task, their CPU times
    return times;
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  /**
   * The durations (launch to finish, as the Spark UI shows them) of the tasks that run
   * {@code numspark_rfft}: those of each job's first stage (the scan, explode and transform; the
   * second stage only sums the partial aggregates). Jobs run one at a time here.
   */
  static final class TaskTimes extends SparkListener {
    private final List<Double> durations = new ArrayList<>();
    private final List<Double> cpuMillis = new ArrayList<>();
    private int firstStage = Integer.MAX_VALUE;
    private boolean jobEnded;

    @Override
    public synchronized void onJobStart(SparkListenerJobStart job) {
      firstStage = Integer.MAX_VALUE;
      for (int i = 0; i < job.stageIds().length(); i++) {
        firstStage = Math.min(firstStage, (Integer) job.stageIds().apply(i));
      }
    }

    @Override
    public synchronized void onJobEnd(SparkListenerJobEnd job) {
      jobEnded = true; // the bus delivers a job's task ends before its end
      notifyAll();
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
      if (end.stageId() == firstStage) {
        durations.add((double) end.taskInfo().duration());
        // the CPU time of the task's thread: deserializing the task, then running it
        cpuMillis.add((end.taskMetrics().executorDeserializeCpuTime()
            + end.taskMetrics().executorCpuTime()) / 1e6);
      }
    }

    /**
     * The longest task of the job since the last call (the one a user waits for): its duration
     * and its CPU time, in ms.
     */
    double[] takeLongest() {
      double[][] t = take();
      int longest = 0;
      for (int i = 1; i < t[0].length; i++) {
        if (t[0][i] > t[0][longest]) {
          longest = i;
        }
      }
      return new double[] {t[0][longest], t[1][longest]};
    }

    /** The median task duration and the median task CPU time of the job since the last call. */
    double[] takeMedian() {
      double[][] t = take();
      return new double[] {median(t[0]), median(t[1])};
    }

    /** The transform's task durations (ms) of the job since the last call, once it has ended. */
    double[] takeDurations() {
      return take()[0];
    }

    /**
     * The transform's task durations and CPU times (ms) of the job since the last call, once it
     * has ended.
     */
    synchronized double[][] take() {
      // the listener bus is asynchronous: wait until it has delivered the finished job's end
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (!jobEnded && System.nanoTime() < deadline) {
        try {
          wait(10);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      jobEnded = false;
      double[] d = durations.stream().mapToDouble(Double::doubleValue).toArray();
      double[] cpu = cpuMillis.stream().mapToDouble(Double::doubleValue).toArray();
      durations.clear();
      cpuMillis.clear();
      if (d.length == 0) {
        throw new IllegalStateException("no task of the rfft stage was reported");
      }
      return new double[][] {d, cpu};
    }
  }

  /**
   * The fresh executor's side: prints {@code first_ms=F warm_ms=W first_task_ms=T
   * warm_task_ms=U first_task_cpu_ms=C warm_task_cpu_ms=D}.
   */
  public static final class Child {
    public static void main(String[] a) throws Exception {
      int signals = Integer.parseInt(a[0]);
      int n = Integer.parseInt(a[1]);
      long gapMs = Long.parseLong(a[2]) * 1000;
      RfftJob job = new RfftJob(signals, n, false, a[6], Map.of(
          "spark.plugins", NumsparkPlugin.class.getName(),
          "spark.numspark.prime.seconds", a[3]));
      TaskTimes tasks = new TaskTimes();
      job.session().sparkContext().addSparkListener(tasks);
      Runnable query = Boolean.parseBoolean(a[5]) ? job::runOtherBuiltin : job::run;
      if (Boolean.parseBoolean(a[7])) {
        ExecutorReplacement executors = new ExecutorReplacement();
        job.session().sparkContext().addSparkListener(executors);
        for (int i = 0; i < DRIVER_WARM_QUERIES; i++) {
          query.run();
          tasks.takeDurations(); // on the executor about to be replaced: dropped
        }
        executors.replace(job.session().sparkContext(), 120_000);
        job.recache(); // the cached signals were on the replaced executor
        tasks.takeDurations(); // generating and caching the signals again: dropped
      }
      Thread.sleep(gapMs);
      for (int i = 0; i < Integer.parseInt(a[4]); i++) {
        job.runWithoutNumspark();
        tasks.takeDurations(); // not the transform's: dropped
      }
      long t0 = System.nanoTime();
      query.run();
      double first = (System.nanoTime() - t0) / 1e6;
      double[] firstTask = tasks.takeLongest();
      double[] warm = new double[5];
      double[] warmTasks = new double[5];
      double[] warmCpu = new double[5];
      for (int i = 0; i < warm.length; i++) {
        long t = System.nanoTime();
        query.run();
        warm[i] = (System.nanoTime() - t) / 1e6;
        double[] task = tasks.takeMedian();
        warmTasks[i] = task[0];
        warmCpu[i] = task[1];
      }
      System.out.printf("first_ms=%.3f warm_ms=%.3f first_task_ms=%.3f warm_task_ms=%.3f "
          + "first_task_cpu_ms=%.3f warm_task_cpu_ms=%.3f%n", first, median(warm), firstTask[0],
          median(warmTasks), firstTask[1], median(warmCpu));
      job.close();
      System.exit(0);
    }
  }
}
