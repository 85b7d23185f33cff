package dev.numspark.optimize;

/**
 * Called after every generation with the intermediate result (SciPy's
 * {@code callback(intermediate_result)}); {@link OptimizeResult#convergence()} holds
 * {@code tol / (convergence + eps)} as in SciPy. Returning {@code true} stops the solver with the
 * message {@code "callback function requested stop early"}.
 */
@FunctionalInterface
public interface Callback {
  boolean stop(OptimizeResult intermediate);
}
