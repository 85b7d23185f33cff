package dev.numspark.array;

import java.util.Arrays;

/**
 * An n-dimensional array of float64 or complex128 values: a shape and one primitive
 * {@code double[]} in C (row-major) order. Complex values are interleaved, {@code re, im, re, im},
 * the layout JTransforms works in, so transforms need no copy to split or join parts.
 *
 * <p>The array is a view on its {@code data}: {@link #data()} returns the backing array itself
 * and the factories take the caller's array without copying. A 0-d array has shape {@code []} and
 * one element.
 */
public final class NdArray {
  private final int[] shape;
  private final double[] data;
  private final boolean complex;

  private NdArray(double[] data, int[] shape, boolean complex) {
    this.shape = shape.clone();
    this.data = data;
    this.complex = complex;
    long expected = elementCount(this.shape) * (complex ? 2 : 1);
    if (data.length != expected) {
      throw new IllegalArgumentException("data length " + data.length + " does not fit shape "
          + Arrays.toString(shape) + (complex ? " (complex, interleaved)" : ""));
    }
  }

  /** A float64 array over {@code data} (not copied). */
  public static NdArray real(double[] data, int... shape) {
    return new NdArray(data, shape, false);
  }

  /** A complex128 array over interleaved {@code re, im} pairs (not copied). */
  public static NdArray complex(double[] interleaved, int... shape) {
    return new NdArray(interleaved, shape, true);
  }

  /** A 1-d float64 array. */
  public static NdArray of(double... values) {
    return real(values, values.length);
  }

  /** Zeros of the given shape. */
  public static NdArray zeros(boolean complex, int... shape) {
    long n = elementCount(shape) * (complex ? 2 : 1);
    if (n > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("array of shape " + Arrays.toString(shape)
          + " is too large for one Java array");
    }
    return new NdArray(new double[(int) n], shape, complex);
  }

  /** The number of elements of an array of this shape (1 for a 0-d array). */
  public static long elementCount(int... shape) {
    long n = 1;
    for (int d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
      }
      n *= d;
    }
    return n;
  }

  public int[] shape() {
    return shape.clone();
  }

  public int shape(int axis) {
    return shape[normalizeAxis(axis, shape.length)];
  }

  public int ndim() {
    return shape.length;
  }

  /** The number of elements (complex elements count once). */
  public int size() {
    return (int) elementCount(shape);
  }

  public boolean isComplex() {
    return complex;
  }

  /** The backing array, in C order; complex values interleaved. Not a copy. */
  public double[] data() {
    return data;
  }

  /** This array as complex128: itself if it already is, else a copy with zero imaginary parts. */
  public NdArray toComplex() {
    if (complex) {
      return this;
    }
    double[] out = new double[data.length * 2];
    for (int i = 0; i < data.length; i++) {
      out[2 * i] = data[i];
    }
    return new NdArray(out, shape, true);
  }

  /** The same data under another shape with the same number of elements. */
  public NdArray reshape(int... newShape) {
    return new NdArray(data, newShape, complex);
  }

  /** The element at a C-order flat index (the real part for complex arrays). */
  public double real(int flatIndex) {
    return complex ? data[2 * flatIndex] : data[flatIndex];
  }

  /** The imaginary part at a C-order flat index (0 for real arrays). */
  public double imag(int flatIndex) {
    return complex ? data[2 * flatIndex + 1] : 0.0;
  }

  /**
   * Checks an axis against {@code ndim} and wraps a negative one, as numpy does.
   *
   * @throws AxisException for an axis outside {@code [-ndim, ndim)}
   */
  public static int normalizeAxis(int axis, int ndim) {
    if (axis < -ndim || axis >= ndim) {
      throw new AxisException(axis, ndim);
    }
    return axis < 0 ? axis + ndim : axis;
  }

  /** numpy's name of the element type: {@code complex128} or {@code float64}. */
  public String dtype() {
    return dtypeName(complex);
  }

  /** numpy's name of a complex or real element type. */
  public static String dtypeName(boolean complex) {
    return complex ? "complex128" : "float64";
  }

  /** A shape as Python prints a tuple: {@code (2, 3)}, {@code (3,)}, {@code ()}. */
  public static String shapeTuple(int... shape) {
    StringBuilder s = new StringBuilder("(");
    for (int i = 0; i < shape.length; i++) {
      s.append(i > 0 ? ", " : "").append(shape[i]);
    }
    return s.append(shape.length == 1 ? ",)" : ")").toString();
  }

  @Override
  public String toString() {
    return dtype() + Arrays.toString(shape);
  }
}
