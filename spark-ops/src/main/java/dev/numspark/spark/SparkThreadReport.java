package dev.numspark.spark;

import dev.numspark.cli.ClusterThreadReport;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/** {@code bin/numspark threads --spark MASTER}: {@link Numspark#threadInfo} as JSON lines. */
public final class SparkThreadReport implements ClusterThreadReport {

  @Override
  public String report(String master) {
    SparkSession spark = SparkSession.builder().master(master).appName("numspark threads")
        .config("spark.plugins", NumsparkPlugin.class.getName())
        .config("spark.ui.enabled", "false")
        .getOrCreate();
    try {
      List<String> rows = Numspark.threadInfo(spark).toJSON().collectAsList();
      return rows.isEmpty() ? "[]" : "[\n  " + String.join(",\n  ", rows) + "\n]";
    } finally {
      spark.stop();
    }
  }
}
