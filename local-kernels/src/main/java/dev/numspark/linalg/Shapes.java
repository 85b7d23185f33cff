package dev.numspark.linalg;

import dev.numspark.array.NdArray;
import java.util.Arrays;

/** Shape checks, batch broadcasting and SciPy-worded argument errors. */
final class Shapes {
  private Shapes() {}

  static int[] batch(int[] shape, int coreDims) {
    return Arrays.copyOf(shape, shape.length - coreDims);
  }

  static int[] concat(int[] batch, int... core) {
    int[] out = Arrays.copyOf(batch, batch.length + core.length);
    System.arraycopy(core, 0, out, batch.length, core.length);
    return out;
  }

  static int count(int[] batch) {
    return (int) NdArray.elementCount(batch);
  }

  /** Requires a real array of at least two dimensions whose last two are equal; returns n. */
  static int square(NdArray a) {
    real(a);
    return squareAny(a);
  }

  /** As {@link #square} for real or complex arrays. */
  static int squareAny(NdArray a) {
    if (a.ndim() < 2) {
      throw new IllegalArgumentException("Expected at least ndim=2, got a1.ndim=" + a.ndim());
    }
    int[] s = a.shape();
    if (s[s.length - 1] != s[s.length - 2]) {
      throw new IllegalArgumentException(
          "Expected square matrix, got a1.shape=" + NdArray.shapeTuple(s));
    }
    return s[s.length - 1];
  }

  /** Requires at least two dimensions. */
  static void matrix(NdArray a) {
    real(a);
    matrixAny(a);
  }

  /** As {@link #matrix} for real or complex arrays. */
  static void matrixAny(NdArray a) {
    if (a.ndim() < 2) {
      throw new IllegalArgumentException("expected a 2-D array (or a batch of them), got shape "
          + NdArray.shapeTuple(a.shape()));
    }
  }

  static void real(NdArray a) {
    if (a.isComplex()) {
      throw new IllegalArgumentException("complex input is not supported by numspark.linalg "
          + "(float64 only); got " + a);
    }
  }

  /** numpy's broadcast of two batch shapes. */
  static int[] broadcast(int[] s1, int[] s2) {
    int n = Math.max(s1.length, s2.length);
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      int d1 = i < n - s1.length ? 1 : s1[i - (n - s1.length)];
      int d2 = i < n - s2.length ? 1 : s2[i - (n - s2.length)];
      if (d1 != d2 && d1 != 1 && d2 != 1) {
        throw new IllegalArgumentException("shape mismatch: objects cannot be broadcast to a "
            + "single shape. Mismatch is between batch shapes " + NdArray.shapeTuple(s1) + " and "
            + NdArray.shapeTuple(s2) + ".");
      }
      out[i] = d1 == 1 ? d2 : d1;
    }
    return out;
  }

  /**
   * For every flat index of {@code target} (a broadcast of {@code own}), the index of the matrix of
   * {@code own} it reads: size-1 and missing dimensions repeat.
   */
  static int[] broadcastIndex(int[] own, int[] target) {
    int count = count(target);
    int[] index = new int[count];
    int lead = target.length - own.length;
    int[] counter = new int[target.length];
    for (int flat = 0; flat < count; flat++) {
      int i = 0;
      for (int d = lead; d < target.length; d++) {
        int od = own[d - lead];
        i = i * od + (od == 1 ? 0 : counter[d]);
      }
      index[flat] = i;
      for (int d = target.length - 1; d >= 0; d--) {
        if (++counter[d] < target[d]) {
          break;
        }
        counter[d] = 0;
      }
    }
    return index;
  }

  /** SciPy's check_finite: every value must be finite. */
  static void checkFinite(boolean check, NdArray... arrays) {
    if (!check) {
      return;
    }
    for (NdArray a : arrays) {
      if (a == null) {
        continue;
      }
      for (double v : a.data()) {
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException("array must not contain infs or NaNs");
        }
      }
    }
  }
}
