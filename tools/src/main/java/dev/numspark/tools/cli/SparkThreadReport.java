package dev.numspark.tools.cli;

import dev.numspark.spark.Numspark;
import dev.numspark.spark.NumsparkPlugin;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/** {@code bin/numspark threads --spark MASTER}: {@link Numspark#threadInfo} as JSON lines. */
final class SparkThreadReport {
  private SparkThreadReport() {}

  static String report(String master) {
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
