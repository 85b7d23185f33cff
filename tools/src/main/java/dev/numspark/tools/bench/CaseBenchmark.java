package dev.numspark.tools.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The one JMH benchmark behind every kernel-level figure: it looks its case up by id
 * ({@link CaseCatalog}) and times either numspark's action or the Java peer's. Run by
 * {@link JmhTimer}; the parameters are always given there.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CaseBenchmark {

  /** The case id, e.g. {@code fft/compare/3}. */
  @Param("")
  public String caseId;

  /** Whether the suites' quick sizes are meant. */
  @Param("false")
  public boolean quick;

  /** {@code numspark} or {@code peer}. */
  @Param("numspark")
  public String side;

  /**
   * The least warm-up in ms before JMH's own, 0 for the default (1.5 s quick, 3 s full); shorter
   * for a case whose code an earlier case in the same JVM has compiled ({@link SharedFork}).
   */
  @Param("0")
  public long minWarmupMs;

  private Runnable action;

  @Setup(Level.Trial)
  public void setUp() {
    BenchCase c = CaseCatalog.find(caseId, quick);
    action = switch (side) {
      case JmhTimer.NUMSPARK -> c.setup().get();
      case JmhTimer.PEER -> c.javaPeer().get();
      default -> throw new IllegalArgumentException("side must be numspark or peer, got " + side);
    };
    // until the JIT is done with it: JMH's fixed warm-up is too short for Vector API code
    long min = minWarmupMs > 0 ? minWarmupMs * 1_000_000L
        : quick ? 1_500_000_000L : 3_000_000_000L;
    SteadyWarmup.run(action, min, quick ? 8_000_000_000L : 20_000_000_000L);
  }

  @Benchmark
  public void run() {
    action.run();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    if (action instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }
}
