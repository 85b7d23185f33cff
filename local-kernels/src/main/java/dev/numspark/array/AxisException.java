package dev.numspark.array;

/** An axis outside an array's dimensions, with numpy's message. */
public class AxisException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public AxisException(int axis, int ndim) {
    super("axis " + axis + " is out of bounds for array of dimension " + ndim);
  }
}
