package dev.numspark.tools.bench;

import java.util.Arrays;
import java.util.List;

/**
 * A tiny suite for the runner's tests (registered in the test class path only): a sum against a
 * Java peer, and a square against numpy; all in microseconds, so the runner itself is tested, not
 * the machine.
 */
public final class FakeSuite implements BenchSuite {
  static volatile double sink;

  @Override
  public String name() {
    return "fake";
  }

  @Override
  public List<BenchCase> cases(boolean quick) {
    int n = quick ? 1000 : 2000;
    return List.of(
        new BenchCase("sum", String.valueOf(n), 1, n,
            () -> {
              double[] x = new double[n];
              Arrays.fill(x, 1.5);
              return () -> sink = Arrays.stream(x).sum();
            },
            "loop", () -> {
              double[] x = new double[n];
              Arrays.fill(x, 1.5);
              return () -> {
                double s = 0;
                for (double v : x) {
                  s += v;
                }
                sink = s;
              };
            }, null, null),
        new BenchCase("square", String.valueOf(n), 1, n,
            () -> {
              double[] x = new double[n];
              return () -> {
                double[] y = new double[n];
                for (int i = 0; i < n; i++) {
                  y[i] = x[i] * x[i];
                }
                sink = y[n - 1];
              };
            },
            "numpy", null, "x = np.arange(" + n + ".0)", "x * x"));
  }

  /** No scaling study: the report has only the compared section. */
  @Override
  public List<BenchCase> scaling(boolean quick) {
    return List.of();
  }
}
