package dev.numspark.fft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.numspark.array.NdArray;

/**
 * FFT-appropriate closeness: each element within {@code 1e-10} relative, or within
 * {@code ULPS * eps * log2(n)} of the largest magnitude, the error bound of an FFT of length n
 * (rounding errors of an FFT grow with log n relative to the norm of the data, not per element).
 */
public final class Tolerance {
  static final double EPS = Math.ulp(1.0);
  static final double ULPS = 8;

  private Tolerance() {}

  public static void assertClose(NdArray expected, NdArray actual, int n, String what) {
    assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
    assertEquals(expected.isComplex(), actual.isComplex(), what + ": complex");
    double[] e = expected.data();
    double[] a = actual.data();
    double scale = 0;
    for (double v : e) {
      scale = Math.max(scale, Math.abs(v));
    }
    double atol = ULPS * EPS * Math.max(1.0, Math.log(Math.max(n, 2)) / Math.log(2)) * scale;
    for (int i = 0; i < e.length; i++) {
      double err = Math.abs(e[i] - a[i]);
      if (!(err <= 1e-10 * Math.abs(e[i]) || err <= atol) && !(Double.isNaN(e[i]) && Double.isNaN(a[i]))) {
        fail(what + ": element " + i + " expected " + e[i] + " got " + a[i] + " (error " + err
            + ", allowed " + atol + ")");
      }
    }
  }

  /** The largest transform length involved: the biggest dimension of input or output. */
  static int length(NdArray in, NdArray out) {
    int n = 1;
    for (int d : in.shape()) {
      n = Math.max(n, d);
    }
    for (int d : out.shape()) {
      n = Math.max(n, d);
    }
    return n;
  }
}
