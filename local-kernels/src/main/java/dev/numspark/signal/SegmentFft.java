package dev.numspark.signal;

import dev.numspark.fft.engine.SegmentTrend;
import dev.numspark.fft.FftPlan;
import dev.numspark.signal.SpectralOptions.Detrend;

/**
 * One thread's transformer of signal segments: detrend, window, zero-pad to {@code nfft}, FFT.
 * Gives {@code nfft/2+1} bins (real input, one-sided) or {@code nfft} bins, interleaved re, im.
 * Not thread-safe: use it on the thread that made it (its FFT plan is that thread's).
 */
final class SegmentFft {
  final int nperseg;
  final int nfft;
  final boolean onesided;
  final int bins;
  private final double[] win;
  private final Detrend detrend;
  private final FftPlan plan;
  private final double[] segRe;
  private final double[] segIm;
  private final double[] buf;

  SegmentFft(double[] win, int nfft, Detrend detrend, boolean onesided) {
    this.nperseg = win.length;
    this.nfft = nfft;
    this.win = win;
    this.detrend = detrend;
    this.onesided = onesided;
    this.bins = onesided ? nfft / 2 + 1 : nfft;
    this.plan = FftPlan.of(nfft);
    this.segRe = new double[nperseg];
    this.segIm = new double[nperseg];
    this.buf = new double[onesided ? Math.max(nfft, 2) : 2 * nfft];
  }

  /**
   * Transforms the segment starting at {@code start} of a line ({@code im} null for real input)
   * into {@code out} (2 * bins values).
   */
  void transform(double[] re, double[] im, int start, double[] out) {
    if (onesided) {
      // SciPy takes the real part before rfft; the input is real here
      windowReal(re, start);
      java.util.Arrays.fill(buf, nperseg, buf.length, 0.0);
      plan.realForward(buf);
      RealPacking.unpackReal(buf, nfft, out);
      return;
    }
    System.arraycopy(re, start, segRe, 0, nperseg);
    detrend(segRe, detrend);
    if (im != null) {
      System.arraycopy(im, start, segIm, 0, nperseg);
      detrend(segIm, detrend);
    } else {
      java.util.Arrays.fill(segIm, 0.0);
    }
    java.util.Arrays.fill(buf, 0.0);
    for (int j = 0; j < nperseg; j++) {
      buf[2 * j] = win[j] * segRe[j];
      buf[2 * j + 1] = win[j] * segIm[j];
    }
    plan.complexForward(buf);
    System.arraycopy(buf, 0, out, 0, 2 * nfft);
  }

  /**
   * {@code buf[j] = win[j] * detrended(re[start + j])}. Constant and no detrending read the line
   * in place (the same operations as detrending a copy, so the same bits); linear detrends a copy.
   */
  private void windowReal(double[] re, int start) {
    if (detrend == Detrend.LINEAR) {
      System.arraycopy(re, start, segRe, 0, nperseg);
      detrend(segRe, detrend);
      for (int j = 0; j < nperseg; j++) {
        buf[j] = win[j] * segRe[j];
      }
      return;
    }
    double mean = 0.0;
    if (detrend == Detrend.CONSTANT) {
      for (int j = 0; j < nperseg; j++) {
        mean += re[start + j];
      }
      mean /= nperseg;
    }
    for (int j = 0; j < nperseg; j++) {
      buf[j] = win[j] * (re[start + j] - mean);
    }
  }

  /**
   * scipy.signal.detrend of one segment in place. Linear: the least-squares line
   * ({@link SegmentTrend#slope}, as on the engine). A one-sample segment detrends to zero either
   * way.
   */
  static void detrend(double[] x, Detrend type) {
    int n = x.length;
    if (type == Detrend.NONE || n == 0) {
      return;
    }
    double mean = 0.0;
    for (double v : x) {
      mean += v;
    }
    mean /= n;
    if (type == Detrend.CONSTANT || n == 1) {
      for (int j = 0; j < n; j++) {
        x[j] -= mean;
      }
      return;
    }
    double tMean = (n + 1) / 2.0;
    double slope = SegmentTrend.slope(x, 0, n, mean);
    for (int j = 0; j < n; j++) {
      x[j] -= mean + slope * ((j + 1) - tMean);
    }
  }
}
