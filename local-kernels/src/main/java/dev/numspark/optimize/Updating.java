package dev.numspark.optimize;

import java.util.Locale;

/** SciPy's {@code updating}: the best solution is updated per trial or once per generation. */
public enum Updating {
  IMMEDIATE, DEFERRED;

  public static Updating of(String name) {
    for (Updating u : values()) {
      if (u.name().toLowerCase(Locale.ROOT).equals(name)) {
        return u;
      }
    }
    throw new OptimizeArgumentException("updating must be 'immediate' or 'deferred', got '"
        + name + "'");
  }
}
