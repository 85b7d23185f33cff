package dev.numspark.tools.dist;

/** A Spark line's names: {@code 3.5_2.12} is Spark 3.5 with Scala 2.12. */
final class SparkLineNames {
  private SparkLineNames() {}

  static String artifact(String line) {
    return "numspark-spark-" + line;
  }

  static String profile(String line) {
    return "spark-" + line;
  }

  static String spark(String line) {
    return line.substring(0, line.indexOf('_'));
  }

  static String scala(String line) {
    return line.substring(line.indexOf('_') + 1);
  }
}
