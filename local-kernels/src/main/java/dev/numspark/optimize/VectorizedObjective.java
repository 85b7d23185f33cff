package dev.numspark.optimize;

import java.io.Serializable;

/**
 * SciPy's {@code vectorized=True} objective: evaluates many solutions in one call. Unlike SciPy,
 * which passes an array of shape {@code (N, S)}, numspark passes {@code S} rows of length
 * {@code N} (the JVM has no cheap transpose view); the result has one value per row.
 */
@FunctionalInterface
public interface VectorizedObjective extends Serializable {
  double[] values(double[][] solutions);
}
