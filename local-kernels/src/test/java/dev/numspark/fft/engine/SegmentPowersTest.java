package dev.numspark.fft.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Welch's segment powers on the engine ({@link SegmentPowers}) against their definition, summed
 * with a direct DFT in extended care: {@code sum_s |sum_j w_j (x[off + s hop + j] - mean_s)
 * e^(-2 pi i j k / nfft)|^2} for {@code k = 0 .. nfft/2}. Lengths cover radix 2, 3, 5 and 4
 * halves, odd segments zero-padded to an even nfft, partial blocks (segment counts that are not
 * multiples of the lane count) and idle lanes that must not be summed.
 */
class SegmentPowersTest {
  private static final int V = BlockRunner.lanes();

  @Test
  void supportsEvenNfftWithASevenSmoothHalfAndAtLeastOneBlockOfSegments() {
    assertTrue(SegmentPowers.supports(256, 256, V));
    assertTrue(SegmentPowers.supports(101, 256, 100));
    assertTrue(SegmentPowers.supports(90, 90, 100), "half 45 = 3^2 5");
    assertFalse(SegmentPowers.supports(255, 255, 100), "odd nfft");
    assertTrue(SegmentPowers.supports(14, 14, 100), "half 7: radix 7");
    assertFalse(SegmentPowers.supports(22, 22, 100), "half 11 is not 7-smooth");
    assertFalse(SegmentPowers.supports(256, 256, V - 1), "fewer segments than lanes");
    assertFalse(SegmentPowers.supports(1 << 20, 1 << 20, 100), "a block beyond the cache budget");
    assertFalse(SegmentPowers.supports(2, 2, 100), "half of 1");
  }

  @Test
  void groupSumIsTheSumOfTheSegmentsPowers() {
    int[][] cases = {
        // nperseg, nfft, hop, segments
        {256, 256, 128, 31}, {256, 256, 128, SegmentPowers.GROUP}, {64, 64, 32, V},
        {90, 90, 45, 21}, {101, 256, 51, 18}, {200, 512, 100, 9}, {12, 12, 5, 2 * V + 1},
        {60, 60, 60, 3 * V - 1}, {16, 16, 3, 40}, {98, 98, 49, 17}};
    SplittableRandom r = new SplittableRandom(5);
    for (int[] c : cases) {
      int nperseg = c[0];
      int nfft = c[1];
      int hop = c[2];
      int count = c[3];
      double[] win = new double[nperseg];
      for (int j = 0; j < nperseg; j++) {
        win[j] = 0.5 - 0.5 * Math.cos(2 * Math.PI * j / nperseg);
      }
      int off = 7;
      double[] x = new double[off + (count - 1) * hop + nperseg + 3];
      for (int i = 0; i < x.length; i++) {
        // a ramp too: taking off the mean and taking off the line then differ
        x[i] = 3.0 + 0.02 * i + Math.sin(0.3 * i) + r.nextDouble(-1, 1);
      }
      for (SegmentTrend trend : SegmentTrend.values()) {
        double[] got = new double[nfft / 2 + 1];
        SegmentPowers.forThread(win, nfft).groupSum(x, off, hop, 0, count, trend, got);
        double[] want = direct(x, off, hop, count, win, nfft, trend);
        String what = nperseg + "/" + nfft + " hop " + hop + " x" + count + " trend " + trend;
        assertClose(want, got, what);
      }
    }
  }

  @Test
  void idleLanesOfAPartialBlockAreNotSummed() {
    // the block's first segment fills the idle lanes: a huge value there shows if they count
    int nperseg = 32;
    double[] win = new double[nperseg];
    java.util.Arrays.fill(win, 1.0);
    int count = V + 1;
    double[] x = new double[count * nperseg];
    for (int i = 0; i < nperseg; i++) {
      x[V * nperseg + i] = 1e6 * (i % 2 == 0 ? 1 : -1); // the last segment, alone in its block
    }
    double[] got = new double[nperseg / 2 + 1];
    SegmentPowers.forThread(win, nperseg).groupSum(x, 0, nperseg, 0, count, SegmentTrend.NONE, got);
    assertClose(direct(x, 0, nperseg, count, win, nperseg, SegmentTrend.NONE), got, "partial block");
    assertEquals(Math.pow(1e6 * nperseg, 2), got[nperseg / 2], 1e-3, "Nyquist counted once");
  }

