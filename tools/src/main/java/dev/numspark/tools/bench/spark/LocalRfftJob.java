package dev.numspark.tools.bench.spark;

import dev.numspark.array.NdArray;
import dev.numspark.fft.Fft;

/**
 * The local kernel on the work of {@link RfftJob}: the same distinct signals as one C-order block,
 * transformed {@code signals / distinct} times by {@code Fft.rfft} with the given workers, so it
 * does as many transforms as the Spark job. Its time over the Spark job's is the share of the
 * local kernel's throughput that {@code numspark_rfft} reaches on Spark.
 */
final class LocalRfftJob implements Runnable {
  private final NdArray block;
  private final int repeats;
  private final int workers;
  private double sink;

  LocalRfftJob(int signals, int n, int workers) {
    int distinct = Math.min(signals, RfftJob.DISTINCT);
    double[] data = new double[distinct * n];
    for (int i = 0; i < distinct; i++) {
      System.arraycopy(RfftJob.signal(i, n), 0, data, i * n, n);
    }
    this.block = NdArray.real(data, distinct, n);
    this.repeats = Math.max(1, signals / distinct);
    this.workers = workers;
  }

  @Override
  public void run() {
    for (int r = 0; r < repeats; r++) {
      // like the Spark job, use one bin of every result so no transform can be skipped
      sink += Fft.rfft(block, null, -1, null, workers).data()[2];
    }
  }
}
