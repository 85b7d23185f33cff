package dev.numspark.fft;

import java.util.Arrays;

/**
 * SciPy's {@code _init_nd_shape_and_axes}: turns the {@code s} and {@code axes} arguments of the
 * n-d transforms into one length per transformed axis, with SciPy's checks and messages.
 */
final class NdShapes {
  final int[] s;
  final int[] axes;

  private NdShapes(int[] s, int[] axes) {
    this.s = s;
    this.axes = axes;
  }

  static NdShapes resolve(int[] shape, int[] s, int[] axes) {
    int ndim = shape.length;
    int[] ax = null;
    if (axes != null) {
      ax = new int[axes.length];
      for (int i = 0; i < axes.length; i++) {
        int a = axes[i] < 0 ? axes[i] + ndim : axes[i];
        if (a < 0 || a >= ndim) {
          throw new FftArgumentException("axes exceeds dimensionality of input");
        }
        ax[i] = a;
      }
      if (Arrays.stream(ax).distinct().count() != ax.length) {
        throw new FftArgumentException("all axes must be unique");
      }
    }
    int[] lengths;
    if (s != null) {
      if (ax != null && ax.length > 0 && ax.length != s.length) {
        throw new FftArgumentException(
            "when given, axes and shape arguments have to be of the same length");
      }
      if (ax == null) {
        if (s.length > ndim) {
          throw new FftArgumentException("shape requires more axes than are present");
        }
        ax = new int[s.length];
        for (int i = 0; i < s.length; i++) {
          ax[i] = ndim - s.length + i;
        }
      }
      lengths = new int[ax.length];
      for (int i = 0; i < ax.length; i++) {
        lengths[i] = s[i] == -1 ? shape[ax[i]] : s[i];
      }
    } else if (ax == null) {
      lengths = shape.clone();
      ax = new int[ndim];
      for (int i = 0; i < ndim; i++) {
        ax[i] = i;
      }
    } else {
      lengths = new int[ax.length];
      for (int i = 0; i < ax.length; i++) {
        lengths[i] = shape[ax[i]];
      }
    }
    for (int len : lengths) {
      if (len < 1) {
        throw new FftArgumentException(
            "invalid number of data points (" + Arrays.toString(lengths) + ") specified");
      }
    }
    return new NdShapes(lengths, ax);
  }
}
