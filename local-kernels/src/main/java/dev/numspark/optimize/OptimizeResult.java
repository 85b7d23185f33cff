package dev.numspark.optimize;

import dev.numspark.io.JsonText;

/**
 * SciPy's {@code OptimizeResult}. Fields a method does not produce are {@code null} (arrays) or
 * NaN (numbers).
 *
 * @param x the solution
 * @param fun the objective at {@code x}
 * @param jac the gradient at {@code x} when a gradient-based step produced it, else null
 * @param nfev objective evaluations, counted as SciPy counts them (polishing and finite
 *     differences included; a vectorized call counts once)
 * @param nit iterations (generations for differential evolution)
 * @param success whether the optimizer exited successfully
 * @param message the cause of termination, in SciPy's words
 * @param population the final population (DE) or the evaluated grid points (brute), else null
 * @param populationEnergies the objective at each row of {@code population}, else null
 * @param constrViolation the largest constraint violation at {@code x} (SciPy's
 *     {@code constr_violation} and {@code maxcv}); NaN without constraints
 * @param convergence for DE callbacks, {@code tol / (convergence + eps)} as SciPy; else NaN
 */
public record OptimizeResult(
    double[] x,
    double fun,
    double[] jac,
    long nfev,
    int nit,
    boolean success,
    String message,
    double[][] population,
    double[] populationEnergies,
    double constrViolation,
    double convergence) {

  /** SciPy's {@code maxcv}, the same as {@link #constrViolation()}. */
  public double maxcv() {
    return constrViolation;
  }

  /**
   * One JSON object with x, fun, nfev, nit, success, message and, with constraints,
   * constr_violation (the CLI's output); NaN and infinities are written as null.
   */
  public String toJson() {
    JsonText.Fields json = JsonText.object().numbers("x", x).number("fun", fun)
        .integer("nfev", nfev).integer("nit", nit).bool("success", success)
        .string("message", message);
    if (!Double.isNaN(constrViolation)) {
      json.number("constr_violation", constrViolation);
    }
    return json.toString();
  }
}
