package dev.numspark.fft.engine;

import static dev.numspark.fft.TestArrays.naiveDft;
import static dev.numspark.fft.TestArrays.uniform;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.numspark.array.NdArray;
import dev.numspark.fft.Fft;
import dev.numspark.fft.Norm;
import dev.numspark.fft.Tolerance;
import org.junit.jupiter.api.Test;

/**
 * The Vector API block engine ({@link BlockRunner}, {@link BlockFft}, {@link BlockReal}) against
 * the JTransforms line path and a naive DFT: many lengths, batch sizes around multiples of the
 * lane count (partial last blocks), inner axes, padding and truncation, every norm, round trips,
 * and workers 1 vs 2 bit for bit. The test JVM has the Vector API module (surefire's argLine), so
 * the engine is really exercised here; the first test insists on it.
 */
@org.junit.jupiter.api.extension.ExtendWith(ParallelEvenWhenSmall.class)
class BlockFftTest {
  private static final int V = BlockRunner.lanes();
  private static final int[] LENGTHS = {1, 2, 3, 4, 6, 8, 9, 12, 16, 18, 24, 27, 32, 36, 48, 64,
      96, 128, 162, 256, 384, 512, 1024, 1536, 4096};
  private static final String[] NORMS = {"backward", "ortho", "forward"};

  @Test
  void engineIsAvailableInTheTestJvm() {
    assertTrue(FftConfig.VECTOR_ENGINE, "tests run with --add-modules=jdk.incubator.vector");
    assertTrue(V >= 2, "lanes " + V);
  }

  @Test
  void aRealLinesZeroAndNyquistBinsAreExactlyReal() {
    // pocketfft's are; with sin(-pi) = -1.2e-16 as the last twiddle, the Nyquist bin had a tiny
    // imaginary part whose sign made the spectrogram's angle -pi where SciPy gives pi
    for (int n : new int[] {8, 64, 96, 100, 4096}) {
      NdArray x = uniform(false, n, 2 * V, n);
      double[] y = Fft.rfft(x, null, -1, null, 1).data();
      int bins = n / 2 + 1;
      for (int line = 0; line < 2 * V; line++) {
        assertEquals(0.0, y[2 * (line * bins) + 1], "bin 0, n " + n);
        assertEquals(0.0, y[2 * (line * bins + bins - 1) + 1], "Nyquist, n " + n);
      }
    }
  }

  @Test
  void supportedLengthsAre7Smooth() {
    assertNotNull(BlockFft.factors(4096));
    assertNotNull(BlockFft.factors(2 * 2 * 3 * 3 * 3));
    assertNull(BlockFft.factors(11));
    assertNull(BlockFft.factors(7 * 13));
    assertNull(BlockFft.factors(1009));
    // an odd power of two: a radix 4 and the 2 become one radix 8 at 2 lanes only
    assertArrayEquals(V == 2 ? new int[] {8, 4, 3} : new int[] {4, 4, 2, 3},
        BlockFft.factors(96));
    assertArrayEquals(V == 2 ? new int[] {8, 3, 5, 5} : new int[] {4, 2, 3, 5, 5},
        BlockFft.factors(600));
    assertArrayEquals(new int[] {2, 5, 5, 5}, BlockFft.factors(250), "no 4 to join the 2");
    assertArrayEquals(new int[] {4, 3, 3, 5, 5, 7, 7}, BlockFft.factors(44100));
    // powers of two at 2 lanes: as many 8s as leave no 2 beside a 4 (2^10 = 8 8 4 4, not 8 8 8 2)
    assertArrayEquals(V == 2 ? new int[] {8, 8, 8, 8} : new int[] {4, 4, 4, 4, 4, 4},
        BlockFft.factors(4096));
    assertArrayEquals(V == 2 ? new int[] {8, 8, 4, 4} : new int[] {4, 4, 4, 4, 4},
        BlockFft.factors(1024));
    assertArrayEquals(V == 2 ? new int[] {8, 8, 8, 4, 5} : new int[] {4, 4, 4, 4, 4, 2, 5},
        BlockFft.factors(10240));
    assertArrayEquals(new int[] {2, 3}, BlockFft.factors(6), "2^1: no 8 at any width");
    assertArrayEquals(new int[] {4, 4, 3}, BlockFft.factors(48), "2^4: two 4s at any width");
    assertTrue(BlockRunner.supports(new RealForwardLineOp(12, 12, 1, false)));
    assertTrue(BlockRunner.supports(new RealForwardLineOp(1000, 1000, 1, false)));
    assertFalse(BlockRunner.supports(new RealForwardLineOp(9, 9, 1, false)), "odd real length");
    assertTrue(BlockRunner.supports(new ComplexLineOp(10, 10, true, Norm.parse(null))));
    assertFalse(BlockRunner.bluestein(1000), "5-smooth: radix 5, not Bluestein");
  }

