package dev.numspark.tools.bench.spark;

import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** A fresh session per benchmark side (one SparkContext a JVM), local[2] unless told. */
final class Sessions {
  private Sessions() {}

  static SparkSession start(String app, Map<String, String> conf) {
    return start(app, "local[2]", conf);
  }

  /**
   * A session on {@code master}; for a cluster, each executor gets 2 cores and the JVM options the
   * README recommends, and this tool's shaded jar (numspark and the benchmark jobs) is shipped.
   */
  static SparkSession start(String app, String master, Map<String, String> conf) {
    SparkSession.getActiveSession().foreach(s -> {
      s.stop();
      return null;
    });
    SparkSession.getDefaultSession().foreach(s -> {
      s.stop();
      return null;
    });
    SparkSession.Builder builder = SparkSession.builder().master(master).appName(app)
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2");
    if (!master.startsWith("local")) {
      builder.config("spark.executor.cores", "2")
          .config("spark.executor.memory", "2g")
          .config("spark.executor.extraJavaOptions",
              "--add-modules=jdk.incubator.vector -Xss16m -XX:MaxInlineLevel=40");
      // the tools' shaded jar: numspark and the benchmark jobs' classes
      Path jar = dev.numspark.examples.Sessions.jarOf(Sessions.class);
      if (jar != null) {
        builder.config("spark.jars", jar.toString());
      }
    }
    conf.forEach(builder::config);
    return builder.getOrCreate();
  }
}
