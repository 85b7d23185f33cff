package dev.numspark.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Databricks notebook cannot rot: every SQL statement in it — each {@code %sql} cell and each
 * {@code spark.sql("...")} string of a Python cell — runs, in notebook order, on a local session
 * configured like the notebook's cluster ({@code spark.sql.extensions}, {@code spark.plugins}).
 */
class NotebookTest {
  static final Path NOTEBOOK = Path.of("notebooks", "numspark_spectral.py");
  private static final Pattern PYTHON_SQL = Pattern.compile(
      "spark\\.sql\\(\\s*([rRbBfF]*)(\"\"\"|'''|\"|')(.*?)\\2\\s*[,)]", Pattern.DOTALL);

  static SparkSession spark;

  @BeforeAll
  static void start() {
    SparkSession.getActiveSession().foreach(s -> {
      s.stop();
      return null;
    });
    spark = SparkSession.builder().master("local[2]").appName("NotebookTest")
        .config("spark.sql.extensions", Sessions.EXTENSIONS)
        .config("spark.plugins", Sessions.PLUGIN)
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** The notebook's cells: "# COMMAND ----------" separates them. */
  static List<String> cells(String source) {
    assertTrue(source.startsWith("# Databricks notebook source\n"),
        "Databricks source format starts with '# Databricks notebook source'");
    List<String> cells = new ArrayList<>();
    for (String cell : source.substring(source.indexOf('\n') + 1)
        .split("\n# COMMAND ----------\n")) {
      cells.add(cell.strip());
    }
    return cells;
  }

  /** SQL statements in notebook order, labelled by where they come from. */
  static Map<String, String> statements(List<String> cells) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    for (int c = 0; c < cells.size(); c++) {
      String cell = cells.get(c);
      if (cell.startsWith("# MAGIC %sql")) {
        StringBuilder sql = new StringBuilder();
        for (String line : cell.split("\n")) {
          assertTrue(line.startsWith("# MAGIC"), "a %sql cell has only MAGIC lines: " + line);
          sql.append(line.replaceFirst("^# MAGIC ?", "")).append('\n');
        }
        String body = sql.substring("%sql".length());
        int n = 0;
        for (String statement : body.split(";\\s*\n")) {
          if (!statement.isBlank()) {
            out.put("cell " + (c + 1) + " (%sql) statement " + ++n, statement.strip());
          }
        }
      } else if (!cell.startsWith("# MAGIC")) {
        Matcher m = PYTHON_SQL.matcher(cell);
        int n = 0;
        while (m.find()) {
          if (m.group(1).toLowerCase().contains("f")) {
            fail("cell " + (c + 1) + ": spark.sql with an f-string cannot be checked: " + m.group());
          }
          out.put("cell " + (c + 1) + " (python) statement " + ++n, m.group(3).strip());
        }
      }
    }
    return out;
  }

  @Test
  void everySqlStatementRuns() throws Exception {
    List<String> cells = cells(Files.readString(NOTEBOOK));
    assertTrue(cells.stream().anyMatch(c -> c.startsWith("# MAGIC %scala")), "a Scala cell");
    Map<String, String> statements = statements(cells);
    long sqlCells = statements.keySet().stream().filter(k -> k.contains("%sql")).count();
    long python = statements.keySet().stream().filter(k -> k.contains("python")).count();
    assertTrue(sqlCells >= 6 && python >= 3, "found too few statements: " + statements.keySet());

    Map<String, List<Row>> results = new TreeMap<>();
    for (Map.Entry<String, String> s : statements.entrySet()) {
      Dataset<Row> df;
      try {
        df = spark.sql(s.getValue());
      } catch (Exception e) {
        throw new AssertionError(s.getKey() + " failed: " + e.getMessage() + "\n" + s.getValue(),
            e);
      }
      List<Row> rows = df.collectAsList();
      if (!s.getValue().toUpperCase().startsWith("CREATE")) {
        assertFalse(rows.isEmpty(), s.getKey() + " returned no rows:\n" + s.getValue());
      }
      results.put(s.getKey(), rows);
    }
    // the notebook's signals have a tone at 50 + 25 (id % 4) Hz, stronger than the 120 Hz hum:
    // with 3.9 Hz bins the dominant frequency lies within half a bin of it
    for (Row r : spark.sql("SELECT id, dominant_hz FROM features").collectAsList()) {
      double tone = 50 + 25 * (r.getLong(0) % 4);
      assertEquals(tone, r.getDouble(1), 1000.0 / 256 / 2, "signal " + r.getLong(0));
    }
  }
}
