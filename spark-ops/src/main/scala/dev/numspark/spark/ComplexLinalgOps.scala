package dev.numspark.spark

import org.apache.spark.sql.DataFrame
import org.apache.spark.sql.catalyst.InternalRow
import org.apache.spark.sql.catalyst.expressions.{BoundReference, GenericInternalRow, JoinedRow,
  UnsafeProjection}
import org.apache.spark.sql.numspark.InternalFrames
import org.apache.spark.sql.types.{StructField, StructType}

import ArgTypes.{isComplex, isSignal}

/**
 * Batched complex linear algebra on DataFrames: per-row solves, inverses and Hermitian
 * eigendecompositions of complex matrices (`struct<re, im>`, row-major, as the `numspark_z*` SQL
 * functions take them), and the array-processing building block: per group of complex snapshots,
 * the sample covariance matrix and its eigendecomposition (MUSIC, beamforming, PCA of spectra).
 * Rows are computed in blocks on the task's CPU budget, as in [[LinalgOps]].
 */
object ComplexLinalgOps {

  /** x with A x = b per row (`scipy.linalg.solve`); assumeA null to detect the structure. */
  def solve(df: DataFrame, aCol: String, bCol: String, outputCol: String,
      assumeA: String = null): DataFrame =
    RowBlocks.applyFunction(df, "ComplexLinalgOps.solve", "numspark_zsolve", Seq(aCol, bCol),
      outputCol, Seq(assumeA))

  /** Inverses, per row. */
  def inv(df: DataFrame, aCol: String, outputCol: String): DataFrame =
    RowBlocks.applyFunction(df, "ComplexLinalgOps.inv", "numspark_zinv", Seq(aCol), outputCol,
      Seq.empty)

  /** Hermitian eigendecompositions per row: `struct<values, vectors>` as `numspark_zeigh`. */
  def eigh(df: DataFrame, aCol: String, outputCol: String): DataFrame =
    RowBlocks.applyFunction(df, "ComplexLinalgOps.eigh", "numspark_zeigh", Seq(aCol), outputCol,
      Seq.empty)

  /**
   * The sample covariance matrix of each group's snapshots: R = (1/N) Σ x xᴴ over the group's N
   * non-NULL snapshots x (each a complex vector `struct<re, im>` of M sensors, or a real
   * `array<double>`), i.e. `X.T @ X.conj() / N` for the snapshots as the rows of X. No mean is
   * removed (unlike `numpy.cov`) and the divisor is N (not N - 1), as MUSIC and MVDR use it.
   * One row per group: the group columns, then `outputCol` = R as an M x M complex matrix
   * (`struct<re, im>`, row-major), NULL for a group without a non-NULL snapshot. No group
   * columns: one covariance of all rows. Snapshots of different lengths in a group fail the job.
   *
   * Each partition sums its groups' x xᴴ before the shuffle (Spark's map-side combine, which
   * spills), so only one M x M sum per group and partition crosses the network.
   */
  def covariance(df: DataFrame, groupCols: Seq[String], snapshotCol: String,
      outputCol: String): DataFrame = {
    val op = "ComplexLinalgOps.covariance"
    val schema = df.schema
    val keys = checkColumns(df, op, groupCols, snapshotCol, outputCol)
    val snapshot = schema.fieldIndex(snapshotCol)
    val snapshotType = schema(snapshotCol).dataType
    val bound = keys.map(i => BoundReference(i, schema(i).dataType, schema(i).nullable))
    val pairs = InternalFrames.rows(df).mapPartitions { rows =>
      val key = UnsafeProjection.create(bound)
      rows.map { row =>
        val x = if (row.isNullAt(snapshot)) null
          else ComplexArrays.interleaved(op, row.get(snapshot, snapshotType), snapshotType)
        (key(row).copy(), x)
      }
    }
    val sums = pairs.combineByKey[CovarianceSum](
      (x: Array[Double]) => new CovarianceSum(op).add(x),
      (s: CovarianceSum, x: Array[Double]) => s.add(x),
      (a: CovarianceSum, b: CovarianceSum) => a.merge(b))
    val rows = sums.map { case (key, sum) =>
      new JoinedRow(key, new GenericInternalRow(Array[Any](sum.covarianceRow))): InternalRow
    }
    val out = StructType(keys.map(schema(_)) :+
      StructField(outputCol, ComplexArrays.ComplexType, nullable = true))
    InternalFrames.frame(df.sparkSession, rows, out)
  }

