package dev.numspark.optimize;

import java.io.Serializable;

/** SciPy's {@code NonlinearConstraint(fun, lb, ub)}: {@code lb <= fun(x) <= ub}. */
public record NonlinearConstraint(Function fun, double[] lb, double[] ub) implements Constraint {

  /** The constraint function; serializable so a Spark mapper could ship it. */
  @FunctionalInterface
  public interface Function extends Serializable {
    double[] apply(double[] x);
  }

  public NonlinearConstraint {
    if (fun == null || lb == null || ub == null || lb.length != ub.length || lb.length == 0) {
      throw new OptimizeArgumentException(
          "NonlinearConstraint needs a function and lb, ub of the same length M >= 1");
    }
  }

  /** A single-component constraint {@code lb <= fun(x)[0] <= ub}. */
  public NonlinearConstraint(Function fun, double lb, double ub) {
    this(fun, new double[] {lb}, new double[] {ub});
  }

  @Override
  public double[] values(double[] x) {
    return fun.apply(x);
  }
}
