package dev.numspark.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.numspark.array.NdArray;
import dev.numspark.parallel.NativeBlas;
import dev.numspark.testing.ChildJvm;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Complex linear algebra on a machine without OpenBLAS, for real: a child JVM with netlib
 * pointed at a missing library (what a machine that lacks it gets) must compute small complex
 * problems on numspark's Java code, bitwise the same as this JVM, and refuse a larger one with
 * {@link NativeLapackUnavailableException}.
 */
class WithoutOpenBlasTest {
  private static final String RESULTS = "results ";
  private static final String LARGE = "large: ";

  @Test
  void smallComplexProblemsNeedNoOpenBlasAndGiveTheSameBits() throws Exception {
    List<String> child = runChild();
    assertTrue(child.contains("native=false"), "the child JVM found a native BLAS: " + child);
    String bits = child.stream().filter(l -> l.startsWith(RESULTS)).findFirst().orElseThrow(
        () -> new AssertionError("no results from the child JVM: " + child));
    assertEquals(smallResults(), bits, "the child JVM (no OpenBLAS) computed other bits");
    String large = child.stream().filter(l -> l.startsWith(LARGE)).findFirst().orElseThrow();
    assertTrue(large.startsWith(LARGE + NativeLapackUnavailableException.class.getSimpleName()
        + ": complex128 input needs native OpenBLAS"), large);
  }

  /**
   * The bits of small complex results on two workers: eigh of a seeded batch of 8 x 8 Hermitian
   * matrices, and solve (general and detected), inv and det of a general batch, Hermitian and
   * symmetric solves, a positive definite solve and Cholesky factor, and a diagonal solve of order
   * 40.
   */
  static String smallResults() {
    StringBuilder out = new StringBuilder(RESULTS);
    int n = 8;
    int count = 16;
    Random rnd = new Random(16);
    double[] batch = new double[2 * count * n * n];
    for (int b = 0; b < count; b++) {
      System.arraycopy(SmallZEighTest.hermitian(n, rnd), 0, batch, 2 * b * n * n, 2 * n * n);
    }
    NdArray a = NdArray.complex(batch, count, n, n);
    EighResult r = Linalg.eigh(a, true, false, null, true, 2);
    // a general complex batch (a Hermitian one plus a complex multiple of the identity's shift)
    double[] g = batch.clone();
    for (int i = 0; i < g.length; i += 3) {
      g[i] += 0.5;
    }
    NdArray general = NdArray.complex(g, count, n, n);
    double[] p = new double[batch.length];
    for (int b = 0; b < count; b++) {
      System.arraycopy(SmallZSolversTest.hpd(n, rnd), 0, p, 2 * b * n * n, 2 * n * n);
    }
    NdArray hpd = NdArray.complex(p, count, n, n);
    NdArray rhs = NdArray.complex(java.util.Arrays.copyOf(batch, 2 * count * n), count, n, 1);
    double[][] parts = {r.w().data(), r.v().data(),
        Linalg.solve(general, rhs, "gen", false, true, 2).data(),
        Linalg.solve(general, rhs, null, false, true, 2).data(),
        Linalg.inv(general, true, 2).data(), Linalg.det(general, true, 2).data(),
        Linalg.solve(a, rhs, "her", false, true, 2).data(),
        Linalg.solve(a, rhs, "sym", true, true, 2).data(),
        Linalg.solve(hpd, rhs, "pos", false, true, 2).data(),
        Linalg.cholesky(hpd, true, true, 2).data(), largeDiagonalSolve()};
    for (double[] part : parts) {
      for (double x : part) {
        out.append(Long.toHexString(Double.doubleToRawLongBits(x))).append(' ');
      }
    }
    return out.toString();
  }

  /** assume_a diagonal at an order above the small kernels': plain Java too. */
  private static double[] largeDiagonalSolve() {
    int n = Batch.THREADED_ORDER + 8;
    double[] d = new double[2 * n * n];
    double[] b = new double[2 * n];
    for (int i = 0; i < n; i++) {
      d[2 * (i * n + i)] = 1.0 + i;
      d[2 * (i * n + i) + 1] = 0.5 - i;
      b[2 * i] = i;
      b[2 * i + 1] = 1.0;
    }
    return Linalg.solve(NdArray.complex(d, n, n), NdArray.complex(b, n), "diagonal", false,
        true, 2).data();
  }

  /** Run in the child JVM: whether BLAS is native, the small results, a large problem's end. */
  public static void main(String[] args) {
    System.out.println("native=" + NativeBlas.isNative());
    System.out.println(smallResults());
    int n = Batch.THREADED_ORDER + 8;
    try {
      Linalg.eigh(NdArray.complex(SmallZEighTest.hermitian(n, new Random(1)), n, n));
      System.out.println(LARGE + "computed");
    } catch (RuntimeException e) {
      System.out.println(LARGE + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private static List<String> runChild() throws IOException, InterruptedException {
    return ChildJvm.run(WithoutOpenBlasTest.class, arg -> !arg.startsWith("-Ddev.ludovic.netlib"),
        "-Ddev.ludovic.netlib.blas.nativeLibPath=/nonexistent/libblas.so",
        "-Ddev.ludovic.netlib.lapack.nativeLibPath=/nonexistent/liblapack.so");
  }
}
