package dev.numspark.optimize;

import java.util.Arrays;

/**
 * SciPy's {@code Bounds(lb, ub)}: finite lower and upper limits for every parameter. Equal limits
 * fix a parameter (SciPy allows it); a lower limit above the upper one, a non-finite limit or
 * mismatched lengths raise {@link InvalidBoundsException}.
 */
public record Bounds(double[] lb, double[] ub) {

  static final String FINITE_MESSAGE = "bounds should be a sequence containing finite real valued "
      + "(min, max) pairs for each value in x";

  public Bounds {
    if (lb == null || ub == null || lb.length != ub.length || lb.length == 0) {
      throw new InvalidBoundsException(FINITE_MESSAGE);
    }
    lb = lb.clone();
    ub = ub.clone();
    for (int i = 0; i < lb.length; i++) {
      if (!Double.isFinite(lb[i]) || !Double.isFinite(ub[i])) {
        throw new InvalidBoundsException(FINITE_MESSAGE);
      }
      if (lb[i] > ub[i]) {
        throw new InvalidBoundsException("lower bound " + lb[i] + " of parameter " + i
            + " is greater than its upper bound " + ub[i]);
      }
    }
  }

  /** {@code (min, max)} pairs, one per parameter, as SciPy's sequence form. */
  public static Bounds of(double[]... pairs) {
    if (pairs == null || pairs.length == 0) {
      throw new InvalidBoundsException(FINITE_MESSAGE);
    }
    double[] lb = new double[pairs.length];
    double[] ub = new double[pairs.length];
    for (int i = 0; i < pairs.length; i++) {
      if (pairs[i] == null || pairs[i].length != 2) {
        throw new InvalidBoundsException(FINITE_MESSAGE);
      }
      lb[i] = pairs[i][0];
      ub[i] = pairs[i][1];
    }
    return new Bounds(lb, ub);
  }

  /** The same interval {@code [lo, hi]} for {@code n} parameters. */
  public static Bounds uniform(int n, double lo, double hi) {
    double[] lb = new double[n];
    double[] ub = new double[n];
    Arrays.fill(lb, lo);
    Arrays.fill(ub, hi);
    return new Bounds(lb, ub);
  }

  /** Parses {@code lo:hi,lo:hi,...} (the command-line form). */
  public static Bounds parse(String text) {
    String[] parts = text.split(",");
    double[][] pairs = new double[parts.length][];
    for (int i = 0; i < parts.length; i++) {
      String[] lohi = parts[i].trim().split(":");
      if (lohi.length != 2) {
        throw new InvalidBoundsException("bounds must be lo:hi pairs separated by commas, got '"
            + text + "'");
      }
      try {
        pairs[i] = new double[] {Double.parseDouble(lohi[0].trim()),
            Double.parseDouble(lohi[1].trim())};
      } catch (NumberFormatException e) {
        throw new InvalidBoundsException("bounds must be lo:hi pairs of numbers, got '"
            + text + "'");
      }
    }
    return of(pairs);
  }

  public int size() {
    return lb.length;
  }

  @Override
  public double[] lb() {
    return lb.clone();
  }

  @Override
  public double[] ub() {
    return ub.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bounds b && Arrays.equals(lb, b.lb) && Arrays.equals(ub, b.ub);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(lb) + Arrays.hashCode(ub);
  }

  @Override
  public String toString() {
    return "Bounds(lb=" + Arrays.toString(lb) + ", ub=" + Arrays.toString(ub) + ")";
  }
}
