package dev.numspark.parallel;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.JavaBLAS;
import dev.ludovic.netlib.lapack.JavaLAPACK;
import dev.ludovic.netlib.lapack.LAPACK;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The BLAS and LAPACK that numspark calls: {@code dev.ludovic.netlib}, the library Spark itself
 * uses, with native OpenBLAS when it is installed and the Java implementation otherwise.
 *
 * <p>netlib's JNI layer opens the file named by the system properties
 * {@code dev.ludovic.netlib.blas.nativeLibPath} (an absolute path) or
 * {@code dev.ludovic.netlib.blas.nativeLib} (a name the dynamic loader resolves; default
 * {@code libblas.so.3}), and likewise {@code dev.ludovic.netlib.lapack.*}. When none of them is set,
 * numspark points them at OpenBLAS's own {@code libopenblas.so.0} if it exists, so that BLAS and
 * LAPACK come from OpenBLAS even where {@code libblas.so.3} is the reference BLAS. A value the user
 * set is never changed. Setting {@code -Dnumspark.blas=java} selects the Java implementation.
 */
public final class NativeBlas {

  private static final System.Logger LOG = System.getLogger(NativeBlas.class.getName());
  private static final String[] LIBRARY_DIRS = {
      "/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib",
      "/usr/local/lib", "/opt/OpenBLAS/lib"};
  private static final String OPENBLAS_FILE = "libopenblas.so.0";

  private static final class Holder {
    static final BLAS BLAS_INSTANCE;
    static final LAPACK LAPACK_INSTANCE;

    static {
      boolean forceJava = "java".equalsIgnoreCase(System.getProperty("numspark.blas", "auto"));
      if (!forceJava) {
        preferOpenBlas("blas");
        preferOpenBlas("lapack");
      }
      BLAS_INSTANCE = forceJava ? JavaBLAS.getInstance() : BLAS.getInstance();
      LAPACK loaded = forceJava ? null : LAPACK.getInstance();
      LAPACK_INSTANCE = loaded == null || !isNativeImpl(loaded) ? JavaLapack.INSTANCE : loaded;
      if (!isNativeImpl(BLAS_INSTANCE)) {
        LOG.log(System.Logger.Level.INFO, forceJava
            ? "numspark: using the Java BLAS ({0}) as -Dnumspark.blas=java asks"
            : "numspark: no native BLAS found; using the Java BLAS ({0}), which is much slower "
                + "for large matrices. Install OpenBLAS (Debian: apt-get install "
                + "libopenblas0-pthread) for native speed.", BLAS_INSTANCE.getClass().getSimpleName());
      }
    }
  }

  /**
   * The pure-Java (f2j) LAPACK, with its machine constants computed before any caller has it.
   * f2j's DLAMCH computes eps and the underflow and overflow thresholds on its first call, into
   * static fields and without a lock: threads making their first calls at once overwrite each
   * other's half-done values, which then stay for the JVM's life (measured: 224 of 800 concurrent
   * first calls, four threads in fresh class loaders, got an eps of 4e-28 or 2e-19 and an overflow
   * threshold of Infinity). LAPACK then answers wrongly or never returns: a Spark Connect server's
   * first small SVDs, two tasks at once, hung. A class is initialised once, under the JVM's lock,
   * so computing the constants here makes every later DLAMCH call a read.
   */
  private static final class JavaLapack {
    static final LAPACK INSTANCE = withMachineConstants(JavaLAPACK.getInstance());

    private static LAPACK withMachineConstants(LAPACK lapack) {
      if (!machineConstantsRight(lapack)) {
        // Another library's threads raced through their first calls before numspark's: compute
        // the constants again (f2j's flags are public) and say so.
        LOG.log(System.Logger.Level.WARNING, "numspark: the Java LAPACK's machine constants were"
            + " wrong (eps {0}); computing them again", lapack.dlamch("E"));
        org.netlib.lapack.Dlamc1.first = true;
        org.netlib.lapack.Dlamc2.first = true;
        org.netlib.lapack.Dlamch.first = true;
        if (!machineConstantsRight(lapack)) {
          throw new IllegalStateException("the Java LAPACK's machine constants are wrong: eps "
              + lapack.dlamch("E") + ", overflow " + lapack.dlamch("O"));
        }
      }
      return lapack;
    }

    /** IEEE double's: unit roundoff 2^-53, smallest normal, largest finite. */
    private static boolean machineConstantsRight(LAPACK lapack) {
      return lapack.dlamch("E") == Math.ulp(1.0) / 2 && lapack.dlamch("S") == Double.MIN_NORMAL
          && lapack.dlamch("O") == Double.MAX_VALUE;
    }
  }

  private NativeBlas() {}

  /** The BLAS numspark calls (loads it on first use). */
  public static BLAS blas() {
    return Holder.BLAS_INSTANCE;
  }

  /** The LAPACK numspark calls (loads it on first use). */
  public static LAPACK lapack() {
    return Holder.LAPACK_INSTANCE;
  }

  /** The pure-Java BLAS, for comparisons with the native one. */
  public static BLAS javaBlas() {
    return JavaBLAS.getInstance();
  }

  /** The pure-Java LAPACK, bitwise reproducible wherever it runs. */
  public static LAPACK javaLapack() {
    return JavaLapack.INSTANCE;
  }

  /** Whether {@link #blas()} is a native library. */
  public static boolean isNative() {
    return isNativeImpl(blas());
  }

  /** The implementation class of {@link #blas()}, e.g. JNIBLAS or VectorBLAS. */
  public static String implementation() {
    return blas().getClass().getSimpleName();
  }

  private static boolean isNativeImpl(Object impl) {
    return impl.getClass().getSimpleName().startsWith("JNI");
  }

  private static void preferOpenBlas(String which) {
    String base = "dev.ludovic.netlib." + which + ".";
    if (System.getProperty(base + "nativeLib") != null
        || System.getProperty(base + "nativeLibPath") != null) {
      return;
    }
    Path openblas = findOpenBlas();
    if (openblas != null) {
      System.setProperty(base + "nativeLibPath", openblas.toString());
    }
  }

  /** libopenblas.so.0 in the loader's usual directories, or null. */
  static Path findOpenBlas() {
    List<String> dirs = new ArrayList<>();
    String ldPath = System.getenv("LD_LIBRARY_PATH");
    if (ldPath != null) {
      dirs.addAll(List.of(ldPath.split(":")));
    }
    dirs.addAll(List.of(LIBRARY_DIRS));
    for (String dir : dirs) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, OPENBLAS_FILE);
      if (Files.isReadable(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
