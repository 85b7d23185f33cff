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
 */
class EnginePlanTest {
  @Test
  void realForwardIsRfftOfTheLinePacked() {
    SplittableRandom rnd = new SplittableRandom(5);
    for (int n : new int[] {16, 17, 128, 256, 1000, 1024, 4096, 4800, 1 << 15}) {
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

  private static void assertBits(double expected, double actual, int n, String where) {
    assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
        "n " + n + " " + where + ": " + expected + " vs " + actual);
  }
}
