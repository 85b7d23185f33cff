package dev.numspark.cli;

/**
 * {@code bin/numspark threads --spark MASTER}: the thread pools of a Spark application's executors.
 * Provided by spark-ops through {@link java.util.ServiceLoader}, so local-kernels stays Spark-free.
 */
public interface ClusterThreadReport {

  /** Starts an application on {@code master} with the numspark plugin and returns JSON rows. */
  String report(String master);
}
