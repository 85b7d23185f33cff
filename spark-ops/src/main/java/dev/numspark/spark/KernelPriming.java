package dev.numspark.spark;

import dev.numspark.array.NdArray;
import dev.numspark.fft.Fft;
import dev.numspark.signal.Signal;
import dev.numspark.signal.SpectralOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.catalyst.expressions.UnsafeArrayData;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.execution.vectorized.OnHeapColumnVector;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.vectorized.ColumnarArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warms an executor's FFT and signal kernels before its first task: a fresh JVM's first batched
 * FFT takes about 1.3 s and the next ten or so run at about 9x the steady time while the JIT
 * compiles the Vector API code (platform notes). One daemon thread at minimum priority runs the
 * kernels on small generated data until it has used {@code spark.numspark.prime.seconds} of CPU
 * time (default 2; 0 turns it off), or three times that of wall-clock time. It never delays
 * executor registration (it returns at once) and never fails the executor (every throwable is
 * logged and dropped).
 *
 * <p>What makes a first task slow once the kernels are compiled is compiled code thrown away:
 * priming must reach C2 with the row path and leave it nothing the first task can invalidate
 * (the nullabilities, array classes and fresh threads of {@link #rowCalls}).
 */
final class KernelPriming {
  static final String SECONDS = "spark.numspark.prime.seconds";
  static final double DEFAULT_SECONDS = 2.0;
  private static final Logger LOG = LoggerFactory.getLogger(KernelPriming.class);

  /** Wall-clock time priming may take, in multiples of its CPU budget. */
  static final int WALL_FACTOR = 3;

  private static final ArrayType NULLABLE = ArrayType.apply(DataTypes.DoubleType, true);
  private static final ArrayType NOT_NULL = ArrayType.apply(DataTypes.DoubleType, false);

  private KernelPriming() {}

  /** Starts the priming thread (unless turned off); returns at once. */
  static Thread start(SparkConf conf) {
    double seconds = conf.getDouble(SECONDS, DEFAULT_SECONDS);
    if (!(seconds > 0)) {
      return null;
    }
    return startDaemon("numspark-prime", () -> prime((long) (seconds * 1e9)));
  }

  /** A started daemon thread at minimum priority: priming's own, and its row threads. */
  private static Thread startDaemon(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
    return t;
  }

  /**
   * Runs the kernels' common shapes until the priming threads have used {@code budgetNanos} of
   * CPU time, or {@link #WALL_FACTOR} times that of wall-clock time; returns the rounds run.
   */
  static int prime(long budgetNanos) {
    long wallEnd = System.nanoTime() + WALL_FACTOR * budgetNanos;
    CpuBudget cpu = new CpuBudget();
    int rounds = 0;
    try {
      NdArray rows = random(32, 4096);
      NdArray odd = random(8, 1000);
      SpectralOptions welch = SpectralOptions.defaults().fs(1000.0).nperseg(256).workers(1);
      // The SQL functions' row paths, as a task calls them: one signal at a time, read from
      // Catalyst's own arrays (the batched calls do not compile these). A Janino-compiled
      // projection of the SQL functions in place of these calls primed less well (its compile
      // takes part of the budget), so it is not done.
      double[] signal = java.util.Arrays.copyOf(rows.data(), 4096);
      UnsafeArrayData row = UnsafeArrayData.fromPrimitiveArray(signal);
      UnsafeArrayData oddRow = UnsafeArrayData.fromPrimitiveArray(
          java.util.Arrays.copyOf(odd.data(), 1000));
      ArrayData[] otherKinds = otherArrayKinds(signal);
      NdArray one = NdArray.real(signal, 4096); // the same first line, not copied again
      while (cpu.used() < budgetNanos && System.nanoTime() < wallEnd) {
        // The row path first, alone for the first 3/5 of the budget: it is what a SQL query's
        // first tasks run, and it reaches C2 only after some 15 000 calls (more while the JIT's
        // queue is long, as at executor start)
        cpu.add(onFreshThread(() -> rowCalls(row, oddRow, otherKinds)));
        rounds++;
        if (cpu.used() < budgetNanos * 3 / 5) {
          continue;
        }
        NdArray spectrum = Fft.rfft(rows, null, -1, null, 1);
        Fft.irfft(spectrum, 4096, -1, null, 1);
        Fft.fft(spectrum, null, -1, null, 1);
        Fft.rfft(odd, null, -1, null, 1);
        Signal.welch(rows, welch);
        Fft.fft(one, null, -1, null, 1);
        for (int i = 0; i < 32; i++) { // numspark_welch's row path, as above
          Signal.welch(one, welch);
        }
      }
      LOG.debug("numspark: kernels primed ({} rounds)", rounds);
    } catch (Throwable t) {
      LOG.warn("numspark: priming the kernels failed; tasks run unprimed", t);
    }
    return rounds;
  }

  /**
   * The SQL functions' row calls as a task runs them, for both kinds of signal column: Spark types
   * a column of arrays {@code containsNull} or not (a cached literal array, say, is not), and a
   * compiled row path that has seen only one of them is thrown away and compiled again by the
   * first task that brings the other (`-XX:+LogCompilation`: an unstable_if trap in
   * {@code ComplexArrays.requireNoNulls}, 2026-12-05).
   */
  private static void rowCalls(UnsafeArrayData row, UnsafeArrayData oddRow,
      ArrayData[] otherKinds) {
    // Many row calls a round: the row path must reach C2 within the budget. Welch once did this
    // by the way (one single-line rfft per segment, ~1000 a round); on the FFT engine it no
    // longer calls that path, and with one row call a round the first query's tasks went from 2x
    // to 5.4-6.6x a warm one (bench-priming, after two Spark queries). 512 calls (about 5 ms a
    // round once compiled) brought them to 1.9x; 32 and 128 to 3.2x and 2.3x.
    for (int i = 0; i < 256; i++) {
      RowRfft.struct("numspark_rfft", row, NULLABLE, null, null);
      RowRfft.struct("numspark_rfft", row, NOT_NULL, null, null);
    }
    RowRfft.struct("numspark_rfft", oddRow, NULLABLE, null, null);
    for (ArrayData other : otherKinds) {
      RowRfft.struct("numspark_rfft", other, NOT_NULL, null, null);
    }
  }

  /**
   * The signal as the other {@code ArrayData} classes a task can hand the row path: Spark's
   * generic arrays and the vectorized Parquet reader's columnar ones. While priming has seen only
   * {@code UnsafeArrayData}, C2 compiles its calls on the signal for that one class; the first
   * query that loads another (Spark's own queries link {@code GenericArrayData}) invalidates the
   * compiled row path, and the first task compiles it again (-XX:+LogCompilation: a
   * dependency_failed on {@code ArrayData.numElements}, witness GenericArrayData, 2026-12-05).
   */
  static ArrayData[] otherArrayKinds(double[] signal) {
    OnHeapColumnVector column = new OnHeapColumnVector(signal.length, DataTypes.DoubleType);
    column.putDoubles(0, signal.length, signal, 0);
    return new ArrayData[] {new GenericArrayData(signal),
        new ColumnarArray(column, 0, signal.length)};
  }

  /**
   * Runs {@code calls} on a new thread, waits for it and returns the CPU time it used. A task
   * thread's first row call sizes its work array (and the kernels' per-thread scratch); on one
   * long-lived thread that happens once, and C2 compiles it as a branch never taken, which the
   * first task's every thread then traps on. A new thread a round keeps it in the profile.
   */
  static long onFreshThread(Runnable calls) throws Throwable {
    Throwable[] failure = new Throwable[1];
    long[] cpuNanos = new long[1];
    startDaemon("numspark-prime-rows", () -> {
      try {
        calls.run();
      } catch (Throwable e) {
        failure[0] = e;
      } finally {
        cpuNanos[0] = CpuBudget.threadCpu();
      }
    }).join();
    if (failure[0] != null) {
      throw failure[0];
    }
    return cpuNanos[0];
  }

  /**
   * The CPU time the priming threads have used: what priming takes from an executor's tasks.
   * A wall-clock budget would not bound that, and at executor start, when the executor's own
   * start-up and first tasks share the cores and the JIT's queue, 2 s of wall-clock time gave the
   * row path too little to reach C2 (-XX:+LogCompilation, local[2] on 2 cores, 2026-12-05).
   * Falls back to wall-clock time where the JVM measures no thread CPU time.
   */
  static final class CpuBudget {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final long wallStart = System.nanoTime();
    private final long ownStart = threadCpu();
    private long others;

    static long threadCpu() {
      return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
    }

    void add(long otherThreadNanos) {
      others += Math.max(otherThreadNanos, 0);
    }

    long used() {
      long own = threadCpu();
      return own < 0 || ownStart < 0 ? System.nanoTime() - wallStart : own - ownStart + others;
    }
  }

  private static NdArray random(int lines, int n) {
    SplittableRandom r = new SplittableRandom(7);
    double[] d = new double[lines * n];
    for (int i = 0; i < d.length; i++) {
      d[i] = r.nextDouble() - 0.5;
    }
    return NdArray.real(d, lines, n);
  }
}
