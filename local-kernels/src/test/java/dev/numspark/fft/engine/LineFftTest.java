package dev.numspark.fft.engine;

import static dev.numspark.fft.TestArrays.naiveDft;
import static dev.numspark.fft.TestArrays.uniform;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.numspark.array.NdArray;
import dev.numspark.fft.Fft;
import dev.numspark.fft.Norm;
import dev.numspark.fft.Tolerance;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The single-line four-step engine ({@link LineFft}, {@link LineReal}, {@link LineRunner}) for
 * lines that are alone or fewer than the lanes (fft, ifft, rfft, ihfft, irfft, hfft): against a
 * naive DFT and the JTransforms line path at tight tolerance (many lengths: powers of two, 3 and 5 composites, lengths that fall
 * back to JTransforms, primes and other lengths through Bluestein, small and long lines), every
 * norm, forward and inverse, padding,
 * truncation and inner axes; bitwise independence of {@code workers}; {@code rfftParts} equal to
 * {@code Fft.rfft} of the one row bit for bit.
 */
class LineFftTest {
  private static final int V = BlockRunner.lanes();
  private static final String[] NORMS = {"backward", "ortho", "forward"};
  /**
   * Complex lengths: the engine's (multiples of V from V^2 with n / V 5-smooth; a partial last
   * tile when V does not divide n / V: 72, 96, 200, 1000, 2000, 10000) and fallbacks.
   */
  private static final int[] COMPLEX = {1, 2, 3, 7, 8, 16, 60, 63, 64, 67, 72, 96, 105, 128,
      131, 192, 200, 256, 257, 320, 343, 384, 448, 512, 576, 640, 960, 1000, 1001, 1009, 1024,
      1008, 1600, 2000, 2048, 3 * 5 * 7 * 64, 4096, 4099, 4800, 7168, 10000, 1 << 16,
      // 4 m, not a multiple of 8: at 8 lanes on LineSplit (r = 4) from 400; 44100 has m odd
      100, 500, 1500, 1764, 44100};
  /** Real lengths ({@code rfft}: the half length is the complex length above). */
  private static final int[] REAL = {1, 2, 5, 64, 126, 128, 131, 160, 192, 200, 256, 257, 384,
      600, 640, 768, 882, 1000, 1009, 1024, 1764, 1920, 2000, 2002, 2048, 3000, 3 * 5 * 7 * 128,
      4096, 4099, 4800, 9600, 10000, 14000, 16384, 20000, 44100, 48000, 1 << 16};

