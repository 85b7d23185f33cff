package dev.numspark.fft;

/**
 * SciPy's {@code norm} argument: which direction of a transform pair carries the {@code 1/n}
 * factor. {@code backward} (the default) scales only the inverse, {@code forward} only the
 * forward transform, {@code ortho} both by {@code 1/sqrt(n)}.
 */
public enum Norm {
  BACKWARD,
  ORTHO,
  FORWARD;

  /** Parses SciPy's spelling; {@code null} is {@code backward}. */
  public static Norm parse(String norm) {
    if (norm == null) {
      return BACKWARD;
    }
    return switch (norm) {
      case "backward" -> BACKWARD;
      case "ortho" -> ORTHO;
      case "forward" -> FORWARD;
      default -> throw new FftArgumentException("Invalid norm value '" + norm
          + "', should be \"backward\", \"ortho\" or \"forward\"");
    };
  }

  /** The norm of the other direction: what {@code hfft} and {@code ihfft} pass on. */
  Norm swapped() {
    return switch (this) {
      case BACKWARD -> FORWARD;
      case FORWARD -> BACKWARD;
      case ORTHO -> ORTHO;
    };
  }

  /**
   * The factor applied to a transform of logical length {@code n} ({@code 2n}, {@code 2(n-1)}
   * ... for the real-to-real transforms) in the given direction.
   */
  public double factor(boolean forward, double n) {
    return switch (this) {
      case ORTHO -> 1.0 / Math.sqrt(n);
      case BACKWARD -> forward ? 1.0 : 1.0 / n;
      case FORWARD -> forward ? 1.0 / n : 1.0;
    };
  }
}
