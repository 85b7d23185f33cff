package dev.numspark.optimize;

import java.util.Arrays;

/**
 * The objective function failed: it threw (the exception is the cause) or returned NaN. The
 * optimizer stops rather than rank a population on a meaningless value.
 */
public class ObjectiveException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ObjectiveException(String message, Throwable cause) {
    super(message, cause);
  }

  static ObjectiveException nan(double[] x) {
    return new ObjectiveException("the objective function returned NaN at x = "
        + Arrays.toString(x), null);
  }

  static ObjectiveException thrown(double[] x, Throwable cause) {
    return new ObjectiveException("the objective function raised " + cause + " at x = "
        + Arrays.toString(x), cause);
  }

  /** Evaluates {@code f} at {@code x}, turning NaN and exceptions into an ObjectiveException. */
  static double evaluate(Objective f, double[] x) {
    double v;
    try {
      v = f.applyAsDouble(x);
    } catch (ObjectiveException e) {
      throw e;
    } catch (RuntimeException | Error e) {
      throw thrown(x, e);
    }
    if (Double.isNaN(v)) {
      throw nan(x);
    }
    return v;
  }
}