  @Test
  void theEngineTakesTheLengthsItShould() {
    assertTrue(FftConfig.VECTOR_ENGINE, "tests run with --add-modules=jdk.incubator.vector");
    // lengths the engine cannot factor, by Bluestein on single-line transforms, at every width
    // (primes; 7 11 13); not where JTransforms' mixed radix is cheaper (7 11, 11 2^9)
    for (int n : new int[] {67, 131, 1001, 1009, 4099}) {
      assertTrue(LineRunner.supportsComplex(n), "complex " + n);
    }
    for (int n : new int[] {63, 77, 11 * 512}) {
      assertFalse(LineRunner.supportsComplex(n), "complex " + n);
    }
    // and their irfft, as the complex transform of the Hermitian extension
    for (int n : new int[] {131, 257, 1009, 2002, 4099}) {
      assertTrue(LineRunner.supportsInverse(n), "inverse " + n);
    }
    assertFalse(LineRunner.supportsInverse(11 * 512), "inverse 11 2^9");
    if (V == 2) {
      // measured against JTransforms at 2 lanes: rfft lines of powers of two stay there; complex
      // ones from 256 (since radix 8 at 2 lanes), other 5-smooth lengths (complex from 64) and
      // irfft of every length from 256 run on the engine, up to a complex length of 2^16
      for (int n : new int[] {72, 96, 200, 1000, 4800, 10000, 3 * (1 << 14), 256, 1024, 4096,
          1 << 16}) {
        assertTrue(LineRunner.supportsComplex(n), "complex " + n);
      }
      for (int n : new int[] {12, 60, 128, 75000, 1 << 17}) {
        assertFalse(LineRunner.supportsComplex(n), "complex " + n);
      }
      // with a factor 7 (radix 7): complex 1.22-2.16x JTransforms, real 1.77-2.23x
      for (int n : new int[] {196, 448, 1008, 6720, 7168, 44100}) {
        assertTrue(LineRunner.supportsComplex(n), "complex " + n);
      }
      for (int n : new int[] {1764, 14000, 44100}) {
        assertTrue(LineRunner.supportsReal(n), "real " + n);
        assertTrue(LineRunner.supportsInverse(n), "inverse " + n);
      }
      // an odd half with a factor 7: irfft as the complex transform of n
      assertTrue(LineRunner.supportsInverse(882));
      assertTrue(LineRunner.supportsInverse(22050));
      assertFalse(LineRunner.supportsInverse(750), "odd half, 5-smooth");
      for (int n : new int[] {160, 1000, 4800, 96000}) {
        assertTrue(LineRunner.supportsReal(n), "real " + n);
      }
      for (int n : new int[] {120, 1024, 4096, 1 << 16, 150000}) {
        assertFalse(LineRunner.supportsReal(n), "real " + n);
      }
      assertTrue(LineRunner.supports(new RealInverseLineOp(129, 256, 1, false)));
      assertTrue(LineRunner.supports(new RealInverseLineOp(2049, 4096, 1, false)));
      assertTrue(LineRunner.supports(new RealInverseLineOp(2401, 4800, 1, false)));
      assertFalse(LineRunner.supports(new RealInverseLineOp(65, 128, 1, false)));
      assertFalse(LineRunner.supports(new RealInverseLineOp((1 << 17) + 1, 1 << 18, 1, false)));
      // an irfft's plan, kept as the last real one, does not take a power-of-two rfft along
      Fft.irfft(uniform(true, 3, 1, 2049), 4096, -1, null, 1);
      assertFalse(LineRunner.supportsReal(4096));
      return;
    }
    if (V == 4) {
      // measured against JTransforms on a real AVX2 CPU: the shortest lines as at 8 lanes
      // (complex from 64, powers of two from 256; real from 128), up to 2^18 points
      for (int n : new int[] {72, 96, 192, 256, 1000, 1024, 2000, 4096, 4800, 1 << 16, 1 << 18}) {
        assertTrue(LineRunner.supportsComplex(n), "complex " + n);
      }
      for (int n : new int[] {128, 200, 1000, 1024, 2048, 4096, 4800, 9600, 1 << 17, 1 << 18}) {
        assertTrue(LineRunner.supportsReal(n), "real " + n);
      }
      for (int n : new int[] {8, 20, 48, 60, 64, 128, (1 << 18) + 4, 1 << 19}) {
        assertFalse(LineRunner.supportsComplex(n), "complex " + n);
      }
      // with a factor 7 (radix 7): complex 2.25-2.64x JTransforms, real 1.45-2.46x; irfft of
      // 1764 (n/2 not a multiple of 4) as the complex transform of n (JTransforms' radix 7 is a
      // generic pass; a 5-smooth such length, 500 above, stays there)
      for (int n : new int[] {196, 448, 1008, 3 * 5 * 7 * 64, 7168, 44100}) {
        assertTrue(LineRunner.supportsComplex(n), "complex " + n);
      }
      for (int n : new int[] {1764, 14000, 44100}) {
        assertTrue(LineRunner.supportsReal(n), "real " + n);
      }
      assertTrue(LineRunner.supportsInverse(14000));
      assertTrue(LineRunner.supportsInverse(1764));
      assertTrue(LineRunner.supportsInverse(44100));
      for (int n : new int[] {64, 120, 1 << 19, 1 << 20}) {
        assertFalse(LineRunner.supportsReal(n), "real " + n);
      }
      assertTrue(LineRunner.supports(new RealInverseLineOp(65, 128, 1, false)));
      assertTrue(LineRunner.supports(new RealInverseLineOp(1025, 2048, 1, false)));
      assertTrue(LineRunner.supports(new RealInverseLineOp((1 << 17) + 1, 1 << 18, 1, false)));
      assertFalse(LineRunner.supports(new RealInverseLineOp((1 << 18) + 1, 1 << 19, 1, false)));
      // n/2 not a multiple of 4 (500): rfft as a complex transform of n, irfft on JTransforms
      assertTrue(LineRunner.supportsReal(500));
      assertFalse(LineRunner.supports(new RealInverseLineOp(251, 500, 1, false)));
      // a prime whose convolution would be longer than the longest line here
      assertFalse(LineRunner.supportsComplex(1_000_003), "complex 1000003");
      // an irfft's plan, kept as the last real one, does not take an rfft beyond the limit along
      Fft.irfft(uniform(true, 3, 1, (1 << 18) + 1), 1 << 19, -1, null, 1);
      assertFalse(LineRunner.supportsReal(1 << 19));
      return;
    }
    for (int n : new int[] {64, 96, 192, 1000, 1024, 2000, 4096, 4800, 1 << 16, 1 << 22}) {
      assertEquals(n >= 256 || n == 192 || n == 96, LineRunner.supportsComplex(n),
          "complex " + n);
      assertTrue(LineRunner.supportsReal(2 * n), "real " + 2 * n);
    }
    for (int n : new int[] {1, 8, 60, 63, 105}) {
      assertFalse(LineRunner.supportsComplex(n), "complex " + n);
      assertFalse(LineRunner.supportsReal(2 * n), "real " + 2 * n);
    }
    // 7-smooth multiples of 4 that are not multiples of 8: four lines of n / 4 in one block
    // (LineSplit; measured faster than JTransforms from 500); not below LineSplit's minimum (100,
    // 300: JTransforms was as fast), not 2 (odd) m (22050), not where n / 4 is not 7-smooth
    for (int n : new int[] {500, 1500, 1764, 44100}) {
      assertTrue(LineRunner.supportsComplex(n), "complex " + n);
      assertTrue(LineRunner.complexPlanForTest(n) instanceof LineSplit, "LineSplit " + n);
    }
    for (int n : new int[] {60, 100, 300, 22050}) {
      assertFalse(LineRunner.supportsComplex(n), "complex " + n);
    }
    assertFalse(LineRunner.complexPlanForTest(4 * 1009) instanceof LineSplit, "4 x 1009");
    // with a factor 7 (radix 7), as at 4 and 2 lanes
    for (int n : new int[] {3 * 5 * 7 * 64, 448, 1008}) {
      assertTrue(LineRunner.supportsComplex(n), "complex " + n);
      assertTrue(LineRunner.supportsReal(2 * n), "real " + 2 * n);
    }
    // real lines of other lengths: Bluestein's complex transform, its first n/2 + 1 bins
    for (int n : new int[] {131, 1009, 2002, 4097, 4099}) {
      assertTrue(LineRunner.supportsReal(n), "real " + n);
    }
    // odd lengths that JTransforms' own real FFT keeps (5-smooth 3125; 4095 = 3^2 5 7 13, where
    // LineBluestein's cost model prefers its mixed radix to a convolution of 8192)
    assertFalse(LineRunner.supportsReal(3125), "odd 3125");
    assertFalse(LineRunner.supportsReal(4095), "odd 4095");
    // n/2 not a multiple of V, n is: rfft as a complex transform of n; the inverse stays
    assertTrue(LineRunner.supportsReal(1000));
    assertTrue(LineRunner.supportsReal(3000));
    assertFalse(LineRunner.supports(new RealInverseLineOp(501, 1000, 1, false)));
    assertTrue(LineRunner.supports(new RealForwardLineOp(4096, 4096, 1, false)));
    assertTrue(LineRunner.supports(new ComplexLineOp(4096, 4096, false, Norm.parse(null))));
    assertTrue(LineRunner.supports(new RealInverseLineOp(2049, 4096, 1, false)));
    // an odd irfft: a Bluestein length as the complex transform of its Hermitian extension, as at
    // 4 and 2 lanes (LineRunner.supportsInverse); a 5-smooth one stays on JTransforms
    assertTrue(LineRunner.supports(new RealInverseLineOp(2049, 4097, 1, false)), "odd 4097");
    assertFalse(LineRunner.supports(new RealInverseLineOp(1563, 3125, 1, false)), "odd 3125");
  }

