package dev.numspark.spark.ml

import org.apache.spark.ml.linalg.{Vector, Vectors}
import org.apache.spark.sql.{DataFrame, Row, SparkSession}
import org.apache.spark.sql.types._

/** Test signals as array<double>, array<int> and ML Vector columns, with a NULL row. */
object SignalRows {

  /** Gaussian noise plus a sine, lengths varying by row so n, nperseg and padding all matter. */
  def signals(rows: Int, length: Int): Seq[Array[Double]] = {
    val rnd = new scala.util.Random(7)
    (0 until rows).map { r =>
      Array.tabulate(length + (r % 4) * 3)(i => math.sin(0.3 * i * (r + 1)) + rnd.nextGaussian())
    }
  }

  /** Columns id, x (array<double>), xi (array<int>), v (dense ML Vector), s (sparse ML Vector). */
  def frame(spark: SparkSession, xs: Seq[Array[Double]], withNull: Boolean = true): DataFrame = {
    val rows = xs.zipWithIndex.map { case (x, i) =>
      val ints = x.map(v => math.round(v * 10).toInt)
      val sparse = Vectors.dense(x.zipWithIndex.map { case (v, j) => if (j % 3 == 0) v else 0.0 })
        .toSparse
      Row(i, x.toSeq, ints.toSeq, Vectors.dense(x), sparse)
    } ++ (if (withNull) Seq(Row(xs.length, null, null, null, null)) else Nil)
    val schema = StructType(Seq(StructField("id", IntegerType),
      StructField("x", ArrayType(DoubleType)), StructField("xi", ArrayType(IntegerType)),
      StructField("v", org.apache.spark.ml.linalg.SQLDataTypes.VectorType),
      StructField("s", org.apache.spark.ml.linalg.SQLDataTypes.VectorType)))
    spark.createDataFrame(spark.sparkContext.parallelize(rows, 2), schema)
  }

  /** The signal of column c in a collected row of [[frame]], as the kernel should see it. */
  def samples(row: Row, c: String): Array[Double] = c match {
    case "x" => row.getAs[Seq[Double]]("x").toArray
    case "xi" => row.getAs[Seq[Int]]("xi").map(_.toDouble).toArray
    case other => row.getAs[Vector](other).toArray
  }

  def rootMessage(t: Throwable): String =
    Iterator.iterate(t)(_.getCause).takeWhile(_ != null).map(_.getMessage).mkString(" | ")
}
