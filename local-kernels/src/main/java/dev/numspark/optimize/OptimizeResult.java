package dev.numspark.optimize;

import dev.numspark.io.JsonText;
import java.util.Locale;

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

  /** One JSON object with x, fun, nfev, nit, success and message (the CLI's output). */
  public String toJson() {
    StringBuilder sb = new StringBuilder("{\"x\": [");
    for (int i = 0; i < x.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(number(x[i]));
    }
    sb.append("], \"fun\": ").append(number(fun))
        .append(", \"nfev\": ").append(nfev)
        .append(", \"nit\": ").append(nit)
        .append(", \"success\": ").append(success)
        .append(", \"message\": ").append(JsonText.quote(message));
    if (!Double.isNaN(constrViolation)) {
      sb.append(", \"constr_violation\": ").append(number(constrViolation));
    }
    return sb.append('}').toString();
  }

  private static String number(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "Infinity" : "-Infinity";
    }
    return String.format(Locale.ROOT, "%.17g", v).replaceFirst("0+(e|$)", "$1")
        .replaceFirst("\\.(e|$)", ".0$1");
  }
}