  private static int[] batches() {
    return new int[] {V, V + 1, 2 * V - 1, 3 * V + 2};
  }

  @Test
  void complexMatchesNaiveDft() {
    for (int n : LENGTHS) {
      if (n > 512) {
        continue;
      }
      for (int rows : batches()) {
        NdArray x = uniform(true, 31L * n + rows, rows, n);
        Tolerance.assertClose(naiveDft(x, true), Fft.fft(x), n, "fft n=" + n + " rows=" + rows);
        NdArray inv = Fft.ifft(x, null, -1, "forward", 1);
        Tolerance.assertClose(naiveDft(x, false), inv, n, "ifft n=" + n + " rows=" + rows);
      }
    }
  }

  /** The same op through the JTransforms line path. */
  private static NdArray lines(NdArray x, int axis, LineOp op) {
    return AxisRunner.apply(x, axis, op, 1, false);
  }

  @Test
  void complexMatchesJTransformsWithPaddingNormsAndAxes() {
    for (int n : LENGTHS) {
      for (int rows : batches()) {
        for (String norm : NORMS) {
          for (int len : new int[] {n, n + 1, Math.max(1, n - 1)}) {
            NdArray x = uniform(true, n * 7L + rows + len, rows, len);
            for (boolean forward : new boolean[] {true, false}) {
              LineOp op = new ComplexLineOp(len, n, forward, Norm.parse(norm));
              NdArray expected = lines(x, 1, op);
              NdArray got = forward ? Fft.fft(x, n, -1, norm, 1) : Fft.ifft(x, n, -1, norm, 1);
              Tolerance.assertClose(expected, got, n,
                  "c2c n=" + n + " len=" + len + " rows=" + rows + " " + norm + " " + forward);
            }
          }
        }
      }
    }
  }

  @Test
  void innerAxesAndRealInputToComplexTransform() {
    for (int n : new int[] {1, 2, 12, 64, 96}) {
      // lines along axis 1 of [3, n, 5]: 15 strided lines, blocks straddle the outer index
      NdArray x = uniform(true, n, 3, n, 5);
      Tolerance.assertClose(lines(x, 1, new ComplexLineOp(n, n, true, Norm.parse(null))),
          Fft.fft(x, null, 1, null, 1), n, "axis 1 n=" + n);
      NdArray r = uniform(false, n + 1, 3, n, 5);
      Tolerance.assertClose(lines(r, 1, new ComplexLineOp(n, n, false, Norm.parse("ortho"))),
          Fft.ifft(r, null, 1, "ortho", 1), n, "real input axis 1 n=" + n);
      NdArray cols = uniform(true, n + 2, n, 3 * V + 1);
      Tolerance.assertClose(lines(cols, 0, new ComplexLineOp(n, n, true, Norm.parse(null))),
          Fft.fft(cols, null, 0, null, 1), n, "axis 0 n=" + n);
    }
  }

  @Test
  void realForwardMatchesJTransforms() {
    for (int n : LENGTHS) {
      if (n % 2 != 0) {
        continue;
      }
      assertRealForwardMatchesLinePath(n, batches(), 11);
    }
  }

  /**
   * rfft and ihfft of length n (also padded and truncated inputs, every norm, batches of the
   * given sizes, and along an inner axis) agree with the JTransforms line path.
   */
  private static void assertRealForwardMatchesLinePath(int n, int[] batches, long salt) {
    for (int rows : batches) {
      for (String norm : NORMS) {
        for (int len : new int[] {n, n + 3, n - 1}) {
          NdArray x = uniform(false, n * salt + rows + len, rows, len);
          Norm nm = Norm.parse(norm);
          Tolerance.assertClose(lines(x, 1, new RealForwardLineOp(len, n, nm.factor(true, n),
              false)), Fft.rfft(x, n, -1, norm, 1), n, "rfft n=" + n + " len=" + len);
          Tolerance.assertClose(lines(x, 1, new RealForwardLineOp(len, n, nm.factor(false, n),
              true)), Fft.ihfft(x, n, -1, norm, 1), n, "ihfft n=" + n + " len=" + len);
        }
      }
    }
    NdArray inner = uniform(false, n, 2, n, V + 3);
    Tolerance.assertClose(lines(inner, 1, new RealForwardLineOp(n, n, 1, false)),
        Fft.rfft(inner, null, 1, null, 1), n, "rfft axis 1 n=" + n);
  }

