package dev.numspark.fft;

/**
 * A bad argument to a {@link Fft} function (a length below 1, a bad {@code norm}, mismatched
 * {@code s}/{@code axes}, complex input to a real transform, ...), worded as SciPy words it.
 * Axes outside the array raise {@link dev.numspark.array.AxisException} instead, with numpy's
 * wording.
 */
public class FftArgumentException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public FftArgumentException(String message) {
    super(message);
  }
}
