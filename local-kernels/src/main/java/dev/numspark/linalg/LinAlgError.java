package dev.numspark.linalg;

/**
 * A linear-algebra computation failed on valid input, as SciPy's {@code numpy.linalg.LinAlgError}:
 * a singular matrix, a matrix that is not positive definite, an iteration that did not converge.
 * Bad arguments (shapes, options, NaN/Inf with {@code checkFinite}) are
 * {@link IllegalArgumentException}s instead, as SciPy raises {@code ValueError} for them.
 */
public class LinAlgError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LinAlgError(String message) {
    super(message);
  }
}
