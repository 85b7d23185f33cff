package dev.numspark.tools.bench.spark;

import dev.numspark.examples.options.Args;
import dev.numspark.examples.options.OptionException;
import dev.numspark.spark.NumsparkPlugin;
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

/**
 * {@code bin/numspark bench-priming}: the first {@code numspark_rfft} task on a fresh executor
 * with the plugin's priming off and on, against a warm task. Each run is a new JVM (a fresh
 * executor: local mode runs the executor in the driver's JVM) that generates and caches the
 * signals (no FFT), waits {@code --gap} seconds (the time between an executor's start and its
 * first numspark task), then times the first query and five more; medians over the runs.
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
          + "[--repeats 3] [--gaps 0,2] [--prime-seconds 2]");
      return 0;
    }
    Args args = Args.parse(argv, Set.of());
    int signals = args.integer("signals", 20_000);
    int n = args.integer("length", 4096);
    int repeats = args.integer("repeats", 3);
    int[] gaps = args.has("gaps") ? args.integers("gaps") : new int[] {0, 2};
    double prime = args.number("prime-seconds", 2.0);
    args.finish();
    if (signals < 1 || n < 2 || repeats < 1) {
      throw new OptionException("--signals, --length and --repeats must be positive");
    }
    out.printf("first numspark_rfft task on a fresh executor, %d x %d signals, local[2], "
        + "median of %d JVMs%n%n", signals, n, repeats);
    out.println("| gap before the first task | priming | first task ms | warm task ms | first / warm |");
    out.println("|---|---|---|---|---|");
    for (int gap : gaps) {
      for (double seconds : new double[] {0, prime}) {
        double[] first = new double[repeats];
        double[] warm = new double[repeats];
        for (int r = 0; r < repeats; r++) {
          double[] fw = child(signals, n, gap, seconds);
          first[r] = fw[0];
          warm[r] = fw[1];
        }
        double f = median(first);
        double w = median(warm);
        out.printf("| %d s | %s | %.0f | %.0f | %.2fx |%n", gap,
            seconds > 0 ? seconds + " s" : "off", f, w, f / w);
      }
    }
    return 0;
  }

  /** One fresh JVM with this JVM's flags and class path; returns {first ms, warm ms}. */
  private static double[] child(int signals, int n, int gap, double prime) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Child.class.getName(),
        String.valueOf(signals), String.valueOf(n), String.valueOf(gap), String.valueOf(prime)));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (p.waitFor() != 0 || !out.contains("first_ms=")) {
      throw new IllegalStateException("the priming run failed: " + out);
    }
    String last = out.substring(out.lastIndexOf("first_ms="));
    String[] parts = last.split("\\s+");
    return new double[] {Double.parseDouble(parts[0].substring(9)),
        Double.parseDouble(parts[1].substring(8))};
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  /** The fresh executor's side: prints {@code first_ms=F warm_ms=W}. */
  public static final class Child {
    public static void main(String[] a) throws Exception {
      int signals = Integer.parseInt(a[0]);
      int n = Integer.parseInt(a[1]);
      long gapMs = Long.parseLong(a[2]) * 1000;
      RfftJob job = new RfftJob(signals, n, false, Map.of(
          "spark.plugins", NumsparkPlugin.class.getName(),
          "spark.numspark.prime.seconds", a[3]));
      Thread.sleep(gapMs);
      long t0 = System.nanoTime();
      job.run();
      double first = (System.nanoTime() - t0) / 1e6;
      double[] warm = new double[5];
      for (int i = 0; i < warm.length; i++) {
        long t = System.nanoTime();
        job.run();
        warm[i] = (System.nanoTime() - t) / 1e6;
      }
      System.out.printf("first_ms=%.3f warm_ms=%.3f%n", first, median(warm));
      job.close();
      System.exit(0);
    }
  }
}