  @Test
  void aGroupFromTheMiddleOfTheLineStartsAtItsOwnSegments() {
    int nperseg = 64;
    int hop = 32;
    double[] win = new double[nperseg];
    java.util.Arrays.fill(win, 1.0);
    double[] x = new double[(2 * SegmentPowers.GROUP + 10) * hop + nperseg];
    SplittableRandom r = new SplittableRandom(9);
    for (int i = 0; i < x.length; i++) {
      x[i] = r.nextDouble(-1, 1);
    }
    double[] got = new double[nperseg / 2 + 1];
    long first = SegmentPowers.GROUP;
    SegmentPowers.forThread(win, nperseg).groupSum(x, 0, hop, first, 10, SegmentTrend.MEAN, got);
    assertClose(direct(x, (int) first * hop, hop, 10, win, nperseg, SegmentTrend.MEAN), got, "group 1");
  }

  @Test
  void eachPowerIsEverySegmentsOwnScaledPowerAtItsPlace() {
    int nperseg = 48;
    int nfft = 60;
    int hop = 20;
    int count = 2 * V + 3;
    int bins = nfft / 2 + 1;
    double[] win = new double[nperseg];
    for (int j = 0; j < nperseg; j++) {
      win[j] = 1.0 + 0.01 * j;
    }
    SplittableRandom r = new SplittableRandom(11);
    double[] x = new double[5 + count * hop + nperseg];
    for (int i = 0; i < x.length; i++) {
      x[i] = 2.0 + 0.05 * i + r.nextDouble(-1, 1);
    }
    double[] factor = new double[bins];
    for (int k = 0; k < bins; k++) {
      factor[k] = 0.5 + k;
    }
    // out[base + k * stride + s], with room around it that must stay untouched
    int base = 3;
    int stride = count + 4;
    double[] out = new double[base + bins * stride + 2];
    java.util.Arrays.fill(out, -1.0);
    // segments 1 .. count-1 in two calls of an odd split: the first starts mid-block
    SegmentPowers p = SegmentPowers.forThread(win, nfft);
    p.eachPower(x, 5, hop, 1, V + 1, SegmentTrend.LINE, factor, out, base, stride);
    p.eachPower(x, 5, hop, V + 2, count - V - 2, SegmentTrend.LINE, factor, out, base, stride);
    for (int s = 0; s < count; s++) {
      double[] want = direct(x, 5 + s * hop, hop, 1, win, nfft, SegmentTrend.LINE);
      double max = 0;
      for (int k = 0; k < bins; k++) {
        max = Math.max(max, want[k] * factor[k]);
      }
      for (int k = 0; k < bins; k++) {
        double got = out[base + k * stride + s];
        if (s == 0) {
          assertEquals(-1.0, got, "segment 0 was not asked for");
        } else {
          assertEquals(want[k] * factor[k], got, 1e-12 * max, "segment " + s + " bin " + k);
        }
      }
    }
    for (int k = 0; k < bins; k++) {
      for (int s = count; s < stride; s++) {
        assertEquals(-1.0, out[base + k * stride + s], "outside the segments");
      }
    }
  }

