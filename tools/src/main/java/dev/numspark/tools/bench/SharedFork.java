package dev.numspark.tools.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several cases timed in one forked JVM, one after another (JMH run inside it), for --quick: a
 * suite's compared cases (each side: numspark, the Java peer), or a scaling study (one kernel at
 * three batch sizes and two worker counts). The first case warms up as in its own fork; the later
 * ones find much of their code compiled and warm up for at least {@link #LATER_WARMUP_MS} (then
 * until the JIT is quiet, {@link SteadyWarmup}). Six scaling forks of about 3.7 s each became one
 * of about 10 s per family. The full run keeps a fork per case.
 */
final class SharedFork {
  /** The least warm-up of the cases after the first: their code is compiled by then. */
  static final long LATER_WARMUP_MS = 400;

  private SharedFork() {}

  /**
   * Times {@code side} of each case in one JVM with {@code timer}'s fork flags and settings; per
   * id a {@link Measurement}, or the failure's message. JMH's output goes to the timer's log.
   */
  static Map<String, Object> time(JmhTimer timer, List<String> ids, String side)
      throws IOException, InterruptedException {
    Path log = timer.log();
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(timer.forkJvmArgs());
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), SharedFork.class.getName(),
        String.valueOf(timer.settings().quick()), side, log == null ? "" : log.toString()));
    cmd.addAll(ids);
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int code = p.waitFor();
    Map<String, Object> results = new LinkedHashMap<>();
    for (String line : out.lines().toList()) {
      String[] f = line.split(" ", 3);
      if (f.length == 3 && f[0].equals("result")) {
        String[] v = f[2].split(" ");
        results.put(f[1], new Measurement(Double.parseDouble(v[0]), Double.parseDouble(v[1]),
            Integer.parseInt(v[2]), "jmh"));
      } else if (f.length == 3 && f[0].equals("failed")) {
        results.put(f[1], f[2]);
      }
    }
    for (String id : ids) {
      results.putIfAbsent(id, "the shared fork ended (exit " + code + ") before this case");
    }
    return results;
  }

  /** The fork: {@code quick side log id...}; one {@code result} or {@code failed} line per id. */
  public static void main(String[] args) throws IOException {
    boolean quick = Boolean.parseBoolean(args[0]);
    String side = args[1];
    Path log = args[2].isEmpty() ? null : Path.of(args[2]);
    // JMH inside this JVM: forks(0), the flags are this JVM's
    JmhTimer timer = new JmhTimer(BenchSettings.defaults(quick, null).withForks(0), log);
    for (int i = 3; i < args.length; i++) {
      String id = args[i];
      try {
        Measurement m = timer.time(id, side, i == 3 ? 0 : LATER_WARMUP_MS);
        System.out.println("result " + id + " " + m.ms() + " " + m.errorMs() + " " + m.samples());
      } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
        System.out.println("failed " + id + " " + BenchRunner.failure(e));
      }
      System.out.flush();
    }
  }
}
