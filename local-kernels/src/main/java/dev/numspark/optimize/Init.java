package dev.numspark.optimize;

import java.util.Locale;

/** SciPy's population initializations; an explicit population is given with the builder. */
public enum Init {
  LATINHYPERCUBE, SOBOL, HALTON, RANDOM;

  static final String ERROR = "The population initialization method must be one of "
      + "'latinhypercube' or 'random', or an array of shape (S, N) where N is the number of "
      + "parameters and S>5";

  public static Init of(String name) {
    for (Init i : values()) {
      if (i.name().toLowerCase(Locale.ROOT).equals(name)) {
        return i;
      }
    }
    throw new OptimizeArgumentException(ERROR);
  }
}