  @Test
  void complexLineMatchesNaiveDft() {
    for (int n : COMPLEX) {
      if (n > 1024) {
        continue;
      }
      for (int rows : new int[] {1, V - 1}) {
        NdArray x = uniform(true, 17L * n + rows, rows, n);
        Tolerance.assertClose(naiveDft(x, true), Fft.fft(x), n, "fft n=" + n + " rows=" + rows);
        Tolerance.assertClose(naiveDft(x, false), Fft.ifft(x, null, -1, "forward", 1), n,
            "ifft n=" + n + " rows=" + rows);
      }
    }
  }

  @Test
  void complexLineMatchesJTransformsWithPaddingNormsAndAxes() {
    for (int n : COMPLEX) {
      for (String norm : NORMS) {
        Norm nm = Norm.parse(norm);
        for (int len : new int[] {n, n + 3, Math.max(1, n - 5)}) {
          for (int rows : new int[] {1, 2}) {
            NdArray x = uniform(true, 31L * n + len + rows, rows, len);
            for (boolean forward : new boolean[] {true, false}) {
              String what = (forward ? "fft" : "ifft") + " n=" + n + " len=" + len + " " + norm;
              Tolerance.assertClose(lines(x, 1, new ComplexLineOp(len, n, forward, nm)),
                  forward ? Fft.fft(x, n, -1, norm, 1) : Fft.ifft(x, n, -1, norm, 1), n, what);
            }
          }
        }
      }
      // real input, and lines along axis 0 (strided, fewer than V of them)
      NdArray r = uniform(false, n, 1, n);
      Tolerance.assertClose(lines(r, 1, new ComplexLineOp(n, n, true, Norm.parse(null))),
          Fft.fft(r), n, "fft of real input n=" + n);
      NdArray cols = uniform(true, n + 1, n, V - 1);
      Tolerance.assertClose(lines(cols, 0, new ComplexLineOp(n, n, true, Norm.parse(null))),
          Fft.fft(cols, null, 0, null, 1), n, "fft axis 0 n=" + n);
    }
  }

