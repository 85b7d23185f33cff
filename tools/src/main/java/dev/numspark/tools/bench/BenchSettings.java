package dev.numspark.tools.bench;

/**
 * How long and how often to measure.
 *
 * @param quick whether the suites' quick sizes are used
 * @param warmupIterations JMH warm-up iterations
 * @param warmupMs length of one JMH warm-up iteration
 * @param iterations JMH measurement iterations
 * @param iterationMs length of one JMH measurement iteration
 * @param forks JMH forks (0 runs JMH in this JVM: only for tests and debugging)
 * @param repeats timed repeats of a Python statement (after a calibrating warm-up)
 * @param wallRepeats timed runs of a wall-clock case such as a Spark job (after one warm-up)
 * @param pythonBudgetSeconds a Python case stops repeating after this long (at least 3 repeats)
 * @param python the Python executable ({@code NUMSPARK_PYTHON}, default {@code python3})
 */
public record BenchSettings(
    boolean quick,
    int warmupIterations,
    int warmupMs,
    int iterations,
    int iterationMs,
    int forks,
    int repeats,
    int wallRepeats,
    double pythonBudgetSeconds,
    String python) {

  /**
   * The defaults: quick takes under 3 minutes on 2 cores (20 JMH forks, {@link SharedFork}), full
   * about 20.
   */
  public static BenchSettings defaults(boolean quick, String python) {
    return quick
        ? new BenchSettings(true, 1, 100, 7, 100, 1, 5, 3, 2, python)
        : new BenchSettings(false, 3, 1000, 10, 500, 1, 10, 5, 10, python);
  }

  public BenchSettings withForks(int forks) {
    return new BenchSettings(quick, warmupIterations, warmupMs, iterations, iterationMs, forks,
        repeats, wallRepeats, pythonBudgetSeconds, python);
  }
}
