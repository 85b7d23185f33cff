package dev.numspark.optimize;

import java.io.Serializable;

/**
 * A constraint {@code lb <= c(x) <= ub} with {@link #count()} components, as SciPy's
 * {@code LinearConstraint} and {@code NonlinearConstraint}. Differential evolution ranks solutions
 * feasibility-first (Lampinen), as SciPy does.
 */
public sealed interface Constraint extends Serializable
    permits LinearConstraint, NonlinearConstraint {

  /** The constraint values {@code c(x)}. */
  double[] values(double[] x);

  double[] lb();

  double[] ub();

  default int count() {
    return lb().length;
  }

  /** How much each component is exceeded by at {@code x}: {@code max(lb - c, 0) + max(c - ub, 0)}. */
  default double[] violation(double[] x) {
    double[] c = values(x);
    double[] lb = lb();
    double[] ub = ub();
    if (c.length != lb.length) {
      throw new OptimizeArgumentException("a constraint returned " + c.length
          + " values but has " + lb.length + " bounds");
    }
    double[] v = new double[c.length];
    for (int i = 0; i < c.length; i++) {
      v[i] = Math.max(lb[i] - c[i], 0) + Math.max(c[i] - ub[i], 0);
    }
    return v;
  }

  static double[] filled(int n, double value) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, value);
    return a;
  }
}
