package dev.numspark.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ludovic.netlib.blas.BLAS;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * ThreadLimits against the real native OpenBLAS that {@code .ci/run} installs
 * ({@code libopenblas0-pthread}); no mocks.
 */
class ThreadLimitsTest {

  static LibraryInfo openblas() {
    return NativeOpenBlas.require();
  }

  @Test
  void infoReportsTheLoadedOpenBlas() {
    LibraryInfo info = openblas();
    assertEquals(UserApi.BLAS, info.userApi());
    assertEquals("libopenblas", info.prefix());
    assertTrue(info.version().matches("\\d+\\.\\d+\\.\\d+.*"), info.version());
    assertTrue(info.numThreads() >= 1);
    assertEquals("pthreads", info.threadingLayer());
    assertNotNull(info.architecture());
    assertTrue(Files.exists(Path.of(info.filepath())));
  }

  @Test
  void theReportedLibraryIsTheOneNetlibLoaded() throws IOException {
    LibraryInfo openblas = openblas();
    String configured = System.getProperty("dev.ludovic.netlib.blas.nativeLibPath");
    assertNotNull(configured, "NativeBlas points netlib at libopenblas.so.0 when it exists");
    assertEquals(Path.of(configured).toRealPath(), Path.of(openblas.filepath()).toRealPath());
  }

  @Test
  void infoJsonUsesThreadpoolctlFieldNames() {
    LibraryInfo info = openblas();
    String json = ThreadLimits.infoJson();
    assertTrue(json.startsWith("[\n  {") && json.endsWith("}\n]"), json);
    for (String field : List.of("\"user_api\": \"blas\"", "\"internal_api\": \"openblas\"",
        "\"num_threads\": " + info.numThreads(), "\"prefix\": \"libopenblas\"",
        "\"filepath\": \"" + info.filepath() + "\"", "\"version\": \"" + info.version() + "\"",
        "\"threading_layer\": \"pthreads\"", "\"architecture\": ")) {
      assertTrue(json.contains(field), field + " missing from " + json);
    }
  }

  @Test
  void limitSetsAndCloseRestores() {
    int before = openblas().numThreads();
    try (ThreadLimit limit = ThreadLimits.limit(1)) {
      assertEquals(1, openblas().numThreads());
      assertTrue(limit.librariesLimited() >= 1);
    }
    assertEquals(before, openblas().numThreads());
  }

  /**
   * Overlapping limits of concurrent callers (two tasks of one executor) closed out of order: the
   * one still open stays in force, and the last to close gives back the original count. A
   * save-and-restore limit would leave the first's saved count in force here, or the second's
   * setting for good.
   */
  @Test
  void aLimitAlreadyInForceChangesNothingAndOverlappingLimitsNeverUndoEachOther() {
    int before = openblas().numThreads();
    ThreadLimit first = ThreadLimits.limit(1);
    ThreadLimit second = ThreadLimits.limit(1); // e.g. a second task of the same executor
    assertEquals(0, second.librariesLimited());
    first.close();
    assertEquals(1, openblas().numThreads(), "the second limit is still open");
    second.close();
    assertEquals(before, openblas().numThreads(), "the last limit to close restores the count");
    ThreadLimit three = ThreadLimits.limit(3);
    ThreadLimit one = ThreadLimits.limit(1);
    three.close();
    assertEquals(1, openblas().numThreads());
    one.close();
    assertEquals(before, openblas().numThreads());
  }

  @Test
  void closeRestoresAfterAnException() {
    int before = openblas().numThreads();
    assertThrows(IllegalStateException.class, () -> {
      try (ThreadLimit limit = ThreadLimits.limit(1, UserApi.BLAS)) {
        throw new IllegalStateException("boom");
      }
    });
    assertEquals(before, openblas().numThreads());
  }

  @Test
  void limitsNest() {
    int before = openblas().numThreads();
    try (ThreadLimit outer = ThreadLimits.limit(3)) {
      try (ThreadLimit inner = ThreadLimits.limit(1)) {
        assertEquals(1, openblas().numThreads());
      }
      assertEquals(3, openblas().numThreads());
    }
    assertEquals(before, openblas().numThreads());
  }

  @Test
  void anOpenMpLimitLeavesBlasAlone() {
    int before = openblas().numThreads();
    try (ThreadLimit limit = ThreadLimits.limit(1, UserApi.OPENMP)) {
      assertEquals(before, openblas().numThreads());
    }
  }

  @Test
  void perLibraryLimitsByPrefixInternalApiOrUserApi() {
    int before = openblas().numThreads();
    for (String key : List.of("libopenblas", "openblas", "blas")) {
      try (ThreadLimit limit = ThreadLimits.limit(Map.of(key, 1))) {
        assertEquals(1, openblas().numThreads(), key);
      }
      assertEquals(before, openblas().numThreads());
    }
    try (ThreadLimit limit = ThreadLimits.limit(Map.of("libgomp", 1))) {
      assertEquals(before, openblas().numThreads());
    }
  }

