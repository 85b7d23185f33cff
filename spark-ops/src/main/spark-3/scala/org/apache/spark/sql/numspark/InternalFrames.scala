package org.apache.spark.sql.numspark

import org.apache.spark.rdd.RDD
import org.apache.spark.sql.{DataFrame, SparkSession}
import org.apache.spark.sql.catalyst.InternalRow
import org.apache.spark.sql.types.StructType

/**
 * The two Spark internals numspark's batch operations need, in Spark's package because they are
 * `private[sql]`: a DataFrame's rows as Catalyst `InternalRow`s (arrays stay primitive, where
 * `Row` would box every sample) and a DataFrame made back from such rows. Spark 3.5: Dataset and
 * SparkSession are the classic classes themselves.
 */
object InternalFrames {
  def rows(df: DataFrame): RDD[InternalRow] = df.queryExecution.toRdd

  def frame(spark: SparkSession, rows: RDD[InternalRow], schema: StructType): DataFrame =
    spark.internalCreateDataFrame(rows, schema)
}
