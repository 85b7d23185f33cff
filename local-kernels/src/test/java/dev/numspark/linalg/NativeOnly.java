package dev.numspark.linalg;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.numspark.parallel.NativeBlas;

/**
 * For tests of what only native OpenBLAS does (complex LAPACK, gelsd's rank decisions): they skip
 * with a notice when it is absent, and fail instead under {@code -Dnumspark.requireNative=true}
 * (set by CI), as issue 20 asks.
 */
final class NativeOnly {
  private NativeOnly() {}

  static void require() {
    String notice = "native OpenBLAS is not loaded (netlib uses " + NativeBlas.implementation()
        + "); install libopenblas0-pthread";
    if (Boolean.getBoolean("numspark.requireNative")) {
      assertTrue(NativeBlas.isNative(), notice);
    }
    assumeTrue(NativeBlas.isNative(), notice);
  }
}
