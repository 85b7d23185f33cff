package dev.numspark.signal;

import java.util.Arrays;
import java.util.Locale;

/**
 * A window argument as SciPy takes it: a name ({@code "hann"}), a name with a parameter
 * ({@code ("tukey", 0.25)}), or the window's values themselves (an array, whose length then sets
 * {@code nperseg}). Names may carry SciPy's {@code _periodic} / {@code _symmetric} suffix.
 */
public final class Window {
  private final String name;
  private final double[] params;
  private final double[] values;

  private Window(String name, double[] params, double[] values) {
    this.name = name;
    this.params = params;
    this.values = values;
  }

  /** A named window, e.g. {@code of("hann")}, {@code of("tukey", 0.25)}, {@code of("kaiser", 8.6)}. */
  public static Window of(String name, double... params) {
    if (name == null) {
      throw new SignalArgumentException("window name must not be null");
    }
    return new Window(name, params.clone(), null);
  }

  /** A window given by its values (SciPy's array_like window); not copied. */
  public static Window values(double[] values) {
    return new Window(null, null, values);
  }

  /**
   * Parses the command-line form: {@code hann}, {@code tukey:0.25}, {@code kaiser:8.6}, or a bare
   * number as a Kaiser beta (as {@code get_window(8.6, n)} does).
   */
  public static Window parse(String text) {
    String t = text.trim();
    try {
      double beta = Double.parseDouble(t);
      return of("kaiser", beta);
    } catch (NumberFormatException notANumber) {
      // a name, maybe with parameters
    }
    String[] parts = t.split(":");
    double[] params = new double[parts.length - 1];
    for (int i = 1; i < parts.length; i++) {
      try {
        params[i - 1] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new SignalArgumentException("window parameter '" + parts[i]
            + "' of '" + text + "' is not a number");
      }
    }
    return of(parts[0].trim(), params);
  }

  /** True for a window given by values. */
  public boolean isArray() {
    return values != null;
  }

  /** The name (null for an array window). */
  public String name() {
    return name;
  }

  /** The parameters after the name (a copy; empty for none). */
  public double[] params() {
    return params == null ? null : params.clone();
  }

  double[] rawParams() {
    return params;
  }

  double[] rawValues() {
    return values;
  }

  /** The window as Python would print the argument, for messages: {@code 'hann'}, {@code ('tukey', 0.25)}. */
  String repr() {
    if (values != null) {
      return "array(length " + values.length + ")";
    }
    if (params.length == 0) {
      return "'" + name + "'";
    }
    StringBuilder sb = new StringBuilder("('").append(name).append("'");
    for (double p : params) {
      sb.append(", ").append(pythonNumber(p));
    }
    return sb.append(params.length == 1 ? ")" : ")").toString();
  }

  static String pythonNumber(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(Locale.ROOT, "%d", (long) v);
    }
    return Double.toString(v);
  }

  @Override
  public String toString() {
    return values != null ? "Window" + Arrays.toString(values) : "Window" + repr();
  }
}
