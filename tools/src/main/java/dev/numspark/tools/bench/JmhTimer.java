package dev.numspark.tools.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Times one side of a case with JMH ({@link CaseBenchmark}), run programmatically. JMH's own
 * output goes to a log file (appended per run) so that the console shows one line per figure.
 *
 * <p>The fork runs the same {@code java} with this JVM's class path ({@code java.class.path},
 * which JMH passes on) and this JVM's flags ({@link #forkJvmArgs()}: bin/spark-jvm-flags, -Xss,
 * -Xmx and the rest as the launcher gave them), so a case behaves in the fork as it would here;
 * unless the heap is sized, the fork gets a fixed, pre-touched one ({@link #heapArgs}).
 */
final class JmhTimer {
  static final String NUMSPARK = "numspark";
  static final String PEER = "peer";

  private final BenchSettings settings;
  private final Path log;
  private VectorWidth width = VectorWidth.NATIVE;

  JmhTimer(BenchSettings settings, Path log) {
    this.settings = settings;
    this.log = log;
  }

  /** How long and how often this timer measures. */
  BenchSettings settings() {
    return settings;
  }

  /** Where JMH's own output is appended (null: nowhere). */
  Path log() {
    return log;
  }

  /** A fork's flags: {@link #forkJvmArgs(boolean)}, then the width's. */
  List<String> forkJvmArgs() {
    List<String> args = new java.util.ArrayList<>(forkJvmArgs(settings.quick()));
    args.addAll(width.flags());
    return args;
  }

  /**
   * This JVM's flags for a fork, less debugger and profiler agents (they would clash), plus
   * {@link #heapArgs} unless the heap was sized.
   */
  static List<String> forkJvmArgs(boolean quick) {
    List<String> given = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> !a.startsWith("-agentlib:") && !a.startsWith("-javaagent:")
            && !a.startsWith("-Xrunjdwp") && !a.startsWith("-agentpath:"))
        .toList();
    List<String> args = new java.util.ArrayList<>(given);
    args.addAll(heapArgs(given, quick));
    return List.copyOf(args);
  }

  /** The fork's fixed, pre-touched heap, unless {@code given} sizes the heap itself. */
  static final List<String> FIXED_HEAP = List.of("-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch");

  /**
   * --quick's: its largest case holds about 50 MB, and touching 3 GB took a second of each
   * fork's 3.7 s here (1 GB: 0.4 s).
   */
  static final List<String> QUICK_HEAP = List.of("-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch");

  /**
   * {@link #FIXED_HEAP} ({@link #QUICK_HEAP} for --quick) when {@code given} has no -Xms/-Xmx,
   * else nothing. Why: cases allocate
   * results of up to 134 MB per call, and a growing heap touches fresh pages during the
   * measurement; on a VM a page's first touch is slow (measured here: 0.3-0.5 s stalls while the
   * heap grew, and ±100-270% errors on the largest FFT cases), while numpy's malloc reuses warm
   * memory. A fixed heap whose pages are touched at start-up keeps that out of the figures, as
   * JMH advises for allocation-heavy benchmarks. 3 GB holds every case's data several times.
   */
  static List<String> heapArgs(List<String> given, boolean quick) {
    boolean sized = given.stream().anyMatch(a -> a.startsWith("-Xms") || a.startsWith("-Xmx")
        || a.startsWith("-XX:MaxHeapSize") || a.startsWith("-XX:InitialHeapSize"));
    return sized ? List.of() : quick ? QUICK_HEAP : FIXED_HEAP;
  }

  /** Forks from now on run at {@code width} (its flags after this JVM's). */
  void width(VectorWidth width) {
    this.width = width;
  }

  /** The time per call of {@code side} ({@link #NUMSPARK} or {@link #PEER}) of a case. */
  Measurement time(String caseId, String side) throws IOException {
    return time(caseId, side, 0);
  }

  /**
   * The same, warming up for at least {@code minWarmupMs} (0: the default) before JMH's own
   * warm-up.
   */
  Measurement time(String caseId, String side, long minWarmupMs) throws IOException {
    Path output = Files.createTempFile("numspark-jmh", ".log");
    try {
      ChainedOptionsBuilder options = new OptionsBuilder()
          .include("^" + Pattern.quote(CaseBenchmark.class.getName() + ".run") + "$")
          .param("caseId", caseId)
          .param("quick", String.valueOf(settings.quick()))
          .param("side", side)
          .param("minWarmupMs", String.valueOf(minWarmupMs))
          .warmupIterations(settings.warmupIterations())
          .warmupTime(TimeValue.milliseconds(settings.warmupMs()))
          .measurementIterations(settings.iterations())
          .measurementTime(TimeValue.milliseconds(settings.iterationMs()))
          .forks(settings.forks())
          .shouldFailOnError(true)
          .verbosity(VerboseMode.NORMAL)
          .output(output.toString());
      if (settings.forks() > 0) {
        options.jvmArgs(forkJvmArgs().toArray(String[]::new));
      }
      RunResult run;
      try {
        run = new Runner(options.build()).runSingle();
      } catch (RunnerException e) {
        throw new IllegalStateException(firstError(output), e);
      }
      // the median and MAD of the iterations, as for the Python peers: on a shared machine one
      // descheduled iteration moved JMH's mean (and its error) by 100% and more
      List<Double> scores = new java.util.ArrayList<>();
      for (BenchmarkResult b : run.getBenchmarkResults()) {
        for (IterationResult i : b.getIterationResults()) {
          scores.add(i.getPrimaryResult().getScore());
        }
      }
      if (scores.isEmpty()) {
        Result<?> primary = run.getPrimaryResult();
        return new Measurement(primary.getScore(), primary.getScoreError(),
            (int) primary.getSampleCount(), "jmh");
      }
      return Measurement.ofSamples(scores.stream().mapToDouble(Double::doubleValue).toArray(),
          "jmh");
    } finally {
      appendLog(caseId + " " + side, output);
      Files.deleteIfExists(output);
    }
  }

  /** The exception line of a failed run's JMH output, for the report's note. */
  private static String firstError(Path output) {
    try {
      for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
        String t = line.trim();
        if (t.matches("^[\\w.$]+(Exception|Error)(:.*)?$")) {
          return t;
        }
      }
    } catch (IOException ignored) {
      // fall through to the generic message
    }
    return "the JMH run failed";
  }

  private void appendLog(String title, Path output) throws IOException {
    if (log == null) {
      return;
    }
    String text = "==== " + title + "\n" + Files.readString(output, StandardCharsets.UTF_8) + "\n";
    Files.writeString(log, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }
}
