package dev.numspark.linalg;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import dev.numspark.parallel.LibController;
import dev.numspark.parallel.NativeBlas;
import dev.numspark.parallel.ThreadLimits;

/**
 * LAPACK's and BLAS's complex128 routines (z-prefixed, Fortran symbols) of the OpenBLAS that
 * netlib loaded, called through JNA's direct mapping. netlib ({@code dev.ludovic.netlib}) binds only
 * the real routines, hence this binding; it opens the very file mapped in this process (found as
 * {@link ThreadLimits} finds it), so the calls run on the same OpenBLAS instance, under the same
 * thread count.
 *
 * <p>Every argument is a pointer, as Fortran passes them; character arguments get their hidden
 * lengths (gfortran's size_t, here 1) at the end, which the callee may rely on. Data lives in
 * {@link ZWork}'s native memory.
 */
final class ZLapack {
  private static final String NEEDS_NATIVE = "complex128 input needs native OpenBLAS: numspark "
      + "calls LAPACK's complex (z) routines there, and the Java LAPACK it falls back to has none. "
      + "Install OpenBLAS (Debian: apt-get install libopenblas0-pthread)";

  /** Single characters for Fortran's CHARACTER arguments. */
  private static final Memory CHARS;
  private static final String CHAR_SET = "NVULAISTRC";

  static {
    CHARS = new Memory(CHAR_SET.length());
    for (int i = 0; i < CHAR_SET.length(); i++) {
      CHARS.setByte(i, (byte) CHAR_SET.charAt(i));
    }
  }

  private ZLapack() {}

  /** The character c as a Fortran CHARACTER*1 argument. */
  static Pointer ch(char c) {
    int i = CHAR_SET.indexOf(c);
    if (i < 0) {
      throw new IllegalArgumentException("no Fortran character " + c);
    }
    return CHARS.share(i);
  }

  private static final class Holder {
    static final String ERROR;

    static {
      String error = null;
      try {
        if (!NativeBlas.isNative()) {
          error = NEEDS_NATIVE + "; netlib uses " + NativeBlas.implementation() + ".";
        } else {
          LibController openblas = null;
          for (LibController c : ThreadLimits.controllers()) {
            if (c.internalApi().equals("openblas") && openblas == null) {
              openblas = c;
            }
          }
          if (openblas == null) {
            error = NEEDS_NATIVE + "; no OpenBLAS is mapped in this process.";
          } else {
            Native.register(Z.class, NativeLibrary.getInstance(openblas.filepath()));
          }
        }
      } catch (UnsatisfiedLinkError | RuntimeException e) {
        error = NEEDS_NATIVE + "; binding its z-routines failed: " + e.getMessage();
      }
      ERROR = error;
    }
  }

  /** Whether the complex routines can be called. */
  static boolean available() {
    return Holder.ERROR == null;
  }

  /** @throws NativeLapackUnavailableException when native OpenBLAS is not loaded */
  static void require() {
    if (Holder.ERROR != null) {
      throw new NativeLapackUnavailableException(Holder.ERROR);
    }
  }

  /** The Fortran entry points, bound by {@link Holder} (JNA direct mapping: no boxing). */
  static final class Z {
    private Z() {}

    static native void zgemm_(Pointer transa, Pointer transb, Pointer m, Pointer n, Pointer k,
        Pointer alpha, Pointer a, Pointer lda, Pointer b, Pointer ldb, Pointer beta, Pointer c,
        Pointer ldc, long l1, long l2);

    static native void zgesv_(Pointer n, Pointer nrhs, Pointer a, Pointer lda, Pointer ipiv,
        Pointer b, Pointer ldb, Pointer info);

    static native void zgetrf_(Pointer m, Pointer n, Pointer a, Pointer lda, Pointer ipiv,
        Pointer info);

    static native void zgetri_(Pointer n, Pointer a, Pointer lda, Pointer ipiv, Pointer work,
        Pointer lwork, Pointer info);

    static native void zpotrf_(Pointer uplo, Pointer n, Pointer a, Pointer lda, Pointer info,
        long l1);

    static native void zpotrs_(Pointer uplo, Pointer n, Pointer nrhs, Pointer a, Pointer lda,
        Pointer b, Pointer ldb, Pointer info, long l1);

    static native void zhesv_(Pointer uplo, Pointer n, Pointer nrhs, Pointer a, Pointer lda,
        Pointer ipiv, Pointer b, Pointer ldb, Pointer work, Pointer lwork, Pointer info, long l1);

    static native void zsysv_(Pointer uplo, Pointer n, Pointer nrhs, Pointer a, Pointer lda,
        Pointer ipiv, Pointer b, Pointer ldb, Pointer work, Pointer lwork, Pointer info, long l1);

    static native void ztrtrs_(Pointer uplo, Pointer trans, Pointer diag, Pointer n, Pointer nrhs,
        Pointer a, Pointer lda, Pointer b, Pointer ldb, Pointer info, long l1, long l2, long l3);

    static native void zheevr_(Pointer jobz, Pointer range, Pointer uplo, Pointer n, Pointer a,
        Pointer lda, Pointer vl, Pointer vu, Pointer il, Pointer iu, Pointer abstol, Pointer m,
        Pointer w, Pointer z, Pointer ldz, Pointer isuppz, Pointer work, Pointer lwork,
        Pointer rwork, Pointer lrwork, Pointer iwork, Pointer liwork, Pointer info, long l1,
        long l2, long l3);

    static native void zgeev_(Pointer jobvl, Pointer jobvr, Pointer n, Pointer a, Pointer lda,
        Pointer w, Pointer vl, Pointer ldvl, Pointer vr, Pointer ldvr, Pointer work,
        Pointer lwork, Pointer rwork, Pointer info, long l1, long l2);

    static native void zgesdd_(Pointer jobz, Pointer m, Pointer n, Pointer a, Pointer lda,
        Pointer s, Pointer u, Pointer ldu, Pointer vt, Pointer ldvt, Pointer work, Pointer lwork,
        Pointer rwork, Pointer iwork, Pointer info, long l1);

    static native void zgelsd_(Pointer m, Pointer n, Pointer nrhs, Pointer a, Pointer lda,
        Pointer b, Pointer ldb, Pointer s, Pointer rcond, Pointer rank, Pointer work,
        Pointer lwork, Pointer rwork, Pointer iwork, Pointer info);

    static native void zgeqrf_(Pointer m, Pointer n, Pointer a, Pointer lda, Pointer tau,
        Pointer work, Pointer lwork, Pointer info);

    static native void zungqr_(Pointer m, Pointer n, Pointer k, Pointer a, Pointer lda,
        Pointer tau, Pointer work, Pointer lwork, Pointer info);
  }
}
