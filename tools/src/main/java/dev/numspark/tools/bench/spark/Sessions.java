package dev.numspark.tools.bench.spark;

import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** A fresh local[2] session per benchmark side (a JVM has one SparkContext at a time). */
final class Sessions {
  private Sessions() {}

  static SparkSession start(String app, Map<String, String> conf) {
    SparkSession.getActiveSession().foreach(s -> {
      s.stop();
      return null;
    });
    SparkSession.getDefaultSession().foreach(s -> {
      s.stop();
      return null;
    });
    SparkSession.Builder builder = SparkSession.builder().master("local[2]").appName(app)
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2");
    conf.forEach(builder::config);
    return builder.getOrCreate();
  }
}
