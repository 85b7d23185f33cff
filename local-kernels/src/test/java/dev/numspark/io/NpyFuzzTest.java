package dev.numspark.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.numspark.array.NdArray;
import dev.numspark.fft.Fft;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Part of the reliability suite: the .npy reader against broken input. Every input either reads
 * (consistently: its data fits its shape) or fails with an {@link NpyFormatException} naming the
 * file, never another exception, an OutOfMemoryError or a hang; and a read-compute-write pipeline
 * given a broken file leaves nothing in its output directory. Bounded and seeded, so the run is
 * reproducible and takes about a second.
 */
class NpyFuzzTest {

  private static final long SEED = 20;
  private int tried;
  private int refused;

  @TempDir
  Path dir;

  @Test
  void everyBrokenInputGivesANamedErrorAndNoOutput() throws IOException {
    List<byte[]> bases = bases();
    for (byte[] base : bases) {
      for (int length = 0; length < base.length; length++) {
        expectRefused(java.util.Arrays.copyOf(base, length), "truncated to " + length);
      }
    }
    Random random = new Random(SEED);
    for (byte[] base : bases) {
      for (int i = 0; i < 400; i++) {
        byte[] mutated = base.clone();
        int flips = 1 + random.nextInt(3);
        for (int f = 0; f < flips; f++) {
          // Mostly in the preamble and header, where a flipped byte changes the meaning.
          int at = random.nextInt(Math.min(mutated.length, 128));
          mutated[at] = (byte) random.nextInt(256);
        }
        readOrRefuse(mutated, "mutation " + i);
      }
    }
    for (String header : corruptHeaders()) {
      expectRefused(file(1, header, new byte[64]), header);
    }
    for (String shape : List.of("(2147483647, 2147483647, 2147483647)",
        "(65536, 65536, 65536, 65536)", "(4294967296,)", "(2147483647,)", "(100000, 100000)",
        "(3037000500, 3037000500)", "(-1,)", "(1, -5)", "(9223372036854775807,)")) {
      expectRefused(file(1, dict("<f8", shape), new byte[64]), "shape " + shape);
    }
    for (String descr : List.of("<U10", "|O", "<M8[ns]", "<m8[s]", "<f2", "<f16", "<c32",
        "|V8", ">i16", "<i3", "|S4", "<b2", "xf8", "<q8", "", "<")) {
      expectRefused(file(1, dict(descr, "(2,)"), new byte[64]), "dtype " + descr);
    }
    for (int version : new int[] {0, 4, 9, 255}) {
      expectRefused(file(version, dict("<f8", "(2,)"), new byte[16]), "version " + version);
    }
    System.out.println("npy fuzz: " + tried + " inputs tried, " + refused
        + " refused with NpyFormatException, none with another error, no output left behind");
    assertTrue(refused > 1000, "refused " + refused);
  }

  /** Version 2 and 3 headers (4-byte length; version 3 in UTF-8) read as version 1 does. */
  @Test
  void versionTwoAndThreeHeadersRead() throws IOException {
    byte[] data = doubles(1.5, -2.0, 3.25);
    NdArray v1 = Npy.read(new java.io.ByteArrayInputStream(file(1, dict("<f8", "(3,)"), data)));
    for (int version : new int[] {2, 3}) {
      NdArray read = Npy.read(new java.io.ByteArrayInputStream(
          file(version, dict("<f8", "(3,)") + " # caf\u00e9", data)));
      assertArrayEquals(v1.data(), read.data(), "version " + version);
      assertArrayEquals(new int[] {3}, read.shape());
    }
    byte[] v3 = file(3, dict("<f8", "(3,)"), data);
    for (int length = 0; length < v3.length; length++) {
      expectRefused(java.util.Arrays.copyOf(v3, length), "version 3 truncated to " + length);
    }
  }

