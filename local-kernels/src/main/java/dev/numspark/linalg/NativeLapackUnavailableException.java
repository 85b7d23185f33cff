package dev.numspark.linalg;

/**
 * A complex128 computation was asked for, but native OpenBLAS is not loaded. numspark's complex
 * linear algebra calls LAPACK's z-routines in OpenBLAS; the Java BLAS/LAPACK it otherwise falls
 * back to (netlib's f2j translation) has no complex routines, and numspark has no Java path of its
 * own for them, so it stops with this error rather than answering slowly or wrongly.
 */
public class NativeLapackUnavailableException extends UnsupportedOperationException {
  private static final long serialVersionUID = 1L;

  public NativeLapackUnavailableException(String message) {
    super(message);
  }
}