  /**
   * rfft and irfft of one line against a naive DFT (of the real line, and of the Hermitian
   * extension of the half spectrum). Needed beside the comparisons with JTransforms below: where
   * {@link Engines#rowOnVector}, JTransforms' own real plan hands its lines to this engine
   * ({@link EnginePlan}), so those compare the engine with itself.
   */
  @Test
  void realLinesMatchNaiveDft() {
    for (int n : REAL) {
      if (n > 4800) {
        continue;
      }
      int h = n / 2 + 1;
      NdArray x = uniform(false, 13L * n, 1, n);
      double[] c = new double[2 * n];
      for (int j = 0; j < n; j++) {
        c[2 * j] = x.data()[j];
      }
      double[] full = naiveDft(NdArray.complex(c, 1, n), true).data();
      NdArray half = NdArray.complex(Arrays.copyOf(full, 2 * h), 1, h);
      Tolerance.assertClose(half, Fft.rfft(x), n, "rfft n=" + n);

      // irfft ignores the imaginary parts of X_0 and (n even) X_n/2, as pocketfft does
      double[] spec = uniform(true, 11L * n, 1, h).data();
      double[] ext = new double[2 * n];
      for (int k = 0; k < n; k++) {
        int src = k < h ? k : n - k;
        ext[2 * k] = spec[2 * src];
        ext[2 * k + 1] = k < h ? spec[2 * src + 1] : -spec[2 * src + 1];
      }
      ext[1] = 0;
      if (n % 2 == 0) {
        ext[n + 1] = 0;
      }
      double[] inv = naiveDft(NdArray.complex(ext, 1, n), false).data();
      double[] expect = new double[n];
      for (int j = 0; j < n; j++) {
        expect[j] = inv[2 * j] / n;
      }
      Tolerance.assertClose(NdArray.real(expect, 1, n),
          Fft.irfft(NdArray.complex(spec, 1, h), n, -1, null, 1), n, "irfft n=" + n);
    }
  }

  @Test
  void realLineMatchesJTransforms() {
    for (int n : REAL) {
      for (String norm : NORMS) {
        Norm nm = Norm.parse(norm);
        for (int len : new int[] {n, n + 3, Math.max(1, n - 1)}) {
          NdArray x = uniform(false, 7L * n + len, 1, len);
          Tolerance.assertClose(lines(x, 1, new RealForwardLineOp(len, n, nm.factor(true, n),
              false)), Fft.rfft(x, n, -1, norm, 1), n, "rfft n=" + n + " len=" + len);
          Tolerance.assertClose(lines(x, 1, new RealForwardLineOp(len, n, nm.factor(false, n),
              true)), Fft.ihfft(x, n, -1, norm, 1), n, "ihfft n=" + n + " len=" + len);
        }
      }
      NdArray cols = uniform(false, n + 2, n, V - 1);
      Tolerance.assertClose(lines(cols, 0, new RealForwardLineOp(n, n, 1, false)),
          Fft.rfft(cols, null, 0, null, 1), n, "rfft axis 0 n=" + n);
    }
  }

