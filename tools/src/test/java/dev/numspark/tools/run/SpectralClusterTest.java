package dev.numspark.tools.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.numspark.spark.StandaloneCluster;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/numspark run spectral --master spark://...} on a real standalone Master + Worker
 * started by docker/bin's scripts (the Docker images' entry points): the job runs on an executor,
 * reports that executor's BLAS threads, and finds every generated tone.
 */
class SpectralClusterTest {

  @Test
  void spectralOnAStandaloneCluster() {
    StandaloneCluster cluster = StandaloneCluster.start(2, "2g");
    System.setProperty("spark.driver.host", "127.0.0.1");
    System.setProperty("spark.driver.bindAddress", "127.0.0.1");
    System.setProperty("spark.executor.memory", "1g");
    try {
      Cli cli = Cli.run("run", "spectral", "--master", cluster.masterUrl(), "--no-progress",
          "--rows", "300", "--length", "2048");
      assertEquals(0, cli.code(), cli.err() + "\nworker log:\n" + cluster.log("worker"));
      assertTrue(cli.out().contains("spectral: 300 signals"), cli.out());
      assertTrue(cli.out().contains("recovered: 300/300 signals"), cli.out());
      // the BLAS report comes from the cluster's executor, not from this driver
      assertTrue(cli.out().contains("executor BLAS threads: executor 0:"), cli.out());
    } finally {
      System.clearProperty("spark.driver.host");
      System.clearProperty("spark.driver.bindAddress");
      System.clearProperty("spark.executor.memory");
      cluster.stop();
    }
  }
}
