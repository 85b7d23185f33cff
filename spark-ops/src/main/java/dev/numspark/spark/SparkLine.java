package dev.numspark.spark;

import dev.numspark.fft.FftEngineInfo;
import dev.numspark.parallel.NativeBlas;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Spark line and Scala version this jar is built for (written by the build into
 * {@code numspark-build.properties}), checked against the running Spark before anything else, so
 * that a mismatch is one message naming the right artifact, not a {@code NoSuchMethodError} deep
 * in a query. Java, and free of Scala library calls that differ between 2.12 and 2.13, because it
 * must run on the wrong Spark too.
 */
public final class SparkLine {
  private static final Logger LOG = LoggerFactory.getLogger(SparkLine.class);

  /**
   * The lines with an artifact, as LINE_SCALA (README's compatibility table, the parent POM's
   * profiles); {@code bin/numspark dist} builds these.
   */
  public static final List<String> LINES = List.of("3.5_2.12", "3.5_2.13", "4.0_2.13", "4.1_2.13",
      "4.2_2.13");

  private static final Properties BUILD = load();
  private static volatile boolean announced;

  private SparkLine() {}

  /** numspark's version, e.g. 0.2.0. */
  public static String version() {
    return BUILD.getProperty("version");
  }

  /** The Spark line this jar is for, e.g. 4.0. */
  public static String line() {
    return BUILD.getProperty("spark.line");
  }

  /** The Scala binary version this jar is for, e.g. 2.13. */
  public static String scalaBinaryVersion() {
    return BUILD.getProperty("scala.binary.version");
  }

  /** This jar's artifact, e.g. numspark-spark-4.0_2.13. */
  public static String artifact() {
    return artifact(line(), scalaBinaryVersion());
  }

  static String artifact(String line, String scala) {
    return "numspark-spark-" + line + "_" + scala;
  }

  /** The running Spark's version, e.g. 4.0.1. */
  public static String runningSpark() {
    return org.apache.spark.package$.MODULE$.SPARK_VERSION();
  }

  /** The running Scala's version, e.g. 2.13.16. */
  public static String runningScala() {
    return scala.util.Properties$.MODULE$.versionNumberString();
  }

  /**
   * Throws {@link SparkLineMismatchException} when this jar is not built for the running Spark
   * line and Scala version; the first call that passes logs one INFO line of what runs.
   */
  public static void check() {
    String problem = mismatch(line(), scalaBinaryVersion(), runningSpark(), runningScala());
    if (problem != null) {
      throw new SparkLineMismatchException(problem);
    }
    if (!announced) {
      announced = true;
      LOG.info(startupLine());
    }
  }

  /**
   * The mismatch message for a jar built for {@code line}/{@code scala} running on Spark
   * {@code spark} with Scala {@code scalaVersion}, or null when they match.
   */
  static String mismatch(String line, String scala, String spark, String scalaVersion) {
    String runningLine = majorMinor(spark);
    String runningScala = majorMinor(scalaVersion);
    if (line.equals(runningLine) && scala.equals(runningScala)) {
      return null;
    }
    String built = artifact(line, scala) + " is built for Spark " + line + " (Scala " + scala
        + "); this is Spark " + spark + " (Scala " + runningScala + "): ";
    String wanted = runningLine + "_" + runningScala;
    if (LINES.contains(wanted)) {
      return built + "use numspark-spark-" + wanted;
    }
    return built + "numspark has no artifact for it (artifacts: numspark-spark-"
        + String.join(", numspark-spark-", LINES) + ")";
  }

  /** What runs here, in one line: versions, the FFT engine and BLAS. */
  public static String startupLine() {
    return "numspark " + version() + " (" + artifact() + ") on Spark " + runningSpark()
        + ": FFT " + FftEngineInfo.describe() + "; BLAS "
        + (NativeBlas.isNative() ? "native (" : "Java fallback, much slower (")
        + NativeBlas.implementation() + ")";
  }

  private static String majorMinor(String version) {
    String[] parts = version.split("\\.");
    return parts.length < 2 ? version : parts[0] + "." + parts[1];
  }

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = SparkLine.class.getResourceAsStream("/numspark-build.properties")) {
      if (in == null) {
        throw new IllegalStateException("numspark-build.properties is missing from the jar");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
