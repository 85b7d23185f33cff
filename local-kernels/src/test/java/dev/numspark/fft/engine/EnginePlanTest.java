package dev.numspark.fft.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.numspark.array.NdArray;
import dev.numspark.fft.Fft;
import dev.numspark.fft.FftPlan;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The plans signal computes with ({@link FftPlan#of}) give {@code Fft.rfft}'s bits in
 * JTransforms' packed layout, whichever engine runs them at this vector width: on the
 * single-line engine ({@link EnginePlan}, where {@link Engines#rowOnVector}) and on JTransforms.
 * Their real inverse gives {@code Fft.irfft}'s bits where the engine runs it, and the inverse
 * DFT (to rounding) everywhere.
 */
class EnginePlanTest {
  @Test
  void realForwardIsRfftOfTheLinePacked() {
    SplittableRandom rnd = new SplittableRandom(5);
    for (int n : new int[] {16, 17, 128, 131, 256, 1000, 1009, 1024, 2002, 4096, 4800, 1 << 15}) {
      double[] x = new double[n + 3];
      for (int i = 0; i < x.length; i++) {
        x[i] = rnd.nextDouble() - 0.5;
      }
      double[] expected = Fft.rfft(NdArray.real(java.util.Arrays.copyOfRange(x, 3, n + 3), n))
          .data();
      double[] a = x.clone();
      FftPlan plan = FftPlan.of(n);
      plan.realForward(a, 3);
      assertEquals(Engines.rowOnVector(n), plan instanceof EnginePlan, "engine for " + n);
      assertBits(expected[0], a[3], n, "bin 0");
      for (int k = 1; k < n / 2; k++) {
        assertBits(expected[2 * k], a[3 + 2 * k], n, "re " + k);
        assertBits(expected[2 * k + 1], a[3 + 2 * k + 1], n, "im " + k);
      }
      if (n % 2 == 0) {
        assertBits(expected[n], a[4], n, "Nyquist");
      } else {
        assertBits(expected[n - 1], a[3 + n - 1], n, "last re");
        assertBits(expected[n], a[4], n, "last im");
      }
    }
  }

  @Test
  void realInverseIsIrfftOfThePackedSpectrum() {
    SplittableRandom rnd = new SplittableRandom(6);
    // odd lengths and those only Bluestein takes (131, 1009, 2002, 4099) too: the packed layout
    // of odd n has bin (n-1)/2's real part last and its imaginary part at a[1]
    for (int n : new int[] {16, 128, 131, 256, 1000, 1009, 1024, 1764, 2002, 4096, 4099, 4800}) {
      int h = n / 2;
      boolean even = n % 2 == 0;
      double[] re = new double[h + 1];
      double[] im = new double[h + 1];
      for (int k = 0; k <= h; k++) {
        re[k] = rnd.nextDouble() - 0.5;
        im[k] = k == 0 || k == h && even ? 0.0 : rnd.nextDouble() - 0.5;
      }
      double[] packed = new double[n + 3];
      packed[3] = re[0];
      for (int k = 1; k < h; k++) {
        packed[3 + 2 * k] = re[k];
        packed[3 + 2 * k + 1] = im[k];
      }
      if (even) {
        packed[4] = re[h];
      } else {
        packed[3 + n - 1] = re[h];
        packed[4] = im[h];
      }
      double[] bins = new double[2 * (h + 1)];
      for (int k = 0; k <= h; k++) {
        bins[2 * k] = re[k];
        bins[2 * k + 1] = im[k];
      }
      NdArray spectrum = NdArray.complex(bins, h + 1);
      FftPlan plan = FftPlan.of(n);
      boolean onEngine = plan instanceof EnginePlan && LineRunner.supportsInverse(n);
      for (boolean scale : new boolean[] {true, false}) {
        double[] a = packed.clone();
        plan.realInverse(a, 3, scale);
        // the definition: x_j = sum_k c_k Re(X_k e^{2 pi i jk/n}), c = 1 at 0 and (n even) n/2,
        // else 2
        for (int j = 0; j < n; j++) {
          double sum = 0.0;
          for (int k = 0; k <= h; k++) {
            double t = 2 * Math.PI * ((long) j * k % n) / n;
            double c = k == 0 || k == h && even ? 1.0 : 2.0;
            sum += c * (re[k] * Math.cos(t) - im[k] * Math.sin(t));
          }
          double expected = scale ? sum / n : sum;
          assertEquals(expected, a[3 + j], 1e-12 * (scale ? 1.0 : n), "n " + n + " x_" + j);
        }
        if (onEngine) {
          double[] irfft = Fft.irfft(spectrum, n, -1, scale ? "backward" : "forward", 1).data();
          for (int j = 0; j < n; j++) {
            assertBits(irfft[j], a[3 + j], n, (scale ? "scaled" : "unscaled") + " x_" + j);
          }
        }
        for (int i = 0; i < 3; i++) {
          assertEquals(packed[i], a[i], 0.0, "before the offset");
        }
      }
    }
  }

  private static void assertBits(double expected, double actual, int n, String where) {
    assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
        "n " + n + " " + where + ": " + expected + " vs " + actual);
  }
}
