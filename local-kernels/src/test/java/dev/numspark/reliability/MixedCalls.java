package dev.numspark.reliability;

import dev.numspark.array.NdArray;
import dev.numspark.fft.Fft;
import dev.numspark.linalg.Linalg;
import dev.numspark.signal.Signal;
import java.util.Random;

/**
 * The reliability suite's workload: call {@code i} runs one of seven kernels (FFTs, small and
 * native-sized linear algebra, a convolution) on fixed inputs, with {@code workers} unset, 1 or 2
 * by turns, so concurrent callers mix Java-path batches, native BLAS at different counts and the
 * shared worker pool. {@link #check(int, double[])} compares a result with the one-thread
 * reference: exactly where the kernel is bitwise reproducible, to rounding where native BLAS
 * runs (its last bits depend on its thread count).
 */
public final class MixedCalls {
  public static final int KINDS = 7;
  private static final double[] SIGNAL = random(16 * 256, 1);
  private static final double[] SMALL = diagonallyDominant(8, 8, 2);
  private static final double[] MEDIUM = diagonallyDominant(1, 64, 3);
  private static final double[] SQUARE = random(96 * 96, 4);
  private static final double[] DETS = diagonallyDominant(4, 40, 5);
  private static final double[] KERNEL = random(50, 6);
  private static final double[][] REFERENCE = new double[KINDS][];

  static {
    for (int kind = 0; kind < KINDS; kind++) {
      REFERENCE[kind] = run(kind, 1);
    }
  }

  private MixedCalls() {}

  /** The workers of call {@code i}: unset, 1 or 2 by turns. */
  public static Integer workers(int i) {
    return switch (Math.floorMod(i / KINDS, 3)) {
      case 0 -> null;
      case 1 -> 1;
      default -> 2;
    };
  }

  /** Runs call {@code i} and returns its result's values. */
  public static double[] call(int i) {
    return run(Math.floorMod(i, KINDS), workers(i));
  }

  /** Null when call {@code i}'s result equals the reference, else what differs. */
  public static String check(int i, double[] result) {
    int kind = Math.floorMod(i, KINDS);
    double[] expected = REFERENCE[kind];
    if (result.length != expected.length) {
      return "kind " + kind + ": " + result.length + " values, expected " + expected.length;
    }
    boolean nativeBlas = kind == 3 || kind == 4 || kind == 6;
    for (int j = 0; j < expected.length; j++) {
      double tolerance = nativeBlas ? 1e-9 * Math.max(1, Math.abs(expected[j])) : 0;
      if (!(Math.abs(result[j] - expected[j]) <= tolerance)) {
        return "kind " + kind + " (workers " + workers(i) + "): value " + j + " is " + result[j]
            + ", expected " + expected[j];
      }
    }
    return null;
  }

  private static double[] run(int kind, Integer workers) {
    return switch (kind) {
      case 0 -> Fft.rfft(NdArray.real(SIGNAL, 16, 256), null, -1, null, workers).data();
      case 1 -> Fft.irfft(Fft.rfft(NdArray.real(SIGNAL, 16, 256), null, -1, null, workers),
          256, -1, null, workers).data();
      case 2 -> Linalg.inv(NdArray.real(SMALL, 8, 8, 8), true, workers).data();
      case 3 -> Linalg.inv(NdArray.real(MEDIUM, 64, 64), true, workers).data();
      case 4 -> Linalg.matmul(NdArray.real(SQUARE, 96, 96), NdArray.real(SQUARE, 96, 96),
          workers).data();
      case 5 -> Signal.fftconvolve(SIGNAL, KERNEL, "full");
      default -> Linalg.det(NdArray.real(DETS, 4, 40, 40), true, workers).data();
    };
  }

  private static double[] random(int size, long seed) {
    Random random = new Random(seed);
    double[] x = new double[size];
    for (int i = 0; i < size; i++) {
      x[i] = random.nextGaussian();
    }
    return x;
  }

  /** {@code count} random n x n matrices with n added on the diagonal: well conditioned. */
  private static double[] diagonallyDominant(int count, int n, long seed) {
    double[] a = random(count * n * n, seed);
    for (int m = 0; m < count; m++) {
      for (int i = 0; i < n; i++) {
        a[m * n * n + i * n + i] += n;
      }
    }
    return a;
  }
}