  @Test
  void eachSpectrumIsEverySegmentsOwnScaledSpectrumAtItsPlace() {
    int nperseg = 40;
    int nfft = 64;
    int hop = 13;
    int count = 2 * V + 1;
    int bins = nfft / 2 + 1;
    double[] win = new double[nperseg];
    for (int j = 0; j < nperseg; j++) {
      win[j] = 1.0 - 0.005 * j;
    }
    SplittableRandom r = new SplittableRandom(12);
    double[] x = new double[count * hop + nperseg];
    for (int i = 0; i < x.length; i++) {
      x[i] = 1.5 + r.nextDouble(-1, 1);
    }
    int base = 2;
    int stride = count + 3;
    double[] out = new double[2 * (base + bins * stride)];
    java.util.Arrays.fill(out, -7.0);
    double scale = 0.25;
    // a full block and a partial one, in two calls
    SegmentPowers p = SegmentPowers.forThread(win, nfft);
    p.eachSpectrum(x, 0, hop, 0, V, SegmentTrend.NONE, scale, out, base, stride);
    p.eachSpectrum(x, 0, hop, V, count - V, SegmentTrend.NONE, scale, out, base, stride);
    for (int s = 0; s < count; s++) {
      for (int k = 0; k < bins; k++) {
        double re = 0;
        double im = 0;
        for (int j = 0; j < nperseg; j++) {
          double a = -2 * Math.PI * ((long) j * k % nfft) / nfft;
          re += win[j] * x[s * hop + j] * Math.cos(a);
          im += win[j] * x[s * hop + j] * Math.sin(a);
        }
        int i = base + k * stride + s;
        assertEquals(scale * re, out[2 * i], 1e-12 * nperseg, "re segment " + s + " bin " + k);
        assertEquals(scale * im, out[2 * i + 1], 1e-12 * nperseg, "im segment " + s + " bin " + k);
      }
      for (int k = 0; k < bins; k++) {
        for (int t = count; t < stride; t++) {
          assertEquals(-7.0, out[2 * (base + k * stride + t)], "outside the segments");
        }
      }
    }
  }

  @Test
  void aThreadKeepsItsInstanceForTheSameWindowAndNfft() {
    double[] win = new double[64];
    java.util.Arrays.fill(win, 1.0);
    SegmentPowers a = SegmentPowers.forThread(win, 64);
    assertSame(a, SegmentPowers.forThread(win.clone(), 64), "an equal window");
    assertNotSame(a, SegmentPowers.forThread(win, 128), "another nfft");
    double[] other = win.clone();
    other[3] = 0.5;
    SegmentPowers b = SegmentPowers.forThread(other, 64);
    assertNotSame(a, b, "another window");
    // a window changed in place after use is not the instance's (it keeps a copy)
    other[3] = 0.25;
    assertNotSame(b, SegmentPowers.forThread(other, 64));
  }

  /** The definition, with a direct DFT of every segment. */
  private static double[] direct(double[] x, int off, int hop, int count, double[] win, int nfft,
      SegmentTrend trend) {
    int nperseg = win.length;
    double[] sum = new double[nfft / 2 + 1];
    for (int s = 0; s < count; s++) {
      int st = off + s * hop;
      // the trend c0 + c1 t at t = j + 1: none, the mean (b = 0), or the least-squares line from
      // the normal equations [sum t^2, sum t; sum t, n] (c1, c0) = (sum t x, sum x)
      double c0 = 0;
      double c1 = 0;
      if (trend != SegmentTrend.NONE) {
        double st1 = 0;
        double st2 = 0;
        double sx = 0;
        double stx = 0;
        for (int j = 0; j < nperseg; j++) {
          double t = j + 1;
          st1 += t;
          st2 += t * t;
          sx += x[st + j];
          stx += t * x[st + j];
        }
        if (trend == SegmentTrend.LINE) {
          double det = st2 * nperseg - st1 * st1;
          c1 = (stx * nperseg - st1 * sx) / det;
          c0 = (st2 * sx - st1 * stx) / det;
        } else {
          c0 = sx / nperseg;
        }
      }
      for (int k = 0; k <= nfft / 2; k++) {
        double re = 0;
        double im = 0;
        for (int j = 0; j < nperseg; j++) {
          double v = win[j] * (x[st + j] - (c0 + c1 * (j + 1)));
          double a = -2 * Math.PI * ((long) j * k % nfft) / nfft;
          re += v * Math.cos(a);
          im += v * Math.sin(a);
        }
        sum[k] += re * re + im * im;
      }
    }
    return sum;
  }

  private static void assertClose(double[] want, double[] got, String what) {
    double max = 0;
    for (double v : want) {
      max = Math.max(max, Math.abs(v));
    }
    for (int k = 0; k < want.length; k++) {
      assertEquals(want[k], got[k], 1e-11 * max, what + " bin " + k);
    }
  }
}
