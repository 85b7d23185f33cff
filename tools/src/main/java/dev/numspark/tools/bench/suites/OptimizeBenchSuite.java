package dev.numspark.tools.bench.suites;

import dev.numspark.optimize.Bounds;
import dev.numspark.optimize.DifferentialEvolution;
import dev.numspark.optimize.Objective;
import dev.numspark.tools.kernel.OptimizeKernelOps;
import dev.numspark.optimize.Updating;
import dev.numspark.tools.bench.BenchCase;
import dev.numspark.tools.bench.BenchSuite;
import java.util.ArrayList;
import java.util.List;

/**
 * Differential evolution with a busy-wait objective (1 ms per evaluation, 0.2 ms when quick) at
 * workers 1 and 2, side by side with SciPy's {@code differential_evolution(workers=...)} on the
 * same problem (rastrigin, fixed maxiter, no polish, deferred updating, so both do the same number
 * of evaluations).
 */
public final class OptimizeBenchSuite implements BenchSuite {

  @Override
  public String name() {
    return "optimize";
  }

  @Override
  public List<BenchCase> cases(boolean quick) {
    double costMs = quick ? 0.2 : 1.0;
    int n = 3;
    int maxiter = quick ? 5 : 10;
    int popsize = 15;
    long evaluations = (long) popsize * n * (maxiter + 1);
    List<BenchCase> cases = new ArrayList<>();
    for (int workers : new int[] {1, 2}) {
      String pythonSetup = String.join("\n",
          "import time",
          "from scipy.optimize import differential_evolution",
          "COST = " + costMs / 1000.0,
          "def f(x):",
          "    end = time.perf_counter() + COST",
          "    while time.perf_counter() < end:",
          "        pass",
          "    return float(10 * len(x) + np.sum(x * x - 10 * np.cos(2 * np.pi * x)))",
          "bounds = [(-5.12, 5.12)] * " + n);
      String pythonStmt = "differential_evolution(f, bounds, maxiter=" + maxiter + ", popsize="
          + popsize + ", tol=0, polish=False, updating='deferred', workers=" + workers
          + ", rng=1)";
      cases.add(new BenchCase("differential_evolution",
          n + "d pop" + popsize * n + " x" + (maxiter + 1) + " @" + costMs + "ms", workers,
          evaluations,
          () -> {
            Objective f = OptimizeKernelOps.costly("rastrigin", costMs);
            Bounds bounds = Bounds.uniform(n, -5.12, 5.12);
            return () -> DifferentialEvolution.minimize(f, bounds).maxiter(maxiter)
                .popsize(popsize).tol(0).polish(false).updating(Updating.DEFERRED)
                .workers(workers).seed(1).run();
          },
          "scipy", null, pythonSetup, pythonStmt));
    }
    return cases;
  }
}
