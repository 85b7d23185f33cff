package dev.numspark.optimize;

import java.util.random.RandomGenerator;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Randomized quasi-Monte Carlo points in {@code [0, 1)^d} for DE's {@code init='sobol'} and
 * {@code 'halton'}. SciPy scrambles both; we randomize Sobol' (Commons Math's generator, Joe-Kuo
 * directions, up to 1000 dimensions) by a random digital shift and Halton by random digit
 * permutations per base and digit. The point sets keep their low-discrepancy structure but are not
 * SciPy's bit for bit (SciPy's Sobol' also applies a linear matrix scramble).
 */
final class QmcSampler {
  private static final int MANTISSA_BITS = 52;

  private QmcSampler() {}

  static double[][] sobol(int n, int d, RandomGenerator rng) {
    if (d > 1000) {
      throw new OptimizeArgumentException("init='sobol' supports at most 1000 parameters, got "
          + d);
    }
    SobolSequenceGenerator generator = new SobolSequenceGenerator(d);
    long[] shift = new long[d];
    for (int j = 0; j < d; j++) {
      shift[j] = rng.nextLong() >>> (64 - MANTISSA_BITS);
    }
    double scale = 0x1p52;
    double[][] points = new double[n][];
    for (int i = 0; i < n; i++) {
      double[] p = generator.nextVector();
      for (int j = 0; j < d; j++) {
        long bits = (long) (p[j] * scale);
        p[j] = (bits ^ shift[j]) / scale;
      }
      points[i] = p;
    }
    return points;
  }

  static double[][] halton(int n, int d, RandomGenerator rng) {
    int[] bases = primes(d);
    double[][] points = new double[n][d];
    for (int j = 0; j < d; j++) {
      int b = bases[j];
      int digits = (int) Math.ceil(MANTISSA_BITS / (Math.log(b) / Math.log(2)));
      int[][] perms = new int[digits][];
      for (int k = 0; k < digits; k++) {
        perms[k] = permutation(b, rng);
      }
      for (int i = 0; i < n; i++) {
        long index = i;
        double factor = 1.0 / b;
        double value = 0;
        for (int k = 0; k < digits; k++) {
          value += perms[k][(int) (index % b)] * factor;
          index /= b;
          factor /= b;
        }
        points[i][j] = Math.min(value, Math.nextDown(1.0));
      }
    }
    return points;
  }

  private static int[] permutation(int n, RandomGenerator rng) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int k = rng.nextInt(i + 1);
      int t = p[i];
      p[i] = p[k];
      p[k] = t;
    }
    return p;
  }

  private static int[] primes(int count) {
    int[] primes = new int[count];
    int found = 0;
    for (int candidate = 2; found < count; candidate++) {
      boolean prime = true;
      for (int i = 0; i < found && primes[i] * primes[i] <= candidate; i++) {
        if (candidate % primes[i] == 0) {
          prime = false;
          break;
        }
      }
      if (prime) {
        primes[found++] = candidate;
      }
    }
    return primes;
  }
}
