package dev.numspark.tools.cli;

import dev.numspark.spark.Numspark;
import dev.numspark.spark.NumsparkPlugin;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;

/**
 * Reports on a Spark application's executors, from an application started for the purpose on
 * {@code master} with the numspark plugin: {@code threads --spark} and {@code doctor}.
 */
final class ClusterReports {
  private ClusterReports() {}

  /** {@link Numspark#threadInfo} as JSON lines. */
  static String threads(String master) {
    return withSession(master, "numspark threads", spark -> {
      List<String> rows = Numspark.threadInfo(spark).toJSON().collectAsList();
      return rows.isEmpty() ? "[]" : "[\n  " + String.join(",\n  ", rows) + "\n]";
    });
  }

  /** {@link Numspark#doctorReport}: a line per executor, then the verdicts. */
  static String doctor(String master) {
    return withSession(master, "numspark doctor", Numspark::doctorReport);
  }

  private static String withSession(String master, String name,
      Function<SparkSession, String> report) {
    SparkSession spark = SparkSession.builder().master(master).appName(name)
        .config("spark.plugins", NumsparkPlugin.class.getName())
        .config("spark.ui.enabled", "false")
        .getOrCreate();
    try {
      return report.apply(spark);
    } finally {
      spark.stop();
    }
  }
}
