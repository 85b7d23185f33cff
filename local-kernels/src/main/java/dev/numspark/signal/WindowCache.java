package dev.numspark.signal;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The windows of the segmenting functions, computed once per (window, length). A Spark SQL
 * function calls welch once per row; computing a 256-point Hann window each time (256 cosines)
 * cost about a tenth of a 4096-sample Welch. The arrays handed out are shared: callers only read
 * them. Bounded: past {@link #MAX_ENTRIES} distinct windows it starts over.
 */
final class WindowCache {
  private static final int MAX_ENTRIES = 64;
  private static final ConcurrentHashMap<Key, double[]> CACHE = new ConcurrentHashMap<>();

  private WindowCache() {}

  private record Key(String name, String params, int length) {}

  /** {@code Windows.getWindow(window, length, true)}, shared; {@code window} is not an array. */
  static double[] periodic(Window window, int length) {
    Key key = new Key(window.name(), Arrays.toString(window.rawParams()), length);
    double[] win = CACHE.get(key);
    if (win == null) {
      win = Windows.getWindow(window, length, true); // throws on a bad window: nothing cached
      if (CACHE.size() >= MAX_ENTRIES) {
        CACHE.clear();
      }
      CACHE.put(key, win);
    }
    return win;
  }
}
