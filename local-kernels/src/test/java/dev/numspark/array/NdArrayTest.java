package dev.numspark.array;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NdArrayTest {

  @Test
  void wrapsTheCallersArrayWithoutCopying() {
    double[] data = {1, 2, 3, 4, 5, 6};
    NdArray a = NdArray.real(data, 2, 3);
    assertSame(data, a.data());
    assertEquals(6, a.size());
    assertEquals(3, a.shape(-1));
  }

  @Test
  void complexIsInterleaved() {
    NdArray c = NdArray.of(1, 2).toComplex();
    assertArrayEquals(new double[] {1, 0, 2, 0}, c.data());
    assertEquals(2.0, c.real(1));
    assertEquals(0.0, c.imag(1));
    assertSame(c, c.toComplex());
  }

  @Test
  void zeroDimensionalArraysHoldOneElement() {
    assertEquals(1, NdArray.real(new double[] {3}).size());
    assertEquals(0, NdArray.zeros(false, 0, 5).size());
  }

  @Test
  void shapeMismatchesAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> NdArray.real(new double[5], 2, 3));
    assertEquals("data length 5 does not fit shape [2, 3]", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> NdArray.complex(new double[6], 6));
  }

  @Test
  void axesWrapAndAreCheckedAsNumpy() {
    assertEquals(2, NdArray.normalizeAxis(-1, 3));
    AxisException e = assertThrows(AxisException.class, () -> NdArray.normalizeAxis(3, 3));
    assertEquals("axis 3 is out of bounds for array of dimension 3", e.getMessage());
    assertThrows(AxisException.class, () -> NdArray.normalizeAxis(-4, 3));
  }

  /** Shapes and dtypes are named as numpy prints them, for error messages. */
  @Test
  void shapesAndDtypesAreNamedAsNumpy() {
    assertEquals("(2, 3)", NdArray.shapeTuple(2, 3));
    assertEquals("(3,)", NdArray.shapeTuple(3));
    assertEquals("()", NdArray.shapeTuple());
    assertEquals("complex128", NdArray.zeros(true, 2).dtype());
    assertEquals("float64", NdArray.zeros(false, 2).dtype());
    assertEquals("float64[2, 3]", NdArray.zeros(false, 2, 3).toString());
  }
}