  @Test
  void aLimitBelowOneIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ThreadLimits.limit(0));
    assertEquals("thread limit must be at least 1, got 0", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> UserApi.parse("cuda"));
  }

  /**
   * The limit reaches the BLAS numspark calls: with 2 OpenBLAS threads the other threads of this
   * process do a large share of a dgemm's work; limited to 1 the calling thread does all of it.
   * This compares CPU time per thread (from /proc), not wall time.
   */
  @Test
  void aLimitOfOneKeepsDgemmOnTheCallingThread() throws IOException {
    openblas();
    BLAS blas = NativeBlas.blas();
    int n = 600;
    double[] a = random(n * n, 1);
    double[] b = random(n * n, 2);
    double[] c = new double[n * n];
    Runnable dgemm = () -> blas.dgemm("N", "N", n, n, n, 1.0, a, n, b, n, 0.0, c, n);
    // Other threads of the JVM (JIT, GC, OpenBLAS helpers still spinning after an earlier
    // multi-threaded call) can only add to the others' ticks, so the best of three runs is taken.
    double oneThread = Double.MAX_VALUE;
    double twoThreads = 0;
    for (int round = 0; round < 3; round++) {
      try (ThreadLimit one = ThreadLimits.limit(1)) {
        pause();
        dgemm.run();
        oneThread = Math.min(oneThread, cpuShareOfOtherThreads(dgemm));
      }
      try (ThreadLimit two = ThreadLimits.limit(2)) {
        twoThreads = Math.max(twoThreads, cpuShareOfOtherThreads(dgemm));
      }
    }
    assertTrue(oneThread < 0.2, "with 1 BLAS thread, other threads did " + oneThread
        + " of the caller's CPU time");
    assertTrue(twoThreads > 0.3, "with 2 BLAS threads, helper threads did only " + twoThreads
        + " of the caller's CPU time");
  }

  private static void pause() {
    try {
      Thread.sleep(300);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Runs {@code work} until the caller used ~40 clock ticks: the other threads' ticks per caller tick. */
  static double cpuShareOfOtherThreads(Runnable work) throws IOException {
    String self = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
    long callerBefore = ticks(self);
    long othersBefore = othersTicks(self);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (ticks(self) - callerBefore < 40 && System.nanoTime() < deadline) {
      work.run();
    }
    return (double) (othersTicks(self) - othersBefore) / Math.max(1, ticks(self) - callerBefore);
  }

  /**
   * The CPU time of this process's other threads, but for the JVM's own service threads: the JIT
   * compilers and the collector work at their own pace (a loaded machine's C2 alone can match a
   * dgemm's helper threads), and what is measured here is where BLAS runs.
   */
  private static long othersTicks(String self) throws IOException {
    long sum = 0;
    try (var tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        String tid = task.getFileName().toString();
        if (!tid.equals(self) && !jvmServiceThread(tid)) {
          sum += ticks(tid);
        }
      }
    }
    return sum;
  }

  private static final List<String> JVM_SERVICE_THREADS = List.of("C1 CompilerThre",
      "C2 CompilerThre", "GC Thread", "G1 ", "VM Thread", "VM Periodic", "Sweeper");

  private static boolean jvmServiceThread(String tid) {
    try {
      String name = Files.readString(Path.of("/proc/self/task", tid, "comm")).trim();
      return JVM_SERVICE_THREADS.stream().anyMatch(name::startsWith);
    } catch (IOException e) {
      return false; // exited
    }
  }

  /** utime + stime of one thread of this process, in clock ticks (0 if it has exited). */
  private static long ticks(String tid) {
    try {
      String stat = Files.readString(Path.of("/proc/self/task", tid, "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (IOException e) {
      return 0;
    }
  }

  static double[] random(int size, long seed) {
    Random random = new Random(seed);
    double[] x = new double[size];
    for (int i = 0; i < size; i++) {
      x[i] = random.nextDouble();
    }
    return x;
  }

  /** In a JVM where netlib cannot load a native library, the report is empty and BLAS works. */
  @Test
  void withoutANativeLibraryTheReportIsEmptyAndTheJavaBlasIsUsed() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(java.toString(),
        "-Ddev.ludovic.netlib.blas.nativeLib=libnumspark-absent.so",
        "-Ddev.ludovic.netlib.lapack.nativeLib=libnumspark-absent.so",
        "-cp", System.getProperty("java.class.path"),
        PrintInfo.class.getName())
        .redirectErrorStream(false).start();
    String out = new String(process.getInputStream().readAllBytes()).trim();
    String err = new String(process.getErrorStream().readAllBytes());
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), err);
    assertEquals("[]", out);
    assertTrue(err.contains("no native BLAS found"), err);
  }

  /** What {@code bin/numspark threads} prints, in a JVM of its own. */
  static final class PrintInfo {
    public static void main(String[] args) {
      System.out.println(ThreadLimits.infoJson());
    }
  }
}
