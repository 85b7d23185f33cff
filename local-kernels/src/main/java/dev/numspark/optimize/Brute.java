package dev.numspark.optimize;

import dev.numspark.parallel.Mapper;
import dev.numspark.parallel.Workers;
import java.util.List;

/**
 * {@code scipy.optimize.brute}: evaluates the objective on a grid ({@code np.mgrid} over the
 * ranges, {@code Ns} points for a {@code (lo, hi)} range) on {@code workers}, then optionally
 * polishes the best grid point. SciPy's default finish is {@code fmin} (Nelder-Mead); numspark
 * finishes with L-BFGS-B (unbounded, Breeze) or not at all. The result's {@code population} is the
 * grid (one point per row, C order) and {@code populationEnergies} SciPy's {@code Jout}, raveled.
 */
public final class Brute {

  /** How the best grid point is polished. */
  public enum Finish { NONE, LBFGSB }

  /**
   * One axis of the grid. {@link #of(double, double)} is SciPy's {@code (lo, hi)} tuple ({@code Ns}
   * points, both ends included); {@link #slice(double, double, double)} is {@code slice(start,
   * stop, step)} ({@code arange} semantics); {@link #points(double, double, int)} is a complex step
   * {@code slice(lo, hi, count*1j)}.
   */
  public record Range(double start, double stop, double step, int count) {
    public static Range of(double lo, double hi) {
      return new Range(lo, hi, Double.NaN, -1);
    }

    public static Range slice(double start, double stop, double step) {
      if (!(step != 0) || !Double.isFinite(step)) {
        throw new OptimizeArgumentException("a slice step must be finite and non-zero, got "
            + step);
      }
      return new Range(start, stop, step, 0);
    }

    public static Range points(double lo, double hi, int count) {
      if (count < 1) {
        throw new OptimizeArgumentException("a range needs at least one point, got " + count);
      }
      return new Range(lo, hi, Double.NaN, count);
    }

    double[] values(int ns) {
      if (!Double.isFinite(start) || !Double.isFinite(stop)) {
        throw new InvalidBoundsException("brute ranges must be finite, got (" + start + ", "
            + stop + ")");
      }
      if (count != 0) {
        int c = count < 0 ? ns : count;
        double[] v = new double[c];
        double st = c > 1 ? (stop - start) / (c - 1) : 0;
        for (int i = 0; i < c; i++) {
          v[i] = i * st + start;
        }
        return v;
      }
      int size = (int) Math.max(0, Math.ceil((stop - start) / step));
      double[] v = new double[size];
      for (int i = 0; i < size; i++) {
        v[i] = i * step + start;
      }
      return v;
    }
  }

  private Brute() {}

  /**
   * Minimizes {@code func} over the grid.
   *
   * @param ns points per {@code (lo, hi)} range (SciPy's {@code Ns}, default 20)
   * @param finish polishing of the best grid point
   * @param workers threads (null: the scoped default, 1 outside Spark)
   */
  public static OptimizeResult minimize(Objective func, List<Range> ranges, int ns, Finish finish,
      Integer workers) {
    int resolved = Workers.resolve(workers);
    Mapper mapper = Mapper.threads(resolved);
    try {
      return minimize(func, ranges, ns, finish, mapper);
    } finally {
      mapper.close();
    }
  }

  /** {@link #minimize(Objective, List, int, Finish, Integer)} on any mapper (not closed). */
  public static OptimizeResult minimize(Objective func, List<Range> ranges, int ns, Finish finish,
      Mapper mapper) {
    int n = ranges.size();
    if (n == 0) {
      throw new OptimizeArgumentException("brute needs at least one range");
    }
    if (n > 40) {
      throw new OptimizeArgumentException("Brute Force not possible with more than 40 variables.");
    }
    if (ns < 1) {
      throw new OptimizeArgumentException("Ns must be at least 1, got " + ns);
    }
    double[][] axes = new double[n][];
    long total = 1;
    for (int k = 0; k < n; k++) {
      axes[k] = ranges.get(k).values(ns);
      total *= axes[k].length;
      if (total > Integer.MAX_VALUE - 8) {
        throw new OptimizeArgumentException("the brute-force grid has too many points");
      }
    }
    if (total == 0) {
      throw new OptimizeArgumentException("a brute-force range is empty");
    }
    int count = (int) total;
    double[][] grid = new double[count][n];
    for (int p = 0; p < count; p++) {
      int rest = p;
      for (int k = n - 1; k >= 0; k--) {
        int len = axes[k].length;
        grid[p][k] = axes[k][rest % len];
        rest /= len;
      }
    }
    double[] jout;
    try (Evaluator evaluator = Evaluator.of(func, mapper, false)) {
      jout = evaluator.evaluate(grid);
      int best = 0;
      for (int p = 1; p < count; p++) {
        if (jout[p] < jout[best]) {
          best = p;
        }
      }
      double[] x = grid[best].clone();
      double fun = jout[best];
      long nfev = count;
      boolean success = true;
      String message = "Optimization terminated successfully.";
      double[] jac = null;
      if (finish == Finish.LBFGSB) {
        double[] lo = new double[n];
        double[] hi = new double[n];
        java.util.Arrays.fill(lo, Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.POSITIVE_INFINITY);
        OptimizeResult r = Lbfgsb.minimize(evaluator, x, lo, hi, Lbfgsb.Options.defaults());
        x = r.x();
        fun = r.fun();
        jac = r.jac();
        nfev += r.nfev();
        success = r.success();
        message = r.message();
      }
      return new OptimizeResult(x, fun, jac, nfev, 1, success, message, grid, jout, Double.NaN,
          Double.NaN);
    }
  }
}