  @Test
  void realInverseLineMatchesJTransforms() {
    for (int n : REAL) {
      for (String norm : NORMS) {
        Norm nm = Norm.parse(norm);
        for (int m : new int[] {n / 2 + 1, n / 2 + 4, Math.max(1, n / 2 - 1)}) {
          // arbitrary imaginary parts at 0 and n/2 too: both paths must ignore them
          NdArray x = uniform(true, 5L * n + m, 1, m);
          Tolerance.assertClose(lines(x, 1, new RealInverseLineOp(m, n, nm.factor(false, n),
              false)), Fft.irfft(x, n, -1, norm, 1), n, "irfft n=" + n + " m=" + m);
          Tolerance.assertClose(lines(x, 1, new RealInverseLineOp(m, n, nm.factor(true, n),
              true)), Fft.hfft(x, n, -1, norm, 1), n, "hfft n=" + n + " m=" + m);
        }
      }
      NdArray real = uniform(false, n, 1, n / 2 + 1);
      Tolerance.assertClose(lines(real, 1, new RealInverseLineOp(n / 2 + 1, n, 1.0 / n, false)),
          Fft.irfft(real, n, -1, null, 1), n, "irfft of real input n=" + n);
      NdArray cols = uniform(true, n + 3, n / 2 + 1, V - 1);
      Tolerance.assertClose(lines(cols, 0, new RealInverseLineOp(n / 2 + 1, n, 1.0 / n, false)),
          Fft.irfft(cols, n, 0, null, 1), n, "irfft axis 0 n=" + n);
    }
  }

  /** The zero and Nyquist bins of a real line have exactly zero imaginary parts, as in SciPy. */
  @Test
  void realLineHasExactZeroImaginaryPartsAtZeroAndNyquist() {
    for (int n : new int[] {128, 1000, 3000, 4096, 48000, 2002}) {
      double[] y = Fft.rfft(uniform(false, n, n).data());
      assertEquals(0.0, y[1]);
      assertEquals(0.0, y[n + 1]);
    }
    assertEquals(0.0, Fft.rfft(uniform(false, 1009, 1009).data())[1], "1009");
  }

  @Test
  void roundTripsOfOneLine() {
    for (int n : new int[] {64, 1024, 4800, 1 << 16}) {
      NdArray x = uniform(true, n, 1, n);
      Tolerance.assertClose(x, Fft.ifft(Fft.fft(x)), n, "ifft(fft) n=" + n);
      NdArray r = uniform(false, n + 1, 1, 2 * n);
      Tolerance.assertClose(r, Fft.irfft(Fft.rfft(r), 2 * n, -1, null, 1), 2 * n,
          "irfft(rfft) n=" + 2 * n);
      Tolerance.assertClose(r, Fft.hfft(Fft.ihfft(r), 2 * n, -1, null, 1), 2 * n,
          "hfft(ihfft) n=" + 2 * n);
    }
  }

