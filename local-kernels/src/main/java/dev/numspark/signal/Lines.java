package dev.numspark.signal;

import dev.numspark.array.NdArray;

/**
 * The 1-d lines of an array along one axis: line {@code l} is outer index {@code l / inner} and
 * inner index {@code l % inner}; its element {@code j} sits at flat index
 * {@code (outer * length + j) * inner + innerIndex}. Works on the C-order data without transposing.
 */
final class Lines {
  final int[] shape;
  final int axis;
  final int outer;
  final int length;
  final int inner;

  Lines(int[] shape, int axis) {
    this.shape = shape.clone();
    this.axis = axis;
    int o = 1;
    for (int d = 0; d < axis; d++) {
      o *= shape[d];
    }
    int in = 1;
    for (int d = axis + 1; d < shape.length; d++) {
      in *= shape[d];
    }
    this.outer = o;
    this.length = shape[axis];
    this.inner = in;
  }

  int count() {
    return outer * inner;
  }

  /** Flat index of element {@code j} of line {@code l} in an array whose axis has {@code len}. */
  int index(int line, int j, int len) {
    int o = line / inner;
    int i = line - o * inner;
    return (o * len + j) * inner + i;
  }

  /**
   * Copies line {@code l} of {@code x} into {@code re} (and {@code im} for complex input) up to
   * {@code n} samples; samples beyond the line's length are zero (SciPy's zero-padding of csd).
   */
  void read(NdArray x, int line, double[] re, double[] im, int n) {
    double[] d = x.data();
    int take = Math.min(n, length);
    int o = line / inner;
    int i = line - o * inner;
    int base = o * length * inner + i;
    if (x.isComplex()) {
      for (int j = 0; j < take; j++) {
        int k = base + j * inner;
        re[j] = d[2 * k];
        im[j] = d[2 * k + 1];
      }
    } else {
      for (int j = 0; j < take; j++) {
        re[j] = d[base + j * inner];
      }
      if (im != null) {
        java.util.Arrays.fill(im, 0, take, 0.0);
      }
    }
    java.util.Arrays.fill(re, take, n, 0.0);
    if (im != null) {
      java.util.Arrays.fill(im, take, n, 0.0);
    }
  }

  /** The shape with the axis length replaced. */
  int[] shapeWithAxis(int len) {
    int[] s = shape.clone();
    s[axis] = len;
    return s;
  }
}
