package dev.numspark.fft;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jtransforms.fft.DoubleFFT_1D;
import pl.edu.icm.jlargearrays.ConcurrencyUtils;

/**
 * A bounded, thread-safe cache of JTransforms plans ({@link DoubleFFT_1D}, twiddle tables and the
 * Bluestein kernel) by length, least recently used first out, like pocketfft's plan cache in
 * SciPy.
 *
 * <p>A plan is immutable once built (JTransforms writes its fields only in the constructor and
 * allocates scratch per call), so one instance serves concurrent callers. Building happens outside
 * the lock; two threads racing for a new length may both build it, which costs time, not
 * correctness.
 *
 * <p>JTransforms' own thread count is process-global (JLargeArrays' {@code ConcurrencyUtils.setNumberOfThreads}, which JTransforms reads);
 * numspark keeps it at 1 so a transform never starts threads beyond the caller's {@code workers}:
 * parallelism comes from running independent 1-D transforms on {@code WorkerPool}.
 */
public final class Plans {
  /** pocketfft caches 16 plans; we keep a few more because DCT/DST of n use FFTs of 2n etc. */
  static final int MAX_PLANS = 32;
  /** Plans this long hold tens of MB of tables; keep at most this many elements cached in total. */
  static final long MAX_CACHED_LENGTH = 1L << 24;

  private static final Map<Integer, DoubleFFT_1D> CACHE =
      new LinkedHashMap<>(MAX_PLANS, 0.75f, true);
  private static long cachedLength;
  private static final Map<Integer, double[]> TWIDDLES = lru(MAX_PLANS);

  static {
    ConcurrencyUtils.setNumberOfThreads(1);
  }

  private Plans() {}

  /**
   * A map in access order that drops its least recently used entry beyond {@code max} entries:
   * the bounded plan caches of the engines, used through {@link #cached}.
   */
  static <K, V> Map<K, V> lru(int max) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > max;
      }
    };
  }

  /**
   * The value of {@code key} in {@code cache}, made by {@code make} if absent. It is made outside
   * the lock: making a plan can take a while and may look up other plans (Bluestein's uses the
   * plan of its convolution length); two threads racing on one key make equal values.
   */
  static <V> V cached(Map<Integer, V> cache, int key, java.util.function.IntFunction<V> make) {
    synchronized (cache) {
      V v = cache.get(key);
      if (v != null) {
        return v;
      }
    }
    V v = make.apply(key);
    synchronized (cache) {
      cache.put(key, v);
    }
    return v;
  }

  /**
   * The shared plan for transforms of length {@code n >= 1}; safe to use from any thread (also
   * used by {@code dev.numspark.signal} for its segment and block transforms).
   */
  public static DoubleFFT_1D fft(int n) {
    synchronized (CACHE) {
      DoubleFFT_1D plan = CACHE.get(n);
      if (plan != null) {
        return plan;
      }
    }
    DoubleFFT_1D plan = new DoubleFFT_1D(n);
    synchronized (CACHE) {
      DoubleFFT_1D raced = CACHE.get(n);
      if (raced != null) {
        return raced;
      }
      if (n <= MAX_CACHED_LENGTH) {
        CACHE.put(n, plan);
        cachedLength += n;
        var it = CACHE.entrySet().iterator();
        while ((CACHE.size() > MAX_PLANS || cachedLength > MAX_CACHED_LENGTH) && it.hasNext()) {
          var eldest = it.next();
          if (eldest.getKey() == n) {
            continue;
          }
          cachedLength -= eldest.getKey();
          it.remove();
        }
      }
    }
    return plan;
  }

  /**
   * {@code cos} and {@code sin} of {@code pi k / (2 m)} for {@code k in [0, m)}, interleaved: the
   * twiddles of the DCT/DST algorithms, computed directly (not by recurrence) for full accuracy.
   */
  static double[] quarterTwiddles(int m) {
    return cached(TWIDDLES, m, Plans::computeQuarterTwiddles);
  }

  private static double[] computeQuarterTwiddles(int m) {
    double[] t = new double[2 * m];
    for (int k = 0; k < m; k++) {
      double angle = Math.PI * k / (2.0 * m);
      t[2 * k] = Math.cos(angle);
      t[2 * k + 1] = Math.sin(angle);
    }
    return t;
  }

  /** The number of cached plans (for tests). */
  static int size() {
    synchronized (CACHE) {
      return CACHE.size();
    }
  }
}
