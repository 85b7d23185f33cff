package dev.numspark.optimize;

/** A bad argument to an optimizer (SciPy raises {@code ValueError}); the message says which. */
public class OptimizeArgumentException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public OptimizeArgumentException(String message) {
    super(message);
  }
}
