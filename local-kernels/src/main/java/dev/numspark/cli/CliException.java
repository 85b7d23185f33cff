package dev.numspark.cli;

/** A bad command line or input: printed as one {@code numspark: error: ...} line, exit code 2. */
public class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CliException(String message) {
    super(message);
  }

  public CliException(String message, Throwable cause) {
    super(message, cause);
  }
}
