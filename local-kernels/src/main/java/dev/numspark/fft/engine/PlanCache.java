package dev.numspark.fft.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import dev.numspark.fft.FftPlan;

/**
 * A bounded, thread-safe cache of {@link FftPlan}s (JTransforms' twiddle tables and Bluestein
 * kernel, {@link JTransformsPlan}) by length, least recently used first out, like pocketfft's
 * plan cache in SciPy; and the engines' other bounded caches ({@link #lru}, {@link #cached}).
 *
 * <p>A plan is immutable once built, so one instance serves concurrent callers. Building happens
 * outside the lock; two threads racing for a new length may both build it, which costs time, not
 * correctness.
 */
public final class PlanCache {
  /** pocketfft caches 16 plans; we keep a few more because DCT/DST of n use FFTs of 2n etc. */
  static final int MAX_PLANS = 32;
  /** Plans this long hold tens of MB of tables; keep at most this many elements cached in total. */
  static final long MAX_CACHED_LENGTH = 1L << 24;

  private static final Map<Integer, FftPlan> CACHE =
      new LinkedHashMap<>(MAX_PLANS, 0.75f, true);
  private static long cachedLength;
  private static final Map<Integer, double[]> TWIDDLES = lru(MAX_PLANS);

  private PlanCache() {}

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

  /** The shared plan for transforms of length {@code n >= 1} ({@link FftPlan#of}). */
  public static FftPlan plan(int n) {
    synchronized (CACHE) {
      FftPlan plan = CACHE.get(n);
      if (plan != null) {
        return plan;
      }
    }
    FftPlan plan = JTransformsPlan.create(n);
    if (FftConfig.VECTOR_ENGINE) {
      plan = EnginePlan.of(plan);
    }
    synchronized (CACHE) {
      FftPlan raced = CACHE.get(n);
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
    return cached(TWIDDLES, m, PlanCache::computeQuarterTwiddles);
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
