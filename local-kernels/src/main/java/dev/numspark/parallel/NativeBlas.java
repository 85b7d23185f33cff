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
      LAPACK_INSTANCE = forceJava ? JavaLAPACK.getInstance() : LAPACK.getInstance();
      if (!isNativeImpl(BLAS_INSTANCE)) {
        LOG.log(System.Logger.Level.INFO, forceJava
            ? "numspark: using the Java BLAS ({0}) as -Dnumspark.blas=java asks"
            : "numspark: no native BLAS found; using the Java BLAS ({0}), which is much slower "
                + "for large matrices. Install OpenBLAS (Debian: apt-get install "
                + "libopenblas0-pthread) for native speed.", BLAS_INSTANCE.getClass().getSimpleName());
      }
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
    return JavaLAPACK.getInstance();
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
