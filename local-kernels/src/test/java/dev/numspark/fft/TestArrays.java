package dev.numspark.fft;

import dev.numspark.array.NdArray;
import java.util.SplittableRandom;

/** Test data and a reference transform shared by the engine tests. */
public final class TestArrays {
  private TestArrays() {}

  /** An array of the shape with values uniform in [-0.5, 0.5) from {@code seed}. */
  public static NdArray uniform(boolean complex, long seed, int... shape) {
    SplittableRandom r = new SplittableRandom(seed);
    int size = 1;
    for (int d : shape) {
      size *= d;
    }
    double[] d = new double[(complex ? 2 : 1) * size];
    for (int i = 0; i < d.length; i++) {
      d[i] = r.nextDouble() - 0.5;
    }
    return complex ? NdArray.complex(d, shape) : NdArray.real(d, shape);
  }

  /**
   * The naive DFT of each row of a complex 2-d array: X_k = sum_j x_j exp(-+2 pi i jk/n), the
   * angle reduced exactly (jk mod n) before its cosine and sine are taken.
   */
  public static NdArray naiveDft(NdArray x, boolean forward) {
    int rows = x.shape()[0];
    int n = x.shape()[1];
    double[] in = x.data();
    double[] out = new double[2 * rows * n];
    double sign = forward ? -1 : 1;
    // cos and sin of each reduced angle once: the same values as computing them per term
    double[] cos = new double[n];
    double[] sin = new double[n];
    for (int t = 0; t < n; t++) {
      double a = sign * 2 * Math.PI * t / n;
      cos[t] = Math.cos(a);
      sin[t] = Math.sin(a);
    }
    for (int r = 0; r < rows; r++) {
      for (int k = 0; k < n; k++) {
        double re = 0;
        double im = 0;
        for (int j = 0; j < n; j++) {
          int t = (int) ((long) j * k % n);
          double xr = in[2 * (r * n + j)];
          double xi = in[2 * (r * n + j) + 1];
          re += xr * cos[t] - xi * sin[t];
          im += xr * sin[t] + xi * cos[t];
        }
        out[2 * (r * n + k)] = re;
        out[2 * (r * n + k) + 1] = im;
      }
    }
    return NdArray.complex(out, rows, n);
  }
}
