package dev.numspark.parallel;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * For tests that need the native OpenBLAS ({@code .ci/run} installs libopenblas0-pthread): where
 * netlib loaded no native OpenBLAS they are skipped, with one notice on the console for the run,
 * so that the README's test command passes on a machine without it; with
 * {@code -Dnumspark.requireNative=true} (set by {@code .ci/run}) they fail instead.
 */
public final class NativeOpenBlas {
  private static final AtomicBoolean NOTICE_SHOWN = new AtomicBoolean();

  private NativeOpenBlas() {}

  /** The loaded OpenBLAS; skips (or, when required, fails) the calling test without it. */
  public static LibraryInfo require() {
    LibraryInfo openblas = NativeBlas.isNative() ? ThreadLimits.info().stream()
        .filter(i -> i.internalApi().equals("openblas")).findFirst().orElse(null) : null;
    if (openblas != null) {
      return openblas;
    }
    String notice = "native OpenBLAS is not loaded (netlib uses " + NativeBlas.implementation()
        + "; Debian: apt-get install libopenblas0-pthread)";
    if (Boolean.getBoolean("numspark.requireNative")) {
      Assertions.fail("numspark.requireNative is set, but " + notice);
    }
    if (NOTICE_SHOWN.compareAndSet(false, true)) {
      System.err.println("NOTICE: " + notice + ": tests that need it are skipped");
    }
    Assumptions.abort("skipped: " + notice);
    throw new AssertionError("unreachable");
  }
}
