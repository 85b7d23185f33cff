package dev.numspark.examples;

import dev.numspark.examples.options.OptionException;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Writes a DataFrame so that the output path holds either the complete result or nothing new:
 * Spark writes into a hidden sibling directory, which is renamed onto the path only after the
 * write succeeded (and deleted when it failed). Spark's own commit protocol leaves a half-written
 * directory behind when a job fails.
 */
final class AtomicOutput {
  static final List<String> FORMATS = List.of("parquet", "json");

  private AtomicOutput() {}

  static String checkFormat(String format) {
    if (!FORMATS.contains(format)) {
      throw new OptionException("--output-format must be parquet or json, got '" + format + "'");
    }
    return format;
  }

  /** Fails when {@code path} exists and may not be replaced. */
  static void checkTarget(SparkSession spark, String path, boolean overwrite) throws IOException {
    Path target = new Path(path);
    FileSystem fs = target.getFileSystem(hadoopConf(spark));
    if (fs.exists(target) && !overwrite) {
      throw new OptionException(path + " exists; pass --overwrite to replace it");
    }
  }

  static void write(Dataset<Row> df, String path, String format, boolean overwrite)
      throws IOException {
    SparkSession spark = df.sparkSession();
    Path target = new Path(path);
    FileSystem fs = target.getFileSystem(hadoopConf(spark));
    Path target0 = fs.makeQualified(target);
    Path parent = target0.getParent();
    Path staging = new Path(parent, "." + target0.getName() + ".numspark-" + UUID.randomUUID());
    boolean done = false;
    try {
      df.write().format(format).save(staging.toString());
      if (fs.exists(target0)) {
        if (!overwrite) {
          throw new OptionException(path + " exists; pass --overwrite to replace it");
        }
        Path old = new Path(parent, "." + target0.getName() + ".numspark-old-" + UUID.randomUUID());
        rename(fs, target0, old);
        rename(fs, staging, target0);
        fs.delete(old, true);
      } else {
        rename(fs, staging, target0);
      }
      done = true;
    } finally {
      if (!done) {
        fs.delete(staging, true);
      }
    }
  }

  private static void rename(FileSystem fs, Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("cannot move " + from + " to " + to);
    }
  }

  private static Configuration hadoopConf(SparkSession spark) {
    return spark.sparkContext().hadoopConfiguration();
  }
}
