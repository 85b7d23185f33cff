package dev.numspark.tools.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * Calls a case's action until the JIT has finished with it, before JMH's own warm-up: JMH's
 * fixed warm-up iterations are far too short for Vector API code, which C2 compiles late and
 * slowly (a fresh JVM's first batched FFT took about 1.3 s, the next ten or so 9 times the
 * steady time; --quick's 2 x 150 ms then measured the compilation: ±100-700% errors). Steady
 * means no compilation (beyond {@link #STRAY_COMPILE_MS}) for {@link #QUIET_NANOS} ns, and
 * the last {@link #QUIET} calls within 50% of each other; the wait is capped.
 */
final class SteadyWarmup {
  static final int QUIET = 5;
  static final long QUIET_NANOS = 300_000_000L;

  private SteadyWarmup() {}

  /**
   * Warms {@code action} for at least {@code minNanos} (the JIT's total compilation time moves
   * only when a compilation ends: a long C2 compilation in progress looks quiet) and at most
   * {@code capNanos}; returns the calls made.
   */
  static int run(Runnable action, long minNanos, long capNanos) {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    boolean monitored = jit != null && jit.isCompilationTimeMonitoringSupported();
    long start = System.nanoTime();
    long[] times = new long[QUIET];
    int calls = 0;
    // the quiet stretch: since when, and the JIT's total compilation time then
    long quietSince = start;
    long quietCompileMs = monitored ? jit.getTotalCompilationTime() : 0;
    while (System.nanoTime() - start < capNanos) {
      long t0 = System.nanoTime();
      action.run();
      long t1 = System.nanoTime();
      times[calls % QUIET] = t1 - t0;
      calls++;
      long compileMs = monitored ? jit.getTotalCompilationTime() : 0;
      if (compileMs - quietCompileMs > STRAY_COMPILE_MS) {
        // the JIT is (still) at work: start the quiet stretch again
        quietSince = t1;
        quietCompileMs = compileMs;
        continue;
      }
      if (calls >= 4 * QUIET && t1 - start >= minNanos && t1 - quietSince >= QUIET_NANOS
          && similar(times)) {
        break;
      }
    }
    return calls;
  }

  /**
   * Compilation (anywhere in the JVM) up to this many milliseconds during a quiet stretch is
   * let pass: C2 compiling a case's vector code takes hundreds.
   */
  static final long STRAY_COMPILE_MS = 5;

  /** Whether the last calls' times are within 50% of each other. */
  private static boolean similar(long[] times) {
    long min = Long.MAX_VALUE;
    long max = 0;
    for (long t : times) {
      min = Math.min(min, t);
      max = Math.max(max, t);
    }
    return max <= 1.5 * min;
  }
}
