package dev.numspark.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.numspark.array.NdArray;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Against files numpy wrote (golden/io/generate.py): every layout reads, writes are byte-identical. */
class NpyTest {

  static Path golden(String name) {
    try {
      return Path.of(NpyTest.class.getResource("/golden/io/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"f8_c_3d", "f8_fortran_3d", "f8_big_endian", "f4_2d", "c16_2d",
      "c16_fortran_2d", "c8_1d", "i4_1d", "i8_1d", "u1_1d", "bool_1d", "scalar_0d", "empty_2d",
      "one_1d"})
  void readsEveryLayoutAsNumpyConvertsIt(String name) throws IOException {
    NdArray actual = Npy.read(golden(name + ".npy"));
    NdArray expected = Npy.read(golden(name + ".expected.npy"));
    assertArrayEquals(expected.shape(), actual.shape());
    assertEquals(expected.isComplex(), actual.isComplex());
    assertArrayEquals(expected.data(), actual.data());
  }

  @ParameterizedTest
  @ValueSource(strings = {"f8_c_3d", "c16_2d", "scalar_0d", "empty_2d", "one_1d", "i4_1d"})
  void writesTheSameBytesAsNumpy(String name) throws IOException {
    NdArray array = Npy.read(golden(name + ".expected.npy"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Npy.write(out, array);
    assertArrayEquals(Files.readAllBytes(golden(name + ".expected.npy")), out.toByteArray());
  }

  @Test
  void valuesAreInCOrder() throws IOException {
    // base = arange(24).reshape(2, 3, 4) * 0.5 - 3.25, saved in Fortran order
    NdArray a = Npy.read(golden("f8_fortran_3d.npy"));
    assertArrayEquals(new int[] {2, 3, 4}, a.shape());
    for (int i = 0; i < 24; i++) {
      assertEquals(i * 0.5 - 3.25, a.data()[i]);
    }
  }

  @Test
  void complexValuesAreInterleaved() throws IOException {
    NdArray c = Npy.read(golden("c8_1d.npy")); // arange(5) + 1j * arange(5, 0, -1)
    assertTrue(c.isComplex());
    assertArrayEquals(new double[] {0, 5, 1, 4, 2, 3, 3, 2, 4, 1}, c.data());
  }

  @Test
  void writeIsAtomicAndRoundTrips(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("x.npy");
    NdArray array = NdArray.complex(new double[] {1, -1, 2.5, 0, Double.NaN, 3}, 3);
    Npy.write(file, array);
    NdArray back = Npy.read(file);
    assertArrayEquals(array.data(), back.data());
    assertTrue(back.isComplex());
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file left behind");
    }
  }

  @Test
  void aFailedWriteLeavesNoFile(@TempDir Path dir) {
    Path file = dir.resolve("missing-dir").resolve("x.npy");
    java.nio.file.NoSuchFileException e = assertThrows(java.nio.file.NoSuchFileException.class,
        () -> Npy.write(file, NdArray.of(1, 2)));
    assertEquals(file.toAbsolutePath().toString(), e.getFile(), "the user's path is named");
    assertFalse(Files.exists(file));
  }

  @Test
  void unsupportedDtypesAreNamed() {
    NpyFormatException str = assertThrows(NpyFormatException.class,
        () -> Npy.read(golden("unsupported_str.npy")));
    assertTrue(str.getMessage().contains("unsupported dtype '<U1'"), str.getMessage());
    NpyFormatException obj = assertThrows(NpyFormatException.class,
        () -> Npy.read(golden("unsupported_object.npy")));
    assertTrue(obj.getMessage().contains("unsupported dtype '|O'"), obj.getMessage());
  }

  @Test
  void truncatedAndForeignFilesAreRejected() {
    NpyFormatException truncated = assertThrows(NpyFormatException.class,
        () -> Npy.read(golden("truncated.npy")));
    assertTrue(truncated.getMessage().contains("truncated data"), truncated.getMessage());
    NpyFormatException foreign = assertThrows(NpyFormatException.class,
        () -> Npy.read(golden("not_npy.npy")));
    assertTrue(foreign.getMessage().contains("not a .npy file"), foreign.getMessage());
  }

  @Test
  void aMissingFileSaysSo(@TempDir Path dir) {
    IOException e = assertThrows(IOException.class, () -> Npy.read(dir.resolve("nope.npy")));
    assertTrue(e.getMessage().contains("nope.npy"), e.getMessage());
  }
}
