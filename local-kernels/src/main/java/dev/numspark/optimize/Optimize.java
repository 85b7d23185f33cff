package dev.numspark.optimize;

import dev.numspark.parallel.Workers;
import java.util.List;
import java.util.Locale;

/**
 * SciPy-named entry points of {@code scipy.optimize}: {@link #differentialEvolution},
 * {@link #brute} and {@link #minimize} (method L-BFGS-B). Options beyond these go through the
 * builders, e.g. {@link DifferentialEvolution#minimize(Objective, Bounds)}.
 */
public final class Optimize {
  private Optimize() {}

  /** {@code differential_evolution(func, bounds)} with SciPy's defaults. */
  public static OptimizeResult differentialEvolution(Objective func, Bounds bounds) {
    return DifferentialEvolution.minimize(func, bounds).run();
  }

  /**
   * {@code differential_evolution(func, bounds, strategy=, maxiter=, popsize=, tol=, seed=,
   * workers=)}; null leaves SciPy's default (for workers: the scoped default).
   */
  public static OptimizeResult differentialEvolution(Objective func, Bounds bounds,
      String strategy, Integer maxiter, Integer popsize, Double tol, Long seed, Integer workers) {
    DifferentialEvolution de = DifferentialEvolution.minimize(func, bounds);
    if (strategy != null) {
      de.strategy(strategy);
    }
    if (maxiter != null) {
      de.maxiter(maxiter);
    }
    if (popsize != null) {
      de.popsize(popsize);
    }
    if (tol != null) {
      de.tol(tol);
    }
    if (seed != null) {
      de.seed(seed);
    }
    if (workers != null) {
      de.workers(workers);
    }
    return de.run();
  }

  /** {@code brute(func, ranges, Ns=ns, finish=..., workers=workers)}. */
  public static OptimizeResult brute(Objective func, List<Brute.Range> ranges, int ns,
      Brute.Finish finish, Integer workers) {
    return Brute.minimize(func, ranges, ns, finish, workers);
  }

  /**
   * {@code minimize(fun, x0, method='L-BFGS-B', bounds=bounds)} with a numerical gradient as
   * SciPy's ({@code eps=1e-8} forward differences); {@code bounds} may be null (unbounded).
   * {@code workers} evaluates the difference points in parallel (null: the scoped default).
   */
  public static OptimizeResult minimize(Objective fun, double[] x0, String method, Bounds bounds,
      Integer workers) {
    if (method == null || !method.toUpperCase(Locale.ROOT).equals("L-BFGS-B")) {
      throw new OptimizeArgumentException("method '" + method
          + "' is not supported; numspark implements method='L-BFGS-B'");
    }
    if (x0 == null || x0.length == 0) {
      throw new OptimizeArgumentException("x0 must have at least one entry");
    }
    int n = x0.length;
    double[] lo = new double[n];
    double[] hi = new double[n];
    if (bounds == null) {
      java.util.Arrays.fill(lo, Double.NEGATIVE_INFINITY);
      java.util.Arrays.fill(hi, Double.POSITIVE_INFINITY);
    } else {
      if (bounds.size() != n) {
        throw new InvalidBoundsException("bounds have " + bounds.size()
            + " entries but x0 has " + n);
      }
      lo = bounds.lb();
      hi = bounds.ub();
    }
    for (double v : x0) {
      if (!Double.isFinite(v)) {
        throw new OptimizeArgumentException("x0 must be finite");
      }
    }
    int resolved = Workers.resolve(workers);
    try (Evaluator evaluator = Evaluator.of(fun,
        dev.numspark.parallel.Mapper.threads(resolved), resolved != 1)) {
      return Lbfgsb.minimize(evaluator, x0.clone(), lo, hi, Lbfgsb.Options.defaults());
    }
  }

  /** {@link #minimize(Objective, double[], String, Bounds, Integer)} on one worker. */
  public static OptimizeResult minimize(Objective fun, double[] x0, Bounds bounds) {
    return minimize(fun, x0, "L-BFGS-B", bounds, 1);
  }
}
