package dev.numspark.optimize;

/**
 * SciPy's {@code LinearConstraint(A, lb, ub)}: {@code lb <= A x <= ub}; use
 * {@code Double.NEGATIVE_INFINITY}/{@code POSITIVE_INFINITY} for a one-sided bound.
 */
public record LinearConstraint(double[][] a, double[] lb, double[] ub) implements Constraint {

  public LinearConstraint {
    if (a == null || a.length == 0 || lb == null || ub == null || lb.length != a.length
        || ub.length != a.length) {
      throw new OptimizeArgumentException(
          "LinearConstraint needs A of shape (M, N) and lb, ub of length M");
    }
    for (double[] row : a) {
      if (row.length != a[0].length) {
        throw new OptimizeArgumentException("LinearConstraint: the rows of A differ in length");
      }
    }
  }

  /** The same scalar bounds for every row of {@code a}. */
  public LinearConstraint(double[][] a, double lb, double ub) {
    this(a, Constraint.filled(a.length, lb), Constraint.filled(a.length, ub));
  }

  @Override
  public double[] values(double[] x) {
    double[] c = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      if (a[i].length != x.length) {
        throw new OptimizeArgumentException("LinearConstraint: A has " + a[i].length
            + " columns but x has " + x.length + " parameters");
      }
      double s = 0;
      for (int j = 0; j < x.length; j++) {
        s += a[i][j] * x[j];
      }
      c[i] = s;
    }
    return c;
  }
}
