package dev.numspark.spark;

import org.apache.spark.api.plugin.DriverPlugin;
import org.apache.spark.api.plugin.ExecutorPlugin;
import org.apache.spark.api.plugin.SparkPlugin;

/**
 * {@code spark.plugins=dev.numspark.spark.NumsparkPlugin}: on every executor, native BLAS/OpenMP
 * threads are set to each task's CPU budget, so that the tasks running side by side never
 * oversubscribe the executor's cores. See {@link BlasThreadsExecutorPlugin}.
 */
public final class NumsparkPlugin implements SparkPlugin {

  @Override
  public DriverPlugin driverPlugin() {
    return null;
  }

  @Override
  public ExecutorPlugin executorPlugin() {
    return new BlasThreadsExecutorPlugin();
  }
}
