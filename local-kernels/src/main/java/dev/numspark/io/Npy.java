package dev.numspark.io;

import dev.numspark.array.NdArray;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes NumPy {@code .npy} files (format versions 1.0 to 3.0).
 *
 * <p>Written by hand: the Java .npy libraries on Maven Central read no complex128 data and do not
 * handle Fortran order, both of which SciPy users hand us. Reading accepts real and complex
 * floats, signed and unsigned integers and booleans of either byte order, in C or Fortran order,
 * and converts them to float64 or complex128 as SciPy's kernels do; any other dtype (objects,
 * strings, structured records) is refused with its name. Writing produces {@code <f8} or
 * {@code <c16} in C order, and replaces the target only once the whole file is written.
 */
public final class Npy {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  private Npy() {}

  /** Reads a .npy file as float64 or complex128 in C order. */
  public static NdArray read(Path path) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(path.toString(), null, "no such file");
    }
    return parse(bytes, path.toString());
  }

  /** Reads a .npy stream as float64 or complex128 in C order. */
  public static NdArray read(InputStream in) throws IOException {
    return parse(in.readAllBytes(), "<stream>");
  }

  private static NdArray parse(byte[] bytes, String name) throws NpyFormatException {
    ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (bytes.length < 10) {
      throw new NpyFormatException(name + ": not a .npy file (too short)");
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (bytes[i] != MAGIC[i]) {
        throw new NpyFormatException(name + ": not a .npy file (bad magic string)");
      }
    }
    int major = bytes[6] & 0xff;
    int headerLength;
    int headerStart;
    if (major == 1) {
      headerLength = buf.getShort(8) & 0xffff;
      headerStart = 10;
    } else if (major == 2 || major == 3) {
      if (bytes.length < 12) {
        throw new NpyFormatException(name + ": truncated .npy header");
      }
      headerLength = buf.getInt(8);
      headerStart = 12;
    } else {
      throw new NpyFormatException(name + ": unsupported .npy format version " + major);
    }
    if (headerLength < 0 || headerStart + (long) headerLength > bytes.length) {
      throw new NpyFormatException(name + ": truncated .npy header");
    }
    String header = new String(bytes, headerStart, headerLength,
        major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    String descr = group(DESCR, header, "descr", name);
    boolean fortran = group(FORTRAN, header, "fortran_order", name).equals("True");
    int[] shape = parseShape(group(SHAPE, header, "shape", name), name);
    Dtype dtype = Dtype.parse(descr, name);

    long count = elementCount(shape, name);
    long doubles = count * (dtype.complex ? 2 : 1);
    if (doubles > Integer.MAX_VALUE - 8) {
      throw new NpyFormatException(name + ": array of " + count + " elements is too large");
    }
    int dataStart = headerStart + headerLength;
    long needed = count * dtype.itemSize;
    if (bytes.length - (long) dataStart < needed) {
      throw new NpyFormatException(name + ": truncated data (expected " + needed + " bytes, found "
          + (bytes.length - dataStart) + ")");
    }
    ByteBuffer data = ByteBuffer.wrap(bytes, dataStart, (int) needed).slice().order(dtype.order);
    double[] values = new double[(int) doubles];
    dtype.decode(data, values);
    if (fortran && shape.length > 1) {
      values = fortranToC(values, shape, dtype.complex ? 2 : 1);
    }
    return dtype.complex ? NdArray.complex(values, shape) : NdArray.real(values, shape);
  }

  /**
   * The element count of a header's shape, refused once it passes what one Java array holds: a
   * plain product of several large dimensions wraps around a long (to 0 or a negative count).
   */
  private static long elementCount(int[] shape, String name) throws NpyFormatException {
    for (int d : shape) {
      if (d == 0) {
        return 0; // numpy's empty arrays, whatever the other dimensions
      }
    }
    long count = 1;
    for (int d : shape) {
      count *= d;
      if (count > Integer.MAX_VALUE) {
        throw new NpyFormatException(name + ": array of shape " + NdArray.shapeTuple(shape)
            + " is too large");
      }
    }
    return count;
  }

  private static String group(Pattern p, String header, String key, String name)
      throws NpyFormatException {
    Matcher m = p.matcher(header);
    if (!m.find()) {
      throw new NpyFormatException(name + ": .npy header has no valid '" + key + "' entry");
    }
    return m.group(1);
  }

  private static int[] parseShape(String text, String name) throws NpyFormatException {
    List<Integer> dims = new ArrayList<>();
    for (String part : text.split(",")) {
      String t = part.trim();
      if (t.isEmpty()) {
        continue;
      }
      try {
        long d = Long.parseLong(t.endsWith("L") ? t.substring(0, t.length() - 1) : t);
        if (d < 0 || d > Integer.MAX_VALUE) {
          throw new NpyFormatException(name + ": bad dimension " + t + " in shape");
        }
        dims.add((int) d);
      } catch (NumberFormatException e) {
        throw new NpyFormatException(name + ": bad dimension '" + t + "' in shape");
      }
    }
    return dims.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Reorders column-major values (each {@code width} doubles) into row-major order. */
  private static double[] fortranToC(double[] values, int[] shape, int width) {
    int nd = shape.length;
    int count = (int) NdArray.elementCount(shape);
    double[] out = new double[values.length];
    int[] index = new int[nd];
    int[] fStrides = new int[nd];
    fStrides[0] = 1;
    for (int d = 1; d < nd; d++) {
      fStrides[d] = fStrides[d - 1] * shape[d - 1];
    }
    for (int c = 0; c < count; c++) {
      int f = 0;
      for (int d = 0; d < nd; d++) {
        f += index[d] * fStrides[d];
      }
      System.arraycopy(values, f * width, out, c * width, width);
      for (int d = nd - 1; d >= 0; d--) {
        if (++index[d] < shape[d]) {
          break;
        }
        index[d] = 0;
      }
    }
    return out;
  }

  /**
   * Writes {@code array} as {@code <f8} or {@code <c16} in C order. The file appears whole or not at
   * all: it is written beside the target and moved into place.
   */
  public static void write(Path path, NdArray array) throws IOException {
    Path absolute = path.toAbsolutePath();
    Path dir = absolute.getParent();
    if (!Files.isDirectory(dir)) {
      // name the user's file, not the hidden temporary one the failure would name
      throw new NoSuchFileException(absolute.toString(), null, "no directory " + dir);
    }
    Path tmp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        write(out, array);
      }
      try {
        Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Writes {@code array} to a stream as {@code <f8} or {@code <c16}, C order. */
  public static void write(OutputStream out, NdArray array) throws IOException {
    out.write(header(array));
    double[] data = array.data();
    ByteBuffer chunk = ByteBuffer.allocate(8 * 8192).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < data.length; i += 8192) {
      chunk.clear();
      int end = Math.min(data.length, i + 8192);
      chunk.asDoubleBuffer().put(data, i, end - i);
      out.write(chunk.array(), 0, (end - i) * 8);
    }
  }

  private static byte[] header(NdArray array) {
    int[] shape = array.shape();
    StringBuilder dims = new StringBuilder();
    for (int d : shape) {
      dims.append(d).append(", ");
    }
    String shapeText = shape.length == 1 ? dims.substring(0, dims.length() - 1)
        : shape.length == 0 ? "" : dims.substring(0, dims.length() - 2);
    String dict = "{'descr': '" + (array.isComplex() ? "<c16" : "<f8")
        + "', 'fortran_order': False, 'shape': (" + shapeText + "), }";
    // Pad with spaces so the data starts on a 64-byte boundary, the header ending in a newline.
    int unpadded = 10 + dict.length() + 1;
    int total = (unpadded + 63) / 64 * 64;
    byte[] header = new byte[total];
    System.arraycopy(MAGIC, 0, header, 0, MAGIC.length);
    header[6] = 1;
    header[7] = 0;
    int len = total - 10;
    header[8] = (byte) (len & 0xff);
    header[9] = (byte) (len >>> 8);
    byte[] text = dict.getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(text, 0, header, 10, text.length);
    for (int i = 10 + text.length; i < total - 1; i++) {
      header[i] = ' ';
    }
    header[total - 1] = '\n';
    return header;
  }

  /** A numeric dtype and how to widen it to float64. */
  private record Dtype(char kind, int itemSize, ByteOrder order, boolean complex) {

    static Dtype parse(String descr, String name) throws NpyFormatException {
      if (descr.length() < 3) {
        throw unsupported(descr, name);
      }
      char byteOrder = descr.charAt(0);
      char kind = descr.charAt(1);
      int size;
      try {
        size = Integer.parseInt(descr.substring(2));
      } catch (NumberFormatException e) {
        throw unsupported(descr, name);
      }
      ByteOrder order = switch (byteOrder) {
        case '<', '|' -> ByteOrder.LITTLE_ENDIAN;
        case '>' -> ByteOrder.BIG_ENDIAN;
        case '=' -> ByteOrder.nativeOrder();
        default -> throw unsupported(descr, name);
      };
      boolean ok = switch (kind) {
        case 'f' -> size == 4 || size == 8;
        case 'c' -> size == 8 || size == 16;
        case 'i', 'u' -> size == 1 || size == 2 || size == 4 || size == 8;
        case 'b' -> size == 1;
        default -> false;
      };
      if (!ok) {
        throw unsupported(descr, name);
      }
      return new Dtype(kind, size, order, kind == 'c');
    }

    private static NpyFormatException unsupported(String descr, String name) {
      return new NpyFormatException(name + ": unsupported dtype '" + descr
          + "' (numspark reads float, complex, integer and bool arrays)");
    }

    void decode(ByteBuffer in, double[] out) {
      switch (kind) {
        case 'f', 'c' -> {
          if (itemSize == 8 && !complex || itemSize == 16) {
            in.asDoubleBuffer().get(out);
          } else {
            for (int i = 0; i < out.length; i++) {
              out[i] = in.getFloat(4 * i);
            }
          }
        }
        case 'b' -> {
          for (int i = 0; i < out.length; i++) {
            out[i] = in.get(i) != 0 ? 1.0 : 0.0;
          }
        }
        case 'i' -> {
          for (int i = 0; i < out.length; i++) {
            out[i] = switch (itemSize) {
              case 1 -> in.get(i);
              case 2 -> in.getShort(2 * i);
              case 4 -> in.getInt(4 * i);
              default -> in.getLong(8 * i);
            };
          }
        }
        default -> { // 'u'
          for (int i = 0; i < out.length; i++) {
            out[i] = switch (itemSize) {
              case 1 -> in.get(i) & 0xff;
              case 2 -> in.getShort(2 * i) & 0xffff;
              case 4 -> in.getInt(4 * i) & 0xffffffffL;
              default -> unsignedLong(in.getLong(8 * i));
            };
          }
        }
      }
    }

    private static double unsignedLong(long v) {
      double d = (double) (v >>> 1) * 2.0;
      return d + (v & 1);
    }
  }
}
