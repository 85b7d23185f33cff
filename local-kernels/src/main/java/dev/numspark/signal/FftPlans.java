package dev.numspark.signal;

import java.util.Map;
import java.util.LinkedHashMap;
import org.jtransforms.fft.DoubleFFT_1D;
import pl.edu.icm.jlargearrays.ConcurrencyUtils;

/**
 * A bounded cache of JTransforms plans, one cache per thread.
 *
 * <p>Temporary: replaced by {@code dev.numspark.fft.Fft} once that lands. A {@link DoubleFFT_1D}
 * must not be shared between threads: concurrent {@code complexForward} calls on one instance give
 * wrong results now and then (seen with n = 128 on JTransforms 3.1, even with its thread count at
 * 1), so each thread keeps its own few plans. JTransforms starts its own threads for long transforms when its global thread
 * count is above 1 (its default is every processor); numspark parallelises by {@code workers}
 * instead, so the count is pinned to 1 the first time a plan is made.
 */
final class FftPlans {
  private static final int MAX_PLANS = 8;
  private static final ThreadLocal<Map<Integer, DoubleFFT_1D>> PLANS =
      ThreadLocal.withInitial(() -> new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, DoubleFFT_1D> eldest) {
          return size() > MAX_PLANS;
        }
      });

  static {
    if (ConcurrencyUtils.getNumberOfThreads() != 1) {
      ConcurrencyUtils.setNumberOfThreads(1);
    }
  }

  private FftPlans() {}

  /** The calling thread's plan for length n; use it on this thread only. */
  static DoubleFFT_1D plan(int n) {
    return PLANS.get().computeIfAbsent(n, DoubleFFT_1D::new);
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
