package dev.numspark.spark;

import java.util.Map;
import org.apache.spark.api.plugin.DriverPlugin;
import org.apache.spark.api.plugin.ExecutorPlugin;
import org.apache.spark.api.plugin.PluginContext;
import org.apache.spark.api.plugin.SparkPlugin;

/**
 * {@code spark.plugins=dev.numspark.spark.NumsparkPlugin}: on every executor, native BLAS/OpenMP
 * threads are set to each task's CPU budget, so that the tasks running side by side never
 * oversubscribe the executor's cores (see {@link BlasThreadsExecutorPlugin}), and the FFT and
 * signal kernels are warmed in the background before the first task ({@link KernelPriming},
 * {@code spark.numspark.prime.seconds}). Both driver and executors first check that this jar is
 * built for the running Spark line ({@link SparkLine}).
 */
public final class NumsparkPlugin implements SparkPlugin {

  /** On the driver: stops the application at once if this jar is for another Spark line. */
  @Override
  public DriverPlugin driverPlugin() {
    SparkLine.check();
    return null;
  }

  @Override
  public ExecutorPlugin executorPlugin() {
    SparkLine.check();
    BlasThreadsExecutorPlugin threads = new BlasThreadsExecutorPlugin();
    return new ExecutorPlugin() {
      @Override
      public void init(PluginContext ctx, Map<String, String> extraConf) {
        threads.init(ctx, extraConf);
        KernelPriming.start(ctx.conf()); // after the thread limits, so priming runs under them
      }

      @Override
      public void onTaskStart() {
        threads.onTaskStart();
      }

      @Override
      public void shutdown() {
        threads.shutdown();
      }
    };
  }
}
