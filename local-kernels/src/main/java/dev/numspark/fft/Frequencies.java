package dev.numspark.fft;

import dev.numspark.array.NdArray;

/** {@code fftfreq}, {@code rfftfreq}, {@code fftshift}, {@code ifftshift}, {@code next_fast_len}. */
final class Frequencies {
  /** scipy refuses targets from here on ("too large to perform an FFT"). */
  static final long MAX_TARGET = 1L << 61;

  private Frequencies() {}

  /** numpy's fftfreq: integers times {@code 1 / (n d)}, computed as numpy does for equal bits. */
  static double[] fftfreq(int n, double d) {
    double val = scale(n, d);
    double[] out = new double[n];
    int positive = (n - 1) / 2 + 1;
    for (int k = 0; k < positive; k++) {
      out[k] = k * val;
    }
    for (int k = positive; k < n; k++) {
      out[k] = (k - n) * val;
    }
    return out;
  }

  static double[] rfftfreq(int n, double d) {
    double val = scale(n, d);
    double[] out = new double[n / 2 + 1];
    for (int k = 0; k < out.length; k++) {
      out[k] = k * val;
    }
    return out;
  }

  private static double scale(int n, double d) {
    if (n < 0) {
      throw new FftArgumentException("negative dimensions are not allowed");
    }
    double nd = n * d;
    if (nd == 0.0) {
      throw new FftArgumentException("float division by zero");
    }
    return 1.0 / nd;
  }

  /** Rolls every axis in {@code axes} (all when null) by {@code n/2} (fftshift) or {@code -(n/2)}. */
  static NdArray shift(NdArray x, int[] axes, boolean forward) {
    int ndim = x.ndim();
    int[] ax = axes;
    if (ax == null) {
      ax = new int[ndim];
      for (int i = 0; i < ndim; i++) {
        ax[i] = i;
      }
    }
    NdArray out = x;
    for (int a : ax) {
      int axis = NdArray.normalizeAxis(a, ndim);
      int len = x.shape()[axis];
      int shift = forward ? len / 2 : len - len / 2;
      out = roll(out, axis, shift);
    }
    return out == x ? roll(x, 0, 0) : out;
  }

  /** numpy.roll along one axis: element i moves to (i + shift) mod len. */
  private static NdArray roll(NdArray x, int axis, int shift) {
    int[] shape = x.shape();
    if (shape.length == 0) {
      return x.isComplex() ? NdArray.complex(x.data().clone()) : NdArray.real(x.data().clone());
    }
    int len = shape[axis];
    int width = x.isComplex() ? 2 : 1;
    int inner = width;
    for (int d = axis + 1; d < shape.length; d++) {
      inner *= shape[d];
    }
    int outer = 1;
    for (int d = 0; d < axis; d++) {
      outer *= shape[d];
    }
    double[] src = x.data();
    double[] dst = new double[src.length];
    if (len > 0) {
      int s = ((shift % len) + len) % len;
      for (int o = 0; o < outer; o++) {
        int base = o * len * inner;
        System.arraycopy(src, base, dst, base + s * inner, (len - s) * inner);
        System.arraycopy(src, base + (len - s) * inner, dst, base, s * inner);
      }
    }
    return x.isComplex() ? NdArray.complex(dst, shape) : NdArray.real(dst, shape);
  }

  /** pocketfft's good_size: the smallest 5-smooth (real) or 11-smooth (complex) n >= target. */
  static long nextFastLen(long target, boolean real) {
    if (target < 0) {
      throw new FftArgumentException("Target length must be positive");
    }
    if (target >= MAX_TARGET) {
      throw new FftArgumentException("Target length is too large to perform an FFT: " + target);
    }
    if (target <= 6) {
      return target;
    }
    long best = Long.highestOneBit(target - 1) << 1; // a power of two >= target
    long[] odd = real ? new long[] {3, 5} : new long[] {3, 5, 7, 11};
    return search(target, 1, 0, odd, best);
  }

  /** The best product {@code f * 2^k >= target} over odd smooth factors f, by depth-first search. */
  private static long search(long target, long f, int from, long[] primes, long best) {
    // f times the smallest power of two reaching target
    long g = f;
    while (g < target) {
      g <<= 1;
    }
    if (g < best) {
      best = g;
    }
    for (int i = from; i < primes.length; i++) {
      long next = f * primes[i];
      if (next >= best * 2 || next < 0) {
        continue;
      }
      if (next >= target) {
        if (next < best) {
          best = next;
        }
        continue;
      }
      best = search(target, next, i, primes, best);
    }
    return best;
  }
}