  @Test
  void realInverseMatchesJTransforms() {
    for (int n : LENGTHS) {
      if (n % 2 != 0) {
        continue;
      }
      assertRealInverseMatchesLinePath(n, 13);
    }
  }

  /**
   * irfft and hfft of length n (longer and shorter half spectra, every norm, batches around
   * multiples of V, real input) agree with the JTransforms line path.
   */
  private static void assertRealInverseMatchesLinePath(int n, long salt) {
    for (int rows : batches()) {
      for (String norm : NORMS) {
        for (int m : new int[] {n / 2 + 1, n / 2 + 4, Math.max(1, n / 2 - 1)}) {
          // arbitrary imaginary parts at 0 and n/2 too: both paths must ignore them
          NdArray x = uniform(true, n * salt + rows + m, rows, m);
          Norm nm = Norm.parse(norm);
          Tolerance.assertClose(lines(x, 1, new RealInverseLineOp(m, n, nm.factor(false, n),
              false)), Fft.irfft(x, n, -1, norm, 1), n, "irfft n=" + n + " m=" + m);
          Tolerance.assertClose(lines(x, 1, new RealInverseLineOp(m, n, nm.factor(true, n),
              true)), Fft.hfft(x, n, -1, norm, 1), n, "hfft n=" + n + " m=" + m);
        }
      }
    }
    NdArray r = uniform(false, n, V + 1, n / 2 + 1);
    Tolerance.assertClose(lines(r, 1, new RealInverseLineOp(n / 2 + 1, n, 1.0 / n, false)),
        Fft.irfft(r, n, -1, null, 1), n, "irfft of real input n=" + n);
  }

  @Test
  void roundTrips() {
    for (int n : new int[] {2, 6, 64, 1024, 4096}) {
      NdArray x = uniform(true, n, 2 * V + 1, n);
      Tolerance.assertClose(x, Fft.ifft(Fft.fft(x)), n, "ifft(fft) n=" + n);
      NdArray r = uniform(false, n + 5, 2 * V + 1, n);
      Tolerance.assertClose(r, Fft.irfft(Fft.rfft(r), n, -1, null, 1), n, "irfft(rfft) n=" + n);
    }
  }

  @Test
  void workersOneAndTwoAreBitwiseIdentical() {
    NdArray x = uniform(true, 5, 13 * V + 3, 1024);
    assertArrayEquals(Fft.fft(x, null, -1, null, 1).data(), Fft.fft(x, null, -1, null, 2).data());
    NdArray r = uniform(false, 6, 13 * V + 3, 384);
    assertArrayEquals(Fft.rfft(r, null, -1, null, 1).data(),
        Fft.rfft(r, null, -1, null, 2).data());
    NdArray s = Fft.rfft(r);
    assertArrayEquals(Fft.irfft(s, 384, -1, null, 1).data(),
        Fft.irfft(s, 384, -1, null, 2).data());
    NdArray m = uniform(true, 7, 96, 3 * V + 1);
    assertArrayEquals(Fft.fft2(m, null, null, null, 1).data(),
        Fft.fft2(m, null, null, null, 2).data());
  }

  @Test
  void aLineDoesNotDependOnItsBlock() {
    // the same row in every lane position and in the partial last block gives the same bits
    int n = 256;
    int rows = 2 * V + 3;
    double[] y = Fft.fft(repeatedRow(true, 9, rows, n)).data();
    for (int r = 1; r < rows; r++) {
      for (int i = 0; i < 2 * n; i++) {
        assertEquals(y[i], y[2 * n * r + i], "row " + r + " element " + i);
      }
    }
  }