  private void readOrRefuse(byte[] bytes, String what) throws IOException {
    tried++;
    try {
      NdArray array = Npy.read(new java.io.ByteArrayInputStream(bytes));
      long elements = NdArray.elementCount(array.shape()) * (array.isComplex() ? 2 : 1);
      assertEquals(elements, array.data().length, what);
    } catch (NpyFormatException e) {
      refused++;
      assertTrue(e.getMessage().startsWith("<stream>: "), e.getMessage());
    } catch (RuntimeException | OutOfMemoryError e) {
      fail(what + ": " + e, e);
    }
  }

  /** The input must be refused, and a pipeline reading it must leave no output behind. */
  private void expectRefused(byte[] bytes, String what) throws IOException {
    tried++;
    Path in = dir.resolve("in.npy");
    Path out = dir.resolve("out.npy");
    Files.write(in, bytes);
    try {
      Npy.write(out, Fft.fft(Npy.read(in)));
      fail(what + ": read as a valid file");
    } catch (NpyFormatException e) {
      refused++;
      assertTrue(e.getMessage().startsWith(in + ": "), what + ": " + e.getMessage());
    } catch (RuntimeException | OutOfMemoryError e) {
      fail(what + ": " + e, e);
    }
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(List.of(in), left.toList(), what + ": output left behind");
    }
  }

  /** Valid files of several dtypes, orders and ranks. */
  private static List<byte[]> bases() throws IOException {
    List<byte[]> bases = new ArrayList<>();
    ByteArrayOutputStream real = new ByteArrayOutputStream();
    Npy.write(real, NdArray.real(new double[] {1, 2, 3, 4, 5, 6}, 2, 3));
    bases.add(real.toByteArray());
    ByteArrayOutputStream complex = new ByteArrayOutputStream();
    Npy.write(complex, NdArray.complex(new double[] {1, -1, 2, -2}, 2));
    bases.add(complex.toByteArray());
    ByteArrayOutputStream scalar = new ByteArrayOutputStream();
    Npy.write(scalar, NdArray.real(new double[] {7}));
    bases.add(scalar.toByteArray());
    bases.add(file(1, "{'descr': '>i4', 'fortran_order': True, 'shape': (2, 2), }",
        ByteBuffer.allocate(16).putInt(1).putInt(2).putInt(3).putInt(4).array()));
    bases.add(file(2, dict("<c8", "(2,)"), new byte[16]));
    bases.add(file(3, dict("|u1", "(4,)"), new byte[] {1, 2, 3, (byte) 250}));
    return bases;
  }

  private static List<String> corruptHeaders() {
    return List.of("", "{}", "{'descr': '<f8', 'shape': (2,), }",
        "{'fortran_order': False, 'shape': (2,), }", "{'descr': '<f8', 'fortran_order': False, }",
        "{'descr': '<f8', 'fortran_order': Maybe, 'shape': (2,), }",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (two,), }",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (2,, }",
        "{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (2,), }",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (1.5,), }",
        "not a dictionary at all", "\u0000\u0000\u0000\u0000");
  }

  private static String dict(String descr, String shape) {
    return "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
  }

  /** A .npy file of the given version with {@code header} padded to 64 bytes, then {@code data}. */
  static byte[] file(int version, String header, byte[] data) {
    byte[] text = header.getBytes(version == 3 ? StandardCharsets.UTF_8
        : StandardCharsets.ISO_8859_1);
    int preamble = version >= 2 && version <= 3 ? 12 : 10;
    int total = (preamble + text.length + 1 + 63) / 64 * 64;
    ByteBuffer out = ByteBuffer.allocate(total + data.length).order(ByteOrder.LITTLE_ENDIAN);
    out.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) version, 0});
    if (preamble == 12) {
      out.putInt(total - preamble);
    } else {
      out.putShort((short) (total - preamble));
    }
    out.put(text);
    while (out.position() < total - 1) {
      out.put((byte) ' ');
    }
    out.put((byte) '\n');
    out.put(data);
    return out.array();
  }

  private static byte[] doubles(double... values) {
    ByteBuffer out = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (double v : values) {
      out.putDouble(v);
    }
    return out.array();
  }
}
