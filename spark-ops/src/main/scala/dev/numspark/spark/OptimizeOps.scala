package dev.numspark.spark

import org.apache.spark.sql.{DataFrame, Row}
import org.apache.spark.sql.types._

import scala.jdk.CollectionConverters._

/**
 * Per-group fits: one optimization problem per group key, each solved in one task (calibrate
 * thousands of sensors in one job). Results do not depend on the partitioning: a seeded problem
 * gives the same fit wherever it runs.
 */
object OptimizeOps {

  /**
   * Groups `df` by `keyCol`, builds each group's problem with `problem` and runs it. One row per
   * group: the key, `x`, `fun`, `nfev`, `nit`, `success`, `message`. A group whose problem fails
   * fails the job with the original error.
   */
  def minimizePerGroup(df: DataFrame, keyCol: String, problem: GroupProblem): DataFrame = {
    if (!df.schema.fieldNames.contains(keyCol)) {
      throw new IllegalArgumentException(s"OptimizeOps.minimizePerGroup: no column '$keyCol' " +
        s"(columns: ${df.schema.fieldNames.mkString(", ")})")
    }
    val keyIndex = df.schema.fieldIndex(keyCol)
    val results = df.rdd.groupBy(_.get(keyIndex)).map { case (key, rows) =>
      val r = problem.problem(key, rows.toSeq.asJava).run()
      Row(key, r.x, r.fun, r.nfev, r.nit, r.success, r.message)
    }
    val schema = StructType(Seq(
      StructField(keyCol, df.schema(keyCol).dataType, nullable = true),
      StructField("x", ArrayType(DoubleType, containsNull = false), nullable = false),
      StructField("fun", DoubleType, nullable = false),
      StructField("nfev", LongType, nullable = false),
      StructField("nit", IntegerType, nullable = false),
      StructField("success", BooleanType, nullable = false),
      StructField("message", StringType, nullable = false)))
    df.sparkSession.createDataFrame(results, schema)
  }
}