  /** {@code rows} copies of one random row of length {@code len}. */
  private static NdArray repeatedRow(boolean complex, long seed, int rows, int len) {
    NdArray one = uniform(complex, seed, 1, len);
    int w = complex ? 2 : 1;
    double[] d = new double[w * len * rows];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(one.data(), 0, d, w * len * r, w * len);
    }
    return complex ? NdArray.complex(d, rows, len) : NdArray.real(d, rows, len);
  }

  /** The transpose of a 2-d array (its columns as rows). */
  private static NdArray transpose(NdArray x) {
    int rows = x.shape()[0];
    int cols = x.shape()[1];
    int w = x.isComplex() ? 2 : 1;
    double[] d = new double[x.data().length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        for (int k = 0; k < w; k++) {
          d[w * (c * rows + r) + k] = x.data()[w * (r * cols + c) + k];
        }
      }
    }
    return w == 2 ? NdArray.complex(d, cols, rows) : NdArray.real(d, cols, rows);
  }

  private static void assertRowsEqual(NdArray y, String what) {
    int rows = y.shape()[0];
    int w = y.data().length / rows;
    for (int r = 1; r < rows; r++) {
      for (int i = 0; i < w; i++) {
        assertEquals(y.data()[i], y.data()[w * r + i], what + ": row " + r + " element " + i);
      }
    }
  }

  @Test
  void directCopiesGiveTheBitsOfSeparateCopies() {
    // Full blocks copy out straight from the digit-reversed result (rfft's split step in place
    // first at 8 lanes); the partial last block reorders, then copies in and out separately. The
    // same row everywhere must give the same bits either way, for every kind of op, along the
    // last axis and along axis 0, for lengths whose transforms stay in L1 and that do not.
    int rows = 2 * V + 3;
    for (int n : new int[] {8, 64, 256, 2048, 24, 2 * 3 * 3 * 64}) {
      NdArray c = repeatedRow(true, n, rows, n);
      assertRowsEqual(Fft.fft(c), "fft n=" + n);
      assertRowsEqual(Fft.ifft(c, null, -1, "ortho", 1), "ifft ortho n=" + n);
      assertRowsEqual(transpose(Fft.fft(transpose(c), null, 0, "forward", 1)), "fft axis 0");
      NdArray r = repeatedRow(false, n + 1, rows, n);
      assertRowsEqual(Fft.rfft(r), "rfft n=" + n);
      assertRowsEqual(Fft.ihfft(r, null, -1, "ortho", 1), "ihfft n=" + n);
      assertRowsEqual(transpose(Fft.rfft(transpose(r), null, 0, null, 1)), "rfft axis 0");
      NdArray h = repeatedRow(true, n + 2, rows, n / 2 + 1);
      assertRowsEqual(Fft.irfft(h, n, -1, null, 1), "irfft n=" + n);
      assertRowsEqual(Fft.hfft(h, n, -1, "forward", 1), "hfft n=" + n);
      assertRowsEqual(transpose(Fft.irfft(transpose(h), n, 0, "ortho", 1)), "irfft axis 0");
    }
  }

  @Test
  void laterAxesInPlaceGiveTheBitsOfSeparateTransformsAndKeepTheInput() {
    // fftn/rfftn/ifftn transform their own intermediate arrays in place after the first axis
    NdArray x = uniform(true, 41, 2 * V + 1, 64, V + 2);
    double[] before = x.data().clone();
    NdArray steps = Fft.fft(Fft.fft(Fft.fft(x, null, 0, "ortho", 1), null, 1, "ortho", 1), null,
        2, "ortho", 1);
    assertArrayEquals(steps.data(), Fft.fftn(x, null, null, "ortho", 2).data(), "fftn");
    NdArray inv = Fft.ifft(Fft.ifft(x, null, 1, null, 1), null, 2, null, 1);
    assertArrayEquals(inv.data(), Fft.ifftn(x, null, new int[] {1, 2}, null, 1).data(), "ifftn");
    assertArrayEquals(before, x.data(), "input untouched");
    NdArray r = uniform(false, 42, 96, 3 * V);
    double[] rBefore = r.data().clone();
    assertArrayEquals(Fft.fft(Fft.rfft(r, null, 1, null, 1), null, 0, null, 1).data(),
        Fft.rfft2(r).data(), "rfft2");
    assertArrayEquals(rBefore, r.data(), "real input untouched");
    NdArray h = uniform(true, 43, V + 1, 64, 2 * V + 1);
    double[] hBefore = h.data().clone();
    NdArray hi = Fft.irfft(Fft.ifft(Fft.ifft(h, null, 0, null, 1), null, 1, null, 1), 4 * V, 2,
        null, 1);
    assertArrayEquals(hi.data(), Fft.irfftn(h, new int[] {V + 1, 64, 4 * V}, null, null, 2)
        .data(), "irfftn");
    assertArrayEquals(hBefore, h.data(), "complex input untouched");
  }

  @Test
  void depthFirstLengthsMatchNaiveDft() {
    // longer than an L1 sub-block (BlockFft.LEAF), so the in-place DIF splits depth first before
    // finishing sub-blocks breadth first; radix 2 and 3 levels included; one full block and one
    // partial block (the reordering path)
    for (int n : new int[] {2 * BlockFft.LEAF, 3 * BlockFft.LEAF, 4 * 3 * 3 * 32}) {
      assertTrue(n > BlockFft.LEAF, "n=" + n);
      for (int rows : new int[] {V, V + 1}) {
        NdArray x = uniform(true, 17L * n + rows, rows, n);
        Tolerance.assertClose(naiveDft(x, true), Fft.fft(x), n, "fft n=" + n + " rows=" + rows);
      }
    }
    // dif leaves X_k at perm[k]: a permutation
    BlockFft p = BlockFft.plan(1152);
    boolean[] seen = new boolean[1152];
    for (int k = 0; k < 1152; k++) {
      assertFalse(seen[p.perm[k]], "perm repeats " + p.perm[k]);
      seen[p.perm[k]] = true;
    }
  }

  /** Lengths with factors other than 2 and 3 (primes among them) on the Bluestein path. */
  private static final int[] BLUESTEIN = {11, 13, 17, 65, 97, 330, 1001, 1009, 1573, 4095};

  @Test
  void bluesteinLengthsRunOnTheEngine() {
    for (int n : BLUESTEIN) {
      assertTrue(BlockRunner.supports(new ComplexLineOp(n, n, true, Norm.parse(null))), "n=" + n);
    }
    // 65537: too long
    assertFalse(BlockRunner.supports(new ComplexLineOp(65537, 65537, true, Norm.parse(null))));
    // 7 2^10: radix 7, not Bluestein (JTransforms took it before the engine had radix 7)
    assertFalse(BlockRunner.bluestein(7168));
    assertTrue(BlockRunner.supports(new ComplexLineOp(7168, 7168, true, Norm.parse(null))));
    assertEquals(2048, BlockBluestein.convolutionLength(2 * 1009 - 1));
    assertEquals(216, BlockBluestein.convolutionLength(2 * 97 - 1));
    assertEquals(1, BlockBluestein.convolutionLength(1));
    assertEquals(36, BlockBluestein.convolutionLength(33));
  }

  @Test
  void bluesteinMatchesNaiveDftAndJTransforms() {
    for (int n : BLUESTEIN) {
      for (int rows : new int[] {V, V + 1, 2 * V - 1}) {
        if (rows == V + 1 || n < 1000) {
          // a full and a partial block against the naive DFT (the long ones just once: slow)
          NdArray x = uniform(true, 19L * n + rows, rows, n);
          Tolerance.assertClose(naiveDft(x, true), Fft.fft(x), n, "fft n=" + n + " rows=" + rows);
          Tolerance.assertClose(naiveDft(x, false), Fft.ifft(x, null, -1, "forward", 1), n,
              "ifft n=" + n + " rows=" + rows);
        }
        for (String norm : NORMS) {
          for (int len : new int[] {n, n + 2, n - 3}) {
            NdArray y = uniform(true, 23L * n + rows + len, rows, len);
            for (boolean forward : new boolean[] {true, false}) {
              LineOp op = new ComplexLineOp(len, n, forward, Norm.parse(norm));
              NdArray got = forward ? Fft.fft(y, n, -1, norm, 1) : Fft.ifft(y, n, -1, norm, 1);
              Tolerance.assertClose(lines(y, 1, op), got, n,
                  "c2c n=" + n + " len=" + len + " rows=" + rows + " " + norm + " " + forward);
            }
          }
        }
      }
    }
  }

  @Test
  void bluesteinRoundTripsAxesAndWorkers() {
    for (int n : new int[] {97, 1009}) {
      NdArray x = uniform(true, n, 2 * V + 1, n);
      Tolerance.assertClose(x, Fft.ifft(Fft.fft(x)), n, "ifft(fft) n=" + n);
      NdArray cols = uniform(true, n + 1, n, V + 3);
      Tolerance.assertClose(lines(cols, 0, new ComplexLineOp(n, n, true, Norm.parse(null))),
          Fft.fft(cols, null, 0, null, 1), n, "axis 0 n=" + n);
      NdArray r = uniform(false, n + 2, 3, n, 5);
      Tolerance.assertClose(lines(r, 1, new ComplexLineOp(n, n, false, Norm.parse("ortho"))),
          Fft.ifft(r, null, 1, "ortho", 1), n, "real input axis 1 n=" + n);
      NdArray w = uniform(true, n + 3, 13 * V + 3, n);
      assertArrayEquals(Fft.fft(w, null, -1, null, 1).data(), Fft.fft(w, null, -1, null, 2).data(),
          "workers n=" + n);
      NdArray m = uniform(true, n + 4, V + 1, n, 2 * V + 1);
      assertArrayEquals(Fft.fft2(m, null, null, "ortho", 1).data(),
          Fft.fft2(m, null, null, "ortho", 2).data(), "fft2 workers n=" + n);
    }
  }

  @Test
  void bluesteinLineDoesNotDependOnItsBlock() {
    int rows = 2 * V + 3;
    for (int n : new int[] {97, 330}) {
      NdArray c = repeatedRow(true, n, rows, n);
      assertRowsEqual(Fft.fft(c), "fft n=" + n);
      assertRowsEqual(Fft.ifft(c, null, -1, "ortho", 1), "ifft ortho n=" + n);
      assertRowsEqual(transpose(Fft.fft(transpose(c), null, 0, "forward", 1)), "fft axis 0");
    }
  }

  @Test
  void bluesteinRealForwardMatchesJTransforms() {
    for (int n : new int[] {17, 97, 1001, 1009, 2018}) {
      assertTrue(BlockRunner.supports(new RealForwardLineOp(n, n, 1, false)), "n=" + n);
      assertRealForwardMatchesLinePath(n, new int[] {V, V + 1, 2 * V - 1}, 29);
      NdArray w = uniform(false, n + 1, 13 * V + 3, n);
      assertArrayEquals(Fft.rfft(w, null, -1, null, 1).data(),
          Fft.rfft(w, null, -1, null, 2).data(), "rfft workers n=" + n);
      NdArray r = repeatedRow(false, n + 2, 2 * V + 3, n);
      assertRowsEqual(Fft.rfft(r), "rfft rows n=" + n);
      assertRowsEqual(Fft.ihfft(r, null, -1, "ortho", 1), "ihfft rows n=" + n);
      assertRowsEqual(transpose(Fft.rfft(transpose(r), null, 0, null, 1)), "rfft axis 0");
    }
    // JTransforms' real mixed radix does half the work of a complex transform: kept there
    assertFalse(BlockRunner.supports(new RealForwardLineOp(4095, 4095, 1, false)));
  }

  @Test
  void bluesteinRealInverseMatchesJTransforms() {
    for (int n : new int[] {17, 97, 1001, 1009, 2018}) {
      assertTrue(BlockRunner.supports(new RealInverseLineOp(n / 2 + 1, n, 1, false)), "n=" + n);
      for (int rows : new int[] {V, V + 1, 2 * V - 1}) {
        for (String norm : NORMS) {
          for (int m : new int[] {n / 2 + 1, n / 2 + 4, n / 2 - 1}) {
            // arbitrary imaginary parts at 0 (and n/2): both paths must ignore them
            NdArray x = uniform(true, n * 37L + rows + m, rows, m);
            Norm nm = Norm.parse(norm);
            Tolerance.assertClose(lines(x, 1, new RealInverseLineOp(m, n, nm.factor(false, n),
                false)), Fft.irfft(x, n, -1, norm, 1), n, "irfft n=" + n + " m=" + m);
            Tolerance.assertClose(lines(x, 1, new RealInverseLineOp(m, n, nm.factor(true, n),
                true)), Fft.hfft(x, n, -1, norm, 1), n, "hfft n=" + n + " m=" + m);
          }
        }
      }
      NdArray r = uniform(false, n, 2 * V + 1, n);
      Tolerance.assertClose(r, Fft.irfft(Fft.rfft(r), n, -1, null, 1), n, "irfft(rfft) n=" + n);
      NdArray h = uniform(true, n + 1, 13 * V + 3, n / 2 + 1);
      assertArrayEquals(Fft.irfft(h, n, -1, null, 1).data(), Fft.irfft(h, n, -1, null, 2).data(),
          "irfft workers n=" + n);
      NdArray c = repeatedRow(true, n + 2, 2 * V + 3, n / 2 + 1);
      assertRowsEqual(Fft.irfft(c, n, -1, null, 1), "irfft rows n=" + n);
      assertRowsEqual(Fft.hfft(c, n, -1, "forward", 1), "hfft rows n=" + n);
      assertRowsEqual(transpose(Fft.irfft(transpose(c), n, 0, "ortho", 1)), "irfft axis 0");
      NdArray inner = uniform(true, n + 3, 2, n / 2 + 1, V + 3);
      Tolerance.assertClose(lines(inner, 1, new RealInverseLineOp(n / 2 + 1, n, 1.0 / n, false)),
          Fft.irfft(inner, n, 1, null, 1), n, "irfft axis 1 n=" + n);
    }
  }

  /**
   * 5-smooth lengths: radix-5 levels alone and after 4, 2 and 3 levels; 1280, 2560 and 5120 have
   * them in L1 leaves under depth-first levels, 625 and 3125 (longer than {@link BlockFft#LEAF})
   * also as depth-first levels themselves.
   */
  private static final int[] RADIX5 = {5, 10, 15, 20, 25, 30, 40, 50, 60, 80, 100, 120, 125, 250,
      320, 360, 625, 1000, 1280, 2560, 3125, 5120};

  @Test
  void radix5LengthsRunOnTheBlockFft() {
    for (int n : RADIX5) {
      assertNotNull(BlockFft.factors(n), "n=" + n);
      assertTrue(BlockRunner.supports(new ComplexLineOp(n, n, true, Norm.parse(null))), "n=" + n);
      assertFalse(BlockRunner.bluestein(n), "n=" + n);
      if (n % 2 == 0) {
        assertTrue(BlockRunner.supports(new RealForwardLineOp(n, n, 1, false)), "rfft n=" + n);
        assertTrue(BlockRunner.supports(new RealInverseLineOp(n / 2 + 1, n, 1, false)),
            "irfft n=" + n);
      }
    }
  }

  @Test
  void radix5MatchesNaiveDft() {
    for (int n : RADIX5) {
      assertBlocksMatchNaiveDft(n, 1280, 53);
    }
    assertPermutation(3000);
  }

  /**
   * fft and ifft of a full and a partial block of length n against the naive DFT (lengths above
   * {@code longFrom} only the partial one: the naive DFT is slow).
   */
  private static void assertBlocksMatchNaiveDft(int n, int longFrom, long salt) {
    for (int rows : new int[] {V, V + 1}) {
      if (n > longFrom && rows == V) {
        continue;
      }
      NdArray x = uniform(true, salt * n + rows, rows, n);
      Tolerance.assertClose(naiveDft(x, true), Fft.fft(x), n, "fft n=" + n + " rows=" + rows);
      Tolerance.assertClose(naiveDft(x, false), Fft.ifft(x, null, -1, "forward", 1), n,
          "ifft n=" + n + " rows=" + rows);
    }
  }

  /**
   * Radix 5 and radix 7 are one method each, of about 90 and 130 vector operations
   * ({@link BlockFft}): once C2 has compiled them, a block's transform must allocate nothing. A
   * vector operation C2 leaves un-inlined boxes its vectors (kilobytes a block; 690 KB for
   * n = 1000 at 8 lanes when radix 5 was first written with helper methods). Interpreted and C1
   * code allocate too, so this calls until a round of calls allocates nothing, and fails if none
   * has within the time limit. 125 and 343 have only radix-5 or radix-7 levels, inside one L1
   * leaf; 3125 and 2401 have them over L2 too. Radix 8 (about 110 operations, at 2 lanes only:
   * {@link BlockFft#RADIX8}) is the first level of 1000 and 2048 there.
   */
  @Test
  void aWarmRadix5Or7Or8BlockAllocatesNothing() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    assertTrue(threads.isThreadAllocatedMemorySupported()
        && threads.isThreadAllocatedMemoryEnabled(), "this JVM counts a thread's allocations");
    for (int n : new int[] {125, 3125, 343, 2401, 1000, 2048}) {
      BlockFft plan = BlockFft.plan(n);
      double[] src = uniform(true, n, V, n).data();
      double[] x = new double[2 * n * V];
      long deadline = System.nanoTime() + 60_000_000_000L;
      long allocated = Long.MAX_VALUE;
      int rounds = 0;
      while (allocated > 0 && System.nanoTime() < deadline) {
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int call = 0; call < 50; call++) {
          System.arraycopy(src, 0, x, 0, x.length);
          plan.dif(x);
        }
        allocated = threads.getCurrentThreadAllocatedBytes() - before;
        rounds++;
      }
      assertEquals(0, allocated, "n=" + n + ": bytes allocated by 50 warm dif calls after "
          + rounds + " rounds");
      assertTrue(Double.isFinite(x[2 * V]), "n=" + n);
    }
  }

  /** dif leaves X_k at perm[k]: a permutation of the n elements. */
  private static void assertPermutation(int n) {
    BlockFft p = BlockFft.plan(n);
    boolean[] seen = new boolean[n];
    for (int k = 0; k < n; k++) {
      assertFalse(seen[p.perm[k]], "perm repeats " + p.perm[k]);
      seen[p.perm[k]] = true;
    }
  }

  /**
   * 7-smooth lengths: radix-7 levels alone and after 4, 2, 3 and 5 levels, in L1 leaves and
   * (2401 = 7^4, longer than {@link BlockFft#LEAF}) as depth-first levels themselves.
   */
  private static final int[] RADIX7 = {7, 14, 21, 28, 35, 42, 49, 56, 63, 70, 98, 105, 112, 196,
      245, 343, 448, 490, 980, 1008, 1372, 1764, 2401};

  @Test
  void radix7LengthsRunOnTheBlockFft() {
    for (int n : RADIX7) {
      assertNotNull(BlockFft.factors(n), "n=" + n);
      assertTrue(BlockRunner.supports(new ComplexLineOp(n, n, true, Norm.parse(null))), "n=" + n);
      assertFalse(BlockRunner.bluestein(n), "n=" + n);
    }
  }

  @Test
  void radix7MatchesNaiveDftAndJTransforms() {
    for (int n : RADIX7) {
      assertBlocksMatchNaiveDft(n, 1008, 71);
      for (String norm : NORMS) {
        NdArray x = uniform(true, 73L * n, 2 * V - 1, n + 1);
        LineOp op = new ComplexLineOp(n + 1, n, true, Norm.parse(norm));
        Tolerance.assertClose(lines(x, 1, op), Fft.fft(x, n, -1, norm, 1), n,
            "fft n=" + n + " truncated " + norm);
      }
      if (n % 2 == 0) {
        assertRealForwardMatchesLinePath(n, new int[] {V, 2 * V - 1}, 31);
        assertRealInverseMatchesLinePath(n, 37);
      }
    }
    assertPermutation(44100);
  }

  @Test
  void radix5MatchesJTransforms() {
    for (int n : RADIX5) {
      if (n > 1000) {
        continue;
      }
      for (int rows : batches()) {
        for (String norm : NORMS) {
          for (int len : new int[] {n, n + 1, n - 1}) {
            NdArray x = uniform(true, n * 59L + rows + len, rows, len);
            for (boolean forward : new boolean[] {true, false}) {
              LineOp op = new ComplexLineOp(len, n, forward, Norm.parse(norm));
              NdArray got = forward ? Fft.fft(x, n, -1, norm, 1) : Fft.ifft(x, n, -1, norm, 1);
              Tolerance.assertClose(lines(x, 1, op), got, n,
                  "c2c n=" + n + " len=" + len + " rows=" + rows + " " + norm + " " + forward);
            }
          }
        }
      }
    }
    for (int n : new int[] {10, 40, 100, 250, 1000, 2560}) {
      assertRealForwardMatchesLinePath(n, batches(), 61);
      assertRealInverseMatchesLinePath(n, 67);
    }
  }

  @Test
  void radix5RoundTripsWorkersAndLanes() {
    int rows = 2 * V + 3;
    for (int n : new int[] {40, 1000, 2560, 5120}) {
      NdArray x = uniform(true, n, 2 * V + 1, n);
      Tolerance.assertClose(x, Fft.ifft(Fft.fft(x)), n, "ifft(fft) n=" + n);
      NdArray r = uniform(false, n + 5, 2 * V + 1, n);
      Tolerance.assertClose(r, Fft.irfft(Fft.rfft(r), n, -1, null, 1), n, "irfft(rfft) n=" + n);
      NdArray w = uniform(true, n + 1, 13 * V + 3, n);
      assertArrayEquals(Fft.fft(w, null, -1, null, 1).data(), Fft.fft(w, null, -1, null, 2).data(),
          "fft workers n=" + n);
      NdArray wr = uniform(false, n + 2, 13 * V + 3, n);
      assertArrayEquals(Fft.rfft(wr, null, -1, null, 1).data(),
          Fft.rfft(wr, null, -1, null, 2).data(), "rfft workers n=" + n);
      NdArray s = Fft.rfft(wr);
      assertArrayEquals(Fft.irfft(s, n, -1, null, 1).data(), Fft.irfft(s, n, -1, null, 2).data(),
          "irfft workers n=" + n);
      // the same row in every lane, in full blocks and the partial last one, along both axes
      NdArray c = repeatedRow(true, n + 3, rows, n);
      assertRowsEqual(Fft.fft(c), "fft rows n=" + n);
      assertRowsEqual(Fft.ifft(c, null, -1, "ortho", 1), "ifft rows n=" + n);
      assertRowsEqual(transpose(Fft.fft(transpose(c), null, 0, "forward", 1)), "fft axis 0");
      NdArray rr = repeatedRow(false, n + 4, rows, n);
      assertRowsEqual(Fft.rfft(rr), "rfft rows n=" + n);
      assertRowsEqual(transpose(Fft.rfft(transpose(rr), null, 0, null, 1)), "rfft axis 0");
      NdArray h = repeatedRow(true, n + 6, rows, n / 2 + 1);
      assertRowsEqual(Fft.irfft(h, n, -1, null, 1), "irfft rows n=" + n);
      assertRowsEqual(transpose(Fft.irfft(transpose(h), n, 0, "ortho", 1)), "irfft axis 0");
    }
    NdArray m = uniform(true, 71, 100, 3 * V + 1);
    assertArrayEquals(Fft.fft2(m, null, null, null, 1).data(),
        Fft.fft2(m, null, null, null, 2).data(), "fft2 100 x " + (3 * V + 1));
  }
}
