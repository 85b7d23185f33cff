package dev.numspark.examples.options;

/** A bad command line or input: printed as one {@code numspark: error: ...} line, exit code 2. */
public class OptionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public OptionException(String message) {
    super(message);
  }

  public OptionException(String message, Throwable cause) {
    super(message, cause);
  }
}
