package dev.numspark.signal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jtransforms.fft.DoubleFFT_1D;
import pl.edu.icm.jlargearrays.ConcurrencyUtils;

/**
 * A bounded cache of JTransforms plans, shared by all threads.
 *
 * <p>Temporary: replaced by {@code dev.numspark.fft.Fft} once that lands. A {@link DoubleFFT_1D}
 * only writes its fields in the constructor (checked with javap on 3.1), so one plan may serve
 * concurrent callers. JTransforms starts its own threads for long transforms when its global thread
 * count is above 1 (its default is every processor); numspark parallelises by {@code workers}
 * instead, so the count is pinned to 1 the first time a plan is made.
 */
final class FftPlans {
  private static final int MAX_PLANS = 64;
  private static final Map<Integer, DoubleFFT_1D> PLANS = new ConcurrentHashMap<>();

  static {
    if (ConcurrencyUtils.getNumberOfThreads() != 1) {
      ConcurrencyUtils.setNumberOfThreads(1);
    }
  }

  private FftPlans() {}

  static DoubleFFT_1D plan(int n) {
    DoubleFFT_1D plan = PLANS.get(n);
    if (plan == null) {
      if (PLANS.size() >= MAX_PLANS) {
        PLANS.clear(); // crude bound: plans are cheap to rebuild relative to a batch of transforms
      }
      plan = PLANS.computeIfAbsent(n, DoubleFFT_1D::new);
    }
    return plan;
  }

  /**
   * Unpacks JTransforms' {@code realForward} layout of length {@code n} into {@code n/2+1}
   * interleaved complex bins (numpy's rfft order).
   */
  static void unpackReal(double[] packed, int n, double[] out) {
    out[0] = packed[0];
    out[1] = 0.0;
    int half = n / 2;
    if (n % 2 == 0) {
      for (int k = 1; k < half; k++) {
        out[2 * k] = packed[2 * k];
        out[2 * k + 1] = packed[2 * k + 1];
      }
      if (n > 1) {
        out[2 * half] = packed[1];
        out[2 * half + 1] = 0.0;
      }
    } else {
      for (int k = 1; k < half; k++) {
        out[2 * k] = packed[2 * k];
        out[2 * k + 1] = packed[2 * k + 1];
      }
      if (half >= 1) {
        out[2 * half] = packed[n - 1];
        out[2 * half + 1] = packed[1];
      }
    }
  }

  /**
   * Packs {@code n/2+1} interleaved complex bins into JTransforms' {@code realInverse} layout; the
   * imaginary parts of the zero and (even n) Nyquist bins are dropped, as numpy's irfft does.
   */
  static void packReal(double[] bins, int n, double[] packed) {
    packed[0] = bins[0];
    int half = n / 2;
    for (int k = 1; k < (n % 2 == 0 ? half : half); k++) {
      packed[2 * k] = bins[2 * k];
      packed[2 * k + 1] = bins[2 * k + 1];
    }
    if (n % 2 == 0) {
      if (n > 1) {
        packed[1] = bins[2 * half];
      }
    } else if (half >= 1) {
      packed[n - 1] = bins[2 * half];
      packed[1] = bins[2 * half + 1];
    }
  }

  /** The smallest 2^a 3^b 5^c at least {@code n}: lengths JTransforms transforms without Bluestein. */
  static int fastLength(int n) {
    if (n <= 6) {
      return Math.max(n, 1);
    }
    long best = Long.highestOneBit(n - 1L) << 1;
    for (long p5 = 1; p5 < best; p5 *= 5) {
      for (long p35 = p5; p35 < best; p35 *= 3) {
        long m = p35;
        while (m < n) {
          m *= 2;
        }
        if (m < best) {
          best = m;
        }
      }
    }
    return (int) best;
  }
}
