package dev.numspark.optimize;

import java.util.random.RandomGenerator;

/**
 * SciPy's callable strategy {@code strategy(candidate, population, rng)}: builds the trial vector
 * for population member {@code candidate} from the population (rows in parameter units, shape
 * {@code (S, N)}) using the solver's generator; returns a vector of length {@code N}.
 */
@FunctionalInterface
public interface CustomStrategy {
  double[] trial(int candidate, double[][] population, RandomGenerator rng);
}
