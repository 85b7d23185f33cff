package dev.numspark.spark;

/** numspark's jar is built for another Spark line or Scala version than the one running it. */
public final class SparkLineMismatchException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public SparkLineMismatchException(String message) {
    super(message);
  }
}
