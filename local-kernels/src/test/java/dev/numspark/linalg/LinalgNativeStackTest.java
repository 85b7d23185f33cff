package dev.numspark.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.numspark.array.NdArray;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Multi-threaded OpenBLAS LAPACK keeps a large job table on the calling thread's stack: called
 * from two default 1 MiB Java threads at once (Spark task threads, say) it kills the JVM with
 * SIGSEGV. Linalg runs such calls on large-stack worker threads; this runs the scenario in a child
 * JVM, so a regression fails the test instead of the test run.
 */
class LinalgNativeStackTest {

  /** The child: two 1 MiB threads solve 400 x 400 systems with workers=2 (threaded OpenBLAS). */
  public static void main(String[] args) throws Exception {
    int n = 400;
    Random random = new Random(1);
    double[] a = new double[n * n];
    for (int i = 0; i < a.length; i++) {
      a[i] = random.nextGaussian();
    }
    double[] b = new double[n];
    java.util.Arrays.fill(b, 1.0);
    Runnable job = () -> {
      for (int k = 0; k < 20; k++) {
        Linalg.solve(NdArray.real(a.clone(), n, n), NdArray.real(b.clone(), n), "gen", false, true, 2);
      }
    };
    Thread t1 = new Thread(null, job, "small-stack-1", 1 << 20);
    Thread t2 = new Thread(null, job, "small-stack-2", 1 << 20);
    t1.start();
    t2.start();
    t1.join();
    t2.join();
    System.out.println("survived");
  }

  @Test
  void threadedNativeSolvesFromSmallStackThreadsDoNotCrashTheJvm() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child = new ProcessBuilder(java.toString(), "-cp",
        System.getProperty("java.class.path"), LinalgNativeStackTest.class.getName())
        .redirectErrorStream(true).start();
    String out = new String(child.getInputStream().readAllBytes());
    assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child JVM did not finish");
    assertEquals(0, child.exitValue(), "the child JVM died (139 = SIGSEGV):\n" + out);
    assertTrue(out.contains("survived"), out);
  }
}
