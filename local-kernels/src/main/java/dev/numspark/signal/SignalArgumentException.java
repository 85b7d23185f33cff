package dev.numspark.signal;

/** Bad input to a {@code dev.numspark.signal} function; the message follows SciPy's wording. */
public class SignalArgumentException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public SignalArgumentException(String message) {
    super(message);
  }
}
