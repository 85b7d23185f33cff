package dev.numspark.spark;

import dev.numspark.array.NdArray;
import dev.numspark.fft.Fft;
import dev.numspark.signal.Signal;
import dev.numspark.signal.SpectralOptions;
import java.util.SplittableRandom;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.catalyst.expressions.UnsafeArrayData;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warms an executor's FFT and signal kernels before its first task: a fresh JVM's first batched
 * FFT takes about 1.3 s and the next ten or so run at about 9x the steady time while the JIT
 * compiles the Vector API code (platform notes). One daemon thread at minimum priority runs the
 * kernels on small generated data for at most {@code spark.numspark.prime.seconds} (default 2;
 * 0 turns it off). It never delays executor registration (it returns at once) and never fails
 * the executor (every throwable is logged and dropped).
 */
final class KernelPriming {
  static final String SECONDS = "spark.numspark.prime.seconds";
  static final double DEFAULT_SECONDS = 2.0;
  private static final Logger LOG = LoggerFactory.getLogger(KernelPriming.class);

  private KernelPriming() {}

  /** Starts the priming thread (unless turned off); returns at once. */
  static Thread start(SparkConf conf) {
    double seconds = conf.getDouble(SECONDS, DEFAULT_SECONDS);
    if (!(seconds > 0)) {
      return null;
    }
    Thread t = new Thread(() -> prime((long) (seconds * 1e9)), "numspark-prime");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
    return t;
  }

  /** Runs the kernels' common shapes until {@code budgetNanos} is spent; returns the rounds run. */
  static int prime(long budgetNanos) {
    long end = System.nanoTime() + budgetNanos;
    int rounds = 0;
    try {
      NdArray rows = random(32, 4096);
      NdArray odd = random(8, 1000);
      SpectralOptions welch = SpectralOptions.defaults().fs(1000.0).nperseg(256).workers(1);
      // The SQL functions' row paths, as a task calls them: one signal at a time, read from
      // Catalyst's own arrays (the batched calls above do not compile these). Measured with
      // `bench-priming`: the first query's tasks 8x a warm one's unprimed, 2-2.5x primed so; a
      // Janino-compiled projection of the SQL functions in place of these calls primed less well
      // (its compile takes part of the budget), so it is not done.
      UnsafeArrayData row = UnsafeArrayData.fromPrimitiveArray(
          java.util.Arrays.copyOf(rows.data(), 4096));
      UnsafeArrayData oddRow = UnsafeArrayData.fromPrimitiveArray(
          java.util.Arrays.copyOf(odd.data(), 1000));
      ArrayType signal = ArrayType.apply(DataTypes.DoubleType, true);
      NdArray one = NdArray.real(java.util.Arrays.copyOf(rows.data(), 4096), 4096);
      while (System.nanoTime() < end) {
        NdArray spectrum = Fft.rfft(rows, null, -1, null, 1);
        Fft.irfft(spectrum, 4096, -1, null, 1);
        Fft.fft(spectrum, null, -1, null, 1);
        Fft.rfft(odd, null, -1, null, 1);
        Signal.welch(rows, welch);
        // Many row calls a round: the row path must reach C2 within the budget. Welch once did
        // this by the way (one single-line rfft per segment, ~1000 a round); on the FFT engine it
        // no longer calls that path, and with one row call a round the first query's tasks went
        // from 2x to 5.4-6.6x a warm one (bench-priming, after two Spark queries). 512 calls
        // (about 5 ms a round once compiled) brought them to 1.9x; 32 and 128 to 3.2x and 2.3x.
        for (int i = 0; i < 512; i++) {
          RowRfft.struct("numspark_rfft", row, signal, null, null);
        }
        RowRfft.struct("numspark_rfft", oddRow, signal, null, null);
        Fft.fft(one, null, -1, null, 1);
        for (int i = 0; i < 32; i++) { // numspark_welch's row path, as above
          Signal.welch(one, welch);
        }
        rounds++;
      }
      LOG.debug("numspark: kernels primed ({} rounds)", rounds);
    } catch (Throwable t) {
      LOG.warn("numspark: priming the kernels failed; tasks run unprimed", t);
    }
    return rounds;
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
