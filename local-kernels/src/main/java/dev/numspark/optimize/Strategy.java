package dev.numspark.optimize;

import java.util.Locale;

/** SciPy's named differential-evolution strategies: a mutation and a crossover. */
public enum Strategy {
  BEST1BIN(Mutation.BEST1, true),
  BEST1EXP(Mutation.BEST1, false),
  RAND1BIN(Mutation.RAND1, true),
  RAND1EXP(Mutation.RAND1, false),
  RAND2BIN(Mutation.RAND2, true),
  RAND2EXP(Mutation.RAND2, false),
  BEST2BIN(Mutation.BEST2, true),
  BEST2EXP(Mutation.BEST2, false),
  CURRENTTOBEST1BIN(Mutation.CURRENTTOBEST1, true),
  CURRENTTOBEST1EXP(Mutation.CURRENTTOBEST1, false),
  RANDTOBEST1BIN(Mutation.RANDTOBEST1, true),
  RANDTOBEST1EXP(Mutation.RANDTOBEST1, false);

  enum Mutation { BEST1, RAND1, RAND2, BEST2, CURRENTTOBEST1, RANDTOBEST1 }

  final Mutation mutation;
  final boolean binomial;

  Strategy(Mutation mutation, boolean binomial) {
    this.mutation = mutation;
    this.binomial = binomial;
  }

  /** SciPy's name, e.g. {@code best1bin}. */
  public String scipyName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a SciPy strategy name; unknown names raise SciPy's error. */
  public static Strategy of(String name) {
    for (Strategy s : values()) {
      if (s.scipyName().equals(name)) {
        return s;
      }
    }
    throw new OptimizeArgumentException("Please select a valid mutation strategy");
  }
}
