package dev.numspark.examples;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.trim;

import dev.numspark.examples.options.OptionException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;

/**
 * Signals from any Spark source: a column holding an array of numbers (or, for CSV and other text
 * sources, a string of numbers separated by spaces, commas or semicolons), an optional id column,
 * and {@code true_freqs} when present (as written by {@code --save-signals}).
 */
final class SignalInput {
  static final List<String> FORMATS = List.of("parquet", "json", "csv", "orc");

  private SignalInput() {}

  /** The format named by {@code --format}, or guessed from the path's extension. */
  static String format(String format, String path) {
    if (format == null) {
      String lower = path.toLowerCase(Locale.ROOT);
      format = FORMATS.stream().filter(f -> lower.endsWith("." + f)).findFirst()
          .orElse(lower.endsWith(".jsonl") ? "json" : "parquet");
    }
    if (!FORMATS.contains(format)) {
      throw new OptionException("--format must be one of " + String.join(", ", FORMATS) + ", got '"
          + format + "'");
    }
    return format;
  }

  /** Fails now, before Spark starts, when a local input path does not exist or is unreadable. */
  static void checkLocal(String path) {
    Path local = localPath(path);
    if (local == null) {
      return;
    }
    if (!Files.exists(local)) {
      throw new OptionException(path + ": no such file or directory");
    }
    if (!Files.isReadable(local)) {
      throw new OptionException(path + ": permission denied");
    }
  }

  /** The local file a path names (no scheme, or file:), else null (hdfs:, s3a:, dbfs:, ...). */
  static Path localPath(String path) {
    try {
      URI uri = URI.create(path.replace(" ", "%20"));
      if (uri.getScheme() == null || uri.getScheme().length() == 1) { // C: on Windows
        return Path.of(path);
      }
      return uri.getScheme().equals("file") ? Path.of(uri) : null;
    } catch (IllegalArgumentException e) {
      return Path.of(path);
    }
  }

  /** Columns id (string), signal (array of double) and, when known, true_freqs. */
  static Dataset<Row> read(SparkSession spark, String path, String format, String column,
      String idColumn) {
    Dataset<Row> df;
    try {
      DataFrameReader reader = spark.read().format(format);
      if (format.equals("csv")) {
        reader = reader.option("header", "true");
      }
      df = reader.load(path);
      df.schema();
    } catch (Exception e) { // Spark throws AnalysisException and SparkException undeclared
      throw new OptionException("cannot read " + path + " as " + format + ": "
          + Failures.rootMessage(e), e);
    }
    List<String> columns = Arrays.asList(df.columns());
    if (!columns.contains(column)) {
      throw new OptionException("no column '" + column + "' in " + path + " (columns: "
          + String.join(", ", columns) + "); choose one with --column");
    }
    Column id;
    if (idColumn != null) {
      if (!columns.contains(idColumn)) {
        throw new OptionException("no column '" + idColumn + "' in " + path + " (columns: "
            + String.join(", ", columns) + "); choose one with --id-column");
      }
      id = col(idColumn).cast("string");
    } else {
      id = columns.contains("id") && !column.equals("id") ? col("id").cast("string")
          : monotonically_increasing_id().cast("string");
    }
    Column signal = signalColumn(df.schema().apply(column).dataType(), column, path);
    Dataset<Row> out = columns.contains("true_freqs") && isNumericArray(
        df.schema().apply("true_freqs").dataType())
        ? df.select(id.as("id"), signal.as("signal"), col("true_freqs").cast("array<double>"))
        : df.select(id.as("id"), signal.as("signal"));
    return out.where(col("signal").isNotNull());
  }

  private static Column signalColumn(DataType type, String column, String path) {
    if (isNumericArray(type)) {
      return col(column).cast("array<double>");
    }
    if (type instanceof StringType) {
      return split(trim(col(column)), "[\\s,;]+").cast("array<double>");
    }
    throw new OptionException("column '" + column + "' of " + path + " is " + type.simpleString()
        + "; expected an array of numbers (or a string of numbers)");
  }

  private static boolean isNumericArray(DataType type) {
    return type instanceof ArrayType a && a.elementType() instanceof NumericType;
  }

  static String firstLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    return (nl >= 0 ? m.substring(0, nl) : m).trim();
  }
}