  /**
   * Per group, the covariance of [[covariance]] and its eigendecomposition (`scipy.linalg.eigh`
   * of R): the group columns, then `outputCol` = `struct<values, vectors>` as `numspark_zeigh`
   * (ascending real eigenvalues; orthonormal eigenvectors as the columns of a complex matrix).
   * For MUSIC, the noise subspace is the columns of the M - K smallest eigenvalues.
   */
  def covarianceEigh(df: DataFrame, groupCols: Seq[String], snapshotCol: String,
      outputCol: String): DataFrame = {
    val op = "ComplexLinalgOps.covarianceEigh"
    checkColumns(df, op, groupCols, snapshotCol, outputCol)
    val covarianceCol = "__numspark_covariance_" + outputCol
    RowBlocks.applyFunction(covariance(df, groupCols, snapshotCol, covarianceCol), op,
      "numspark_zeigh", Seq(covarianceCol), outputCol, Seq.empty).drop(covarianceCol)
  }

  /** The group columns' indexes, after checking every column. */
  private def checkColumns(df: DataFrame, op: String, groupCols: Seq[String],
      snapshotCol: String, outputCol: String): Seq[Int] = {
    val schema = df.schema
    (groupCols :+ snapshotCol).foreach { c =>
      if (!schema.fieldNames.contains(c)) {
        throw new IllegalArgumentException(s"$op: no column '$c' (columns: " +
          schema.fieldNames.mkString(", ") + ")")
      }
    }
    if (groupCols.contains(outputCol)) {
      throw new IllegalArgumentException(s"$op: output column '$outputCol' is a group column")
    }
    val t = schema(snapshotCol).dataType
    if (!isComplex(t) && !isSignal(t)) {
      throw new IllegalArgumentException(s"$op: column '$snapshotCol' must be struct<re: " +
        s"array<double>, im: array<double>> or array<double>, got ${t.simpleString}")
    }
    groupCols.map(schema.fieldIndex)
  }
}

/**
 * A group's running Σ x xᴴ (lower triangle, interleaved re, im) and snapshot count. The rank-1
 * update is written out: per snapshot it is M² multiply-adds, which a BLAS call (zher) would
 * spend in call overhead at the orders of sensor arrays.
 */
private final class CovarianceSum(op: String) extends Serializable {
  private var m = -1
  private var count = 0L
  private var sum: Array[Double] = _

  /** Adds x xᴴ of one snapshot (interleaved); a NULL snapshot (null) only makes the group. */
  def add(x: Array[Double]): CovarianceSum = {
    if (x == null) return this
    val len = x.length / 2
    start(len)
    val s = sum
    var i = 0
    while (i < len) {
      val xr = x(2 * i)
      val xi = x(2 * i + 1)
      var j = 0
      var k = 2 * i * len
      while (j <= i) {
        // x_i * conj(x_j)
        val yr = x(2 * j)
        val yi = x(2 * j + 1)
        s(k) += xr * yr + xi * yi
        s(k + 1) += xi * yr - xr * yi
        j += 1
        k += 2
      }
      i += 1
    }
    count += 1
    this
  }

  def merge(other: CovarianceSum): CovarianceSum = {
    if (other.count == 0) return this
    if (count == 0) return other
    start(other.m)
    var k = 0
    while (k < sum.length) { sum(k) += other.sum(k); k += 1 }
    count += other.count
    this
  }

  private def start(len: Int): Unit =
    if (m < 0) {
      m = len
      sum = new Array[Double](2 * len * len)
    } else if (m != len) {
      throw new IllegalArgumentException(
        s"$op: snapshots in one group have different lengths ($m and $len)")
    }

  /** R = sum / N, both triangles, as a `struct<re, im>` value; null without snapshots. */
  def covarianceRow: InternalRow = {
    if (count == 0) return null
    val r = new Array[Double](sum.length)
    var i = 0
    while (i < m) {
      var j = 0
      while (j <= i) {
        val lower = 2 * (i * m + j)
        val upper = 2 * (j * m + i)
        val re = sum(lower) / count
        val im = sum(lower + 1) / count
        // the upper element first: on the diagonal the lower one's +0.0 imaginary part stays
        r(upper) = re
        r(upper + 1) = -im
        r(lower) = re
        r(lower + 1) = im
        j += 1
      }
      i += 1
    }
    ComplexArrays.complexRow(r)
  }
}
