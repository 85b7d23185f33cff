package dev.numspark.fft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.numspark.array.NdArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import dev.numspark.array.AxisException;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

@org.junit.jupiter.api.extension.ExtendWith(dev.numspark.fft.engine.ParallelEvenWhenSmall.class)
class FftTest {

  /** Every golden case: SciPy's result (or error message) for the same input and arguments. */
  @TestFactory
  Stream<DynamicTest> matchesScipyGoldenFiles() {
    return Golden.all().stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> check(c)));
  }

  private static void check(Golden c) throws Exception {
    GoldenCall call = GoldenCall.of(c.options());
    if (c.isValue()) {
      assertEquals(Long.parseLong(c.message()), call.nextFastLen(), c.toString());
      return;
    }
    if (c.isError()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run(c, null));
      assertEquals(c.message(), e.getMessage(), c.toString());
      return;
    }
    NdArray expected = c.expectedArray();
    NdArray got = run(c, null);
    int n = c.input() == null ? expected.size() : Tolerance.length(c.inputArray(), expected);
    Tolerance.assertClose(expected, got, n, c.toString());
    if (c.input() != null && !c.op().endsWith("shift")) {
      NdArray two = run(c, 2);
      assertArrayEquals(got.data(), two.data(), c + ": workers 1 and 2 differ");
    }
  }

  /** The case's call; {@code workers} replaces the case's own when not null. */
  private static NdArray run(Golden c, Integer workers) {
    GoldenCall call = GoldenCall.of(c.options());
    if (c.op().equals("next_fast_len")) {
      return NdArray.of(call.nextFastLen());
    }
    if (c.input() == null) {
      return call.frequencies(c.op());
    }
    NdArray x = c.inputArray();
    double[] before = x.data().clone();
    NdArray y = workers == null ? call.apply(c.op(), x) : call.apply(c.op(), x, workers);
    assertArrayEquals(before, x.data(), "the input must not be modified");
    assertTrue(y != x || c.op().endsWith("n"), "a new array unless no axis is transformed");
    return y;
  }

  private static NdArray random(boolean complex, long seed, int... shape) {
    Random r = new Random(seed);
    double[] d = new double[(int) NdArray.elementCount(shape) * (complex ? 2 : 1)];
    for (int i = 0; i < d.length; i++) {
      d[i] = r.nextGaussian();
    }
    return complex ? NdArray.complex(d, shape) : NdArray.real(d, shape);
  }

  /** Splitting lines across threads must not change a single bit, on either axis. */
  @Test
  void workersDoNotChangeResultsOnLargerArrays() {
    NdArray x = random(true, 1, 37, 1009);
    NdArray r = random(false, 2, 40, 96);
    for (int axis : new int[] {0, 1}) {
      assertArrayEquals(Fft.fft(x, null, axis, null, 1).data(),
          Fft.fft(x, null, axis, null, 2).data());
      assertArrayEquals(Fft.rfft(r, 50, axis, "ortho", 1).data(),
          Fft.rfft(r, 50, axis, "ortho", 2).data());
      assertArrayEquals(Fft.dct(r, 4, null, axis, null, 1, null).data(),
          Fft.dct(r, 4, null, axis, null, 3, null).data());
    }
    assertArrayEquals(Fft.fftn(x, null, null, null, 1).data(),
        Fft.fftn(x, null, null, null, 2).data());
  }

  /** irfft(rfft(x), n) = x and ifft(fft(x)) = x: the pairs are inverses for every norm. */
  @Test
  void inversePairsRoundTrip() {
    NdArray x = random(false, 3, 6, 1009);
    NdArray c = random(true, 4, 6, 105);
    for (String norm : new String[] {null, "ortho", "forward"}) {
      NdArray back = Fft.irfft(Fft.rfft(x, null, -1, norm, null), 1009, -1, norm, null);
      Tolerance.assertClose(x, back, 1009, "irfft(rfft) " + norm);
      Tolerance.assertClose(c, Fft.ifft(Fft.fft(c, null, 0, norm, null), null, 0, norm, null),
          105, "ifft(fft) " + norm);
      for (int type = 1; type <= 4; type++) {
        NdArray y = Fft.dst(x, type, null, -1, norm, null, null);
        Tolerance.assertClose(x, Fft.idst(y, type, null, -1, norm, null, null), 1009,
            "idst(dst) type " + type + " " + norm);
      }
    }
  }

  /** The DFT of a unit impulse is all ones; the double[] overloads use the interleaved layout. */
  @Test
  void doubleArrayOverloadsAreInterleaved() {
    assertArrayEquals(new double[] {1, 0, 1, 0, 1, 0, 1, 0}, Fft.fft(new double[] {1, 0, 0, 0}));
    // a constant 2 has only a zero-frequency component 2n
    assertArrayEquals(new double[] {6, 0, 0, 0}, Fft.rfft(new double[] {2, 2, 2}), 1e-15);
    assertArrayEquals(new double[] {2, 2, 2}, Fft.irfft(new double[] {6, 0, 0, 0}, 3), 1e-15);
    double[] c = {1, 2, 3, 4, 5, 6};
    assertArrayEquals(Fft.fft(NdArray.complex(c, 3)).data(), Fft.fftComplex(c));
    assertArrayEquals(c, Fft.ifft(Fft.fftComplex(c)), 1e-14);
    assertThrows(FftArgumentException.class, () -> Fft.ifft(new double[] {1, 2, 3}));
  }

  @Test
  void axisOutsideTheArrayIsAnAxisException() {
    NdArray x = random(false, 5, 3, 4);
    AxisException e = assertThrows(AxisException.class, () -> Fft.fft(x, null, 2, null, null));
    assertEquals("axis 2 is out of bounds for array of dimension 2", e.getMessage());
    assertThrows(AxisException.class, () -> Fft.dct(x, 2, null, -3, null, null, null));
    assertThrows(AxisException.class, () -> Fft.fftshift(x, 5));
  }

  /** Many threads sharing the cached plans get the same bits as one thread alone. */
  @Test
  void concurrentCallersShareCachedPlans() throws Exception {
    NdArray x = random(false, 6, 16, 1009);
    double[] expected = Fft.rfft(x).data();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<double[]>> results = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        results.add(pool.submit(() -> Fft.rfft(x, null, -1, null, 2).data()));
      }
      for (Future<double[]> f : results) {
        assertArrayEquals(expected, f.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
  /**
   * rfftParts gives rfft's numbers bit for bit, split into re and im, for every length class
   * (1, 2, odd, prime, powers of two), padding, truncation and norm; scratch longer than needed
   * and stale data past the signal do not leak into the result.
   */
  @Test
  void rfftPartsEqualsRfftBitForBit() {
    Random r = new Random(7);
    for (int length : new int[] {1, 2, 3, 4, 5, 8, 15, 16, 17, 105, 1009, 4096}) {
      double[] x = new double[length];
      for (int i = 0; i < length; i++) {
        x[i] = r.nextGaussian();
      }
      for (Integer n : new Integer[] {null, 1, 2, length + 3, Math.max(1, length / 2)}) {
        for (String norm : new String[] {null, "ortho", "forward"}) {
          double[] expected = Fft.rfft(NdArray.real(x, length), n, -1, norm, 1).data();
          int len = n == null ? length : n;
          double[] work = new double[Math.max(len, length) + 5];
          java.util.Arrays.fill(work, Double.NaN);
          System.arraycopy(x, 0, work, 0, length);
          double[] re = new double[len / 2 + 3];
          double[] im = new double[len / 2 + 3];
          int bins = Fft.rfftParts(work, length, n, norm, re, im);
          assertEquals(expected.length / 2, bins);
          // the offset form: both parts in one buffer, behind a gap
          double[] both = new double[3 + 2 * bins];
          System.arraycopy(x, 0, work, 0, length);
          assertEquals(bins, Fft.rfftParts(work, length, n, norm, both, 3 + bins, both, 3));
          for (int k = 0; k < bins; k++) {
            assertEquals(Double.doubleToRawLongBits(re[k]),
                Double.doubleToRawLongBits(both[3 + bins + k]));
            assertEquals(Double.doubleToRawLongBits(im[k]), Double.doubleToRawLongBits(both[3 + k]));
          }
          for (int k = 0; k < bins; k++) {
            String where = "length " + length + " n " + n + " norm " + norm + " bin " + k;
            assertEquals(Double.doubleToRawLongBits(expected[2 * k]),
                Double.doubleToRawLongBits(re[k]), where + " re");
            assertEquals(Double.doubleToRawLongBits(expected[2 * k + 1]),
                Double.doubleToRawLongBits(im[k]), where + " im");
          }
        }
      }
    }
  }

  @Test
  void rfftPartsRejectsBadLengthsAndShortBuffers() {
    double[] work = new double[8];
    FftArgumentException zero = assertThrows(FftArgumentException.class,
        () -> Fft.rfftParts(work, 8, 0, null, new double[5], new double[5]));
    assertEquals("invalid number of data points (0) specified", zero.getMessage());
    assertThrows(FftArgumentException.class,
        () -> Fft.rfftParts(work, 8, null, "sideways", new double[5], new double[5]));
    // n = 16 needs 16 doubles of work; 8 frequencies need 5 slots in re and im
    assertThrows(IllegalArgumentException.class,
        () -> Fft.rfftParts(work, 8, 16, null, new double[9], new double[9]));
    assertThrows(IllegalArgumentException.class,
        () -> Fft.rfftParts(work, 8, null, null, new double[4], new double[5]));
    assertThrows(IllegalArgumentException.class,
        () -> Fft.rfftParts(work, 9, null, null, new double[5], new double[5]));
    assertThrows(IllegalArgumentException.class,
        () -> Fft.rfftParts(work, 8, null, null, new double[9], 5, new double[5], 0));
  }

  /** One of the transforms that take {@code out}, called with or without it. */
  private interface OutOp {
    NdArray apply(NdArray x, Integer n, int axis, Integer workers, NdArray out);
  }

  private static final String[] OUT_NAMES = {"fft", "ifft", "rfft", "ihfft", "irfft", "hfft"};
  private static final OutOp[] OUT_OPS = {
      (x, n, a, w, o) -> Fft.fft(x, n, a, null, w, o),
      (x, n, a, w, o) -> Fft.ifft(x, n, a, "ortho", w, o),
      (x, n, a, w, o) -> Fft.rfft(x, n, a, null, w, o),
      (x, n, a, w, o) -> Fft.ihfft(x, n, a, "forward", w, o),
      (x, n, a, w, o) -> Fft.irfft(x, n, a, null, w, o),
      (x, n, a, w, o) -> Fft.hfft(x, n, a, null, w, o)};

  private static boolean realInput(String op) {
    return op.equals("rfft") || op.equals("ihfft");
  }

  private static NdArray filled(NdArray like, double value) {
    double[] d = new double[like.data().length];
    java.util.Arrays.fill(d, value);
    return like.isComplex() ? NdArray.complex(d, like.shape()) : NdArray.real(d, like.shape());
  }

  /**
   * out= gets exactly the bits of a new result, however dirty it was (NaN everywhere: padding and
   * imaginary parts must be written, not assumed zero), on every path: the block engine (20 lines),
   * the single-line engine (3 lines), JTransforms (length 15 on 3 lines), Bluestein (1009),
   * both axes, padding and truncation, 1 and 2 workers.
   */
  @Test
  void outReceivesTheBitsOfANewResult() {
    int[][] shapes = {{20, 64}, {3, 256}, {3, 15}, {20, 1009}, {9, 4096}};
    for (int i = 0; i < OUT_OPS.length; i++) {
      String name = OUT_NAMES[i];
      for (int[] shape : shapes) {
        for (int axis : new int[] {-1, 0}) {
          NdArray x = random(!realInput(name), shape[0] + shape[1], shape);
          int len = shape[axis < 0 ? 1 : 0];
          for (Integer n : new Integer[] {null, len + 5, Math.max(2, len - 3)}) {
            for (int workers = 1; workers <= 2; workers++) {
              String what = name + " " + java.util.Arrays.toString(shape) + " axis " + axis
                  + " n " + n + " workers " + workers;
              NdArray expected = OUT_OPS[i].apply(x, n, axis, workers, null);
              NdArray out = filled(expected, Double.NaN);
              NdArray got = OUT_OPS[i].apply(x, n, axis, workers, out);
              assertTrue(got == out, what + ": returns out");
              assertArrayEquals(expected.data(), out.data(), what);
            }
          }
        }
      }
    }
  }

  /**
   * out may be the input: fft/ifft in place on the engine (which reads a block before writing it)
   * and elsewhere (through a copy), and an irfft whose real output shares the spectrum's array.
   */
  @Test
  void outMayBeTheInput() {
    for (int[] shape : new int[][] {{20, 64}, {3, 256}, {3, 15}, {16, 1009}}) {
      for (int axis : new int[] {-1, 0}) {
        for (int workers = 1; workers <= 2; workers++) {
          String what = java.util.Arrays.toString(shape) + " axis " + axis + " workers " + workers;
          NdArray x = random(true, shape[1], shape);
          NdArray copy = NdArray.complex(x.data().clone(), shape);
          double[] expected = Fft.fft(copy, null, axis, null, workers).data();
          assertTrue(Fft.fft(x, null, axis, null, workers, x) == x, what);
          assertArrayEquals(expected, x.data(), "fft " + what);
          expected = Fft.ifft(copy, null, axis, null, workers).data();
          Fft.ifft(copy, null, axis, null, workers, copy);
          assertArrayEquals(expected, copy.data(), "ifft " + what);
        }
      }
    }
    // irfft to n = 2m: the real result has as many doubles as the complex input
    NdArray spectrum = random(true, 5, 20, 33);
    double[] expected = Fft.irfft(spectrum, 66, -1, null, 2).data();
    NdArray alias = NdArray.real(spectrum.data(), 20, 66);
    Fft.irfft(spectrum, 66, -1, null, 2, alias);
    assertArrayEquals(expected, alias.data());
  }

  /** An out of the wrong shape or dtype is refused (numpy's words) and left as it was. */
  @Test
  void outOfTheWrongShapeOrDtypeIsRefused() {
    NdArray x = random(false, 3, 4, 8);
    NdArray shape = filled(NdArray.zeros(true, 4, 8), 7.0);
    FftArgumentException e = assertThrows(FftArgumentException.class,
        () -> Fft.rfft(x, null, -1, null, 1, shape));
    assertEquals("output array has wrong shape: (4, 8), the result's is (4, 5)", e.getMessage());
    NdArray dtype = filled(NdArray.zeros(false, 4, 5), 7.0);
    e = assertThrows(FftArgumentException.class, () -> Fft.rfft(x, null, -1, null, 1, dtype));
    assertEquals("output array has wrong dtype: float64, the result is complex128",
        e.getMessage());
    NdArray real = filled(NdArray.zeros(true, 4, 8), 7.0);
    e = assertThrows(FftArgumentException.class,
        () -> Fft.irfft(Fft.rfft(x), null, -1, null, 1, real));
    assertEquals("output array has wrong dtype: complex128, the result is float64",
        e.getMessage());
    e = assertThrows(FftArgumentException.class,
        () -> Fft.fft(NdArray.of(1, 2, 3), null, -1, null, 1, NdArray.zeros(true, 4)));
    assertEquals("output array has wrong shape: (4,), the result's is (3,)", e.getMessage());
    for (NdArray untouched : new NdArray[] {shape, dtype, real}) {
      for (double v : untouched.data()) {
        assertEquals(7.0, v);
      }
    }
  }
}
