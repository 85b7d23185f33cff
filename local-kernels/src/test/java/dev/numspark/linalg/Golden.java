package dev.numspark.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.numspark.array.NdArray;
import java.util.Arrays;
import dev.numspark.io.Npy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the golden files of generate.py and compares at tolerances scaled by condition. */
public final class Golden {
  static final double EPS = Math.ulp(1.0);

  private Golden() {}

  public static NdArray load(String name) {
    String resource = "/golden/linalg/" + name + ".npy";
    try (InputStream in = Golden.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing golden file " + resource);
      }
      return Npy.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean exists(String name) {
    return Golden.class.getResource("/golden/linalg/" + name + ".npy") != null;
  }

  /** rtol 1e-10, widened to 1000 * cond * eps for ill-conditioned matrices. */
  static double tolerance(double cond) {
    return Math.max(1e-10, 1000 * cond * EPS);
  }

  /**
   * Normwise per slice: max |actual - expected| &lt;= tol(cond_i) * max(|expected|, tiny) over each of
   * the {@code conds.length} slices.
   */
  static void assertClose(NdArray expected, NdArray actual, double[] conds, String what) {
    assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
    double[] e = expected.data();
    double[] a = actual.data();
    int slices = Math.max(1, conds.length);
    int per = e.length / slices;
    for (int s = 0; s < slices && per > 0; s++) {
      double tol = tolerance(conds.length == 0 ? 1 : conds[s]);
      double scale = 0;
      double err = 0;
      for (int i = s * per; i < (s + 1) * per; i++) {
        scale = Math.max(scale, Math.abs(e[i]));
        err = Math.max(err, Math.abs(a[i] - e[i]));
      }
      assertTrue(err <= tol * Math.max(scale, 1e-300),
          what + ": slice " + s + " differs by " + err + " (scale " + scale + ", tol " + tol + ")");
    }
  }

  static void assertClose(NdArray expected, NdArray actual, double tol, String what) {
    assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
    double[] e = expected.data();
    double[] a = actual.data();
    double scale = 0;
    double err = 0;
    for (int i = 0; i < e.length; i++) {
      scale = Math.max(scale, Math.abs(e[i]));
      err = Math.max(err, Math.abs(a[i] - e[i]));
    }
    assertTrue(err <= tol * Math.max(scale, 1e-300),
        what + ": differs by " + err + " (scale " + scale + ", tol " + tol + ")");
  }

  /**
   * Eigenvalues w (real or complex, batched over leading dimensions) as interleaved (re, im)
   * pairs, sorted within each matrix by real then imaginary part, as the generate.py scripts sort.
   */
  static double[] sortedPairs(NdArray w) {
    int n = w.shape(-1);
    int count = w.size() / Math.max(1, n);
    double[] out = new double[2 * w.size()];
    for (int b = 0; b < count; b++) {
      Integer[] idx = new Integer[n];
      for (int i = 0; i < n; i++) {
        idx[i] = i;
      }
      int base = b * n;
      Arrays.sort(idx, (x, y) -> {
        int r = Double.compare(w.real(base + x), w.real(base + y));
        return r != 0 ? r : Double.compare(w.imag(base + x), w.imag(base + y));
      });
      for (int i = 0; i < n; i++) {
        out[2 * (base + i)] = w.real(base + idx[i]);
        out[2 * (base + i) + 1] = w.imag(base + idx[i]);
      }
    }
    return out;
  }
}