  /**
   * One long line is split among the workers (load, engine levels, tiles, unpack), a few short
   * lines are shared out whole: the bits are the same for any number of workers.
   */
  @Test
  void workersDoNotChangeTheBits() {
    int n = 1 << 17;
    assertTrue(n >= LineRunner.PARALLEL_MIN);
    NdArray x = uniform(true, 3, 1, n);
    double[] one = Fft.fft(x, null, -1, null, 1).data();
    for (int w : new int[] {2, 3, 4}) {
      assertArrayEquals(one, Fft.fft(x, null, -1, null, w).data(), "fft workers " + w);
      assertArrayEquals(Fft.ifft(x, null, -1, "ortho", 1).data(),
          Fft.ifft(x, null, -1, "ortho", w).data(), "ifft workers " + w);
    }
    NdArray r = uniform(false, 4, 1, 2 * n);
    double[] rOne = Fft.rfft(r, null, -1, null, 1).data();
    for (int w : new int[] {2, 3}) {
      assertArrayEquals(rOne, Fft.rfft(r, null, -1, null, w).data(), "rfft workers " + w);
    }
    // Bluestein's two transforms of one line (a prime above PARALLEL_MIN) shared out likewise
    NdArray prime = uniform(true, 9, 1, 65537);
    double[] pOne = Fft.fft(prime, null, -1, null, 1).data();
    for (int w : new int[] {2, 3}) {
      assertArrayEquals(pOne, Fft.fft(prime, null, -1, null, w).data(), "fft 65537 workers " + w);
    }
    NdArray primeHalf = uniform(true, 10, 1, 65537 / 2 + 1);
    double[] ipOne = Fft.irfft(primeHalf, 65537, -1, null, 1).data();
    for (int w : new int[] {2, 3}) {
      assertArrayEquals(ipOne, Fft.irfft(primeHalf, 65537, -1, null, w).data(),
          "irfft 65537 workers " + w);
    }
    // one line of 4 m points (at 8 lanes on LineSplit): the column and copy steps shared out
    NdArray audio = uniform(true, 11, 1, 44100);
    double[] aOne = Fft.fft(audio, null, -1, null, 1).data();
    for (int w : new int[] {2, 3}) {
      assertArrayEquals(aOne, Fft.fft(audio, null, -1, null, w).data(), "fft 44100 workers " + w);
      assertArrayEquals(Fft.ifft(audio, null, -1, null, 1).data(),
          Fft.ifft(audio, null, -1, null, w).data(), "ifft 44100 workers " + w);
    }
    // a real length run as a complex transform of its full length (n/2 not a multiple of V)
    NdArray full = uniform(false, 8, 1, 75000);
    assertArrayEquals(Fft.rfft(full, null, -1, null, 1).data(),
        Fft.rfft(full, null, -1, null, 2).data(), "rfft 75000");
    NdArray spec = Fft.rfft(r);
    double[] iOne = Fft.irfft(spec, 2 * n, -1, null, 1).data();
    for (int w : new int[] {2, 3}) {
      assertArrayEquals(iOne, Fft.irfft(spec, 2 * n, -1, null, w).data(), "irfft workers " + w);
    }
    NdArray few = uniform(true, 5, V - 1, 1024);
    assertArrayEquals(Fft.fft(few, null, -1, null, 1).data(),
        Fft.fft(few, null, -1, null, 2).data(), "short lines");
    // a line alone and the same line among a few copies (shared out to workers): the same bits.
    // A few: fewer than the lanes, so that the same engine takes both (at V lines and more the
    // block engine does; at 2 lanes the few are one line)
    int few3 = Math.max(1, Math.min(3, V - 1));
    NdArray one1 = uniform(true, 6, 1, 1024);
    double[] alone = Fft.fft(one1).data();
    double[] copies = new double[few3 * 2 * 1024];
    for (int c = 0; c < few3; c++) {
      System.arraycopy(one1.data(), 0, copies, c * 2 * 1024, 2 * 1024);
    }
    double[] y = Fft.fft(NdArray.complex(copies, few3, 1024), null, -1, null, 2).data();
    for (int c = 0; c < few3; c++) {
      assertArrayEquals(alone, Arrays.copyOfRange(y, c * 2 * 1024, (c + 1) * 2 * 1024));
    }
  }

  /** The SQL row path equals {@code Fft.rfft} of that one row bit for bit on the engine too. */
  @Test
  void rfftPartsEqualsRfftOfTheRowBitForBit() {
    SplittableRandom rnd = new SplittableRandom(11);
    for (int length : new int[] {128, 1000, 1024, 2000, 3000, 4096, 4800, 48000, 1 << 16}) {
      double[] x = new double[length];
      for (int i = 0; i < length; i++) {
        x[i] = rnd.nextDouble() - 0.5;
      }
      for (Integer n : new Integer[] {null, 2 * length, length / 2}) {
        int len = n == null ? length : n;
        for (String norm : NORMS) {
          double[] expected = Fft.rfft(NdArray.real(x, length), n, -1, norm, 1).data();
          double[] work = new double[Math.max(len, length) + 3];
          Arrays.fill(work, Double.NaN);
          System.arraycopy(x, 0, work, 0, length);
          double[] re = new double[len / 2 + 1];
          double[] im = new double[len / 2 + 1];
          assertEquals(len / 2 + 1, Fft.rfftParts(work, length, n, norm, re, im));
          for (int k = 0; k <= len / 2; k++) {
            String where = "length " + length + " n " + n + " " + norm + " bin " + k;
            assertEquals(Double.doubleToRawLongBits(expected[2 * k]),
                Double.doubleToRawLongBits(re[k]), where);
            assertEquals(Double.doubleToRawLongBits(expected[2 * k + 1]),
                Double.doubleToRawLongBits(im[k]), where);
          }
        }
      }
    }
  }

  /** Calls with different lengths on one thread reuse its scratch without mixing them up. */
  @Test
  void perThreadScratchServesChangingLengths() {
    for (int rep = 0; rep < 2; rep++) {
      for (int n : new int[] {4096, 128, 1 << 16, 1024, 1 << 19}) {
        NdArray x = uniform(false, n + rep, 1, n);
        Tolerance.assertClose(lines(x, 1, new RealForwardLineOp(n, n, 1, false)), Fft.rfft(x),
            n, "rfft n=" + n);
      }
    }
  }

  private static NdArray lines(NdArray x, int axis, LineOp op) {
    return AxisRunner.apply(x, axis, op, 1, false);
  }
}
