package dev.numspark.optimize;

/** Bounds that are not finite, have a lower bound above the upper one, or the wrong length. */
public class InvalidBoundsException extends OptimizeArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidBoundsException(String message) {
    super(message);
  }
}
