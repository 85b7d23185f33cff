package dev.numspark.tools.bench;

import java.util.List;

/**
 * A suite for {@link BenchRunnerTest} (registered in the test class path only): one case whose
 * Python peer sleeps 2 ms times the number of Python processes that have imported its setup so
 * far (counted in the file named by {@link #CALLS}): 2 ms in the timing before numspark's, 4 ms
 * in the one after, as if the machine had slowed to half its speed in between. numspark's side
 * sleeps 3 ms.
 */
public final class SlowingPeerSuite implements BenchSuite {
  /** The system property naming the count's file. */
  static final String CALLS = "numspark.test.slowingPeerCalls";

  @Override
  public String name() {
    return "slowing";
  }

  @Override
  public List<BenchCase> cases(boolean quick) {
    String calls = System.getProperty(CALLS, System.getProperty("java.io.tmpdir")
        + "/numspark-slowing-peer-calls");
    String setup = "import os, time\n"
        + "_calls = '" + calls.replace("\\", "\\\\").replace("'", "\\'") + "'\n"
        + "_k = int(open(_calls).read()) + 1 if os.path.exists(_calls) else 1\n"
        + "open(_calls, 'w').write(str(_k))\n"
        + "delay = 0.002 * _k\n";
    return List.of(new BenchCase("sleep", "1", 1, 0, () -> () -> sleepMs(3), "numpy", null,
        setup, "time.sleep(delay)"));
  }

  @Override
  public List<BenchCase> scaling(boolean quick) {
    return List.of();
  }

  private static void sleepMs(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
