package dev.numspark.linalg;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.lapack.LAPACK;
import dev.numspark.parallel.NativeBlas;

/**
 * The BLAS and LAPACK the kernels call on the current thread: {@link NativeBlas}'s, except inside
 * {@link #java(Runnable)}, where the pure-Java implementations are used. Batches of small matrices
 * run in that mode: OpenBLAS's level-1/2 kernels round differently with the memory alignment the
 * JVM happens to give an array (observed: the same one-thread call differs in the last bits after
 * an unrelated allocation), so native results could not be the same for every number of workers;
 * the Java implementations are bitwise reproducible, and for matrices this small the JNI call
 * overhead is a large part of the native cost anyway.
 */
final class Backend {
  private static final ThreadLocal<Boolean> JAVA = ThreadLocal.withInitial(() -> false);

  private Backend() {}

  static BLAS blas() {
    return JAVA.get() ? NativeBlas.javaBlas() : NativeBlas.blas();
  }

  static LAPACK lapack() {
    return JAVA.get() ? NativeBlas.javaLapack() : NativeBlas.lapack();
  }

  /**
   * The lock a dgeev call takes when {@code lapack} is the Java one (else none is needed, and
   * null is returned). f2j's translation keeps DLALN2's 2x2 work arrays CI and CR in static fields
   * (an EQUIVALENCE made them SAVEd), so two threads in dgeev's eigenvector step (dtrevc) at once
   * overwrite each other's solves. OpenBLAS's LAPACK is reentrant. f2j's other static fields under
   * the routines numspark calls are constants, or DLAMCH's, which {@link NativeBlas} sets once.
   */
  static Object geevLock(LAPACK lapack) {
    return lapack == NativeBlas.javaLapack() ? GEEV_LOCK : null;
  }

  private static final Object GEEV_LOCK = new Object();

  /** Runs {@code body} with the Java BLAS and LAPACK on this thread. */
  static void java(Runnable body) {
    boolean previous = JAVA.get();
    JAVA.set(true);
    try {
      body.run();
    } finally {
      JAVA.set(previous);
    }
  }
}
