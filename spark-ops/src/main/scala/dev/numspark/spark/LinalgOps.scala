package dev.numspark.spark

import dev.numspark.array.NdArray
import dev.numspark.linalg.Linalg
import org.apache.spark.ml.linalg.{Matrix, Vector, Vectors}
import org.apache.spark.rdd.RDD
import org.apache.spark.sql.DataFrame

/**
 * Batched linear algebra on DataFrame columns of Spark ML matrices and vectors: one problem per
 * row, processed in blocks of rows with numspark's local kernels on the task's CPU budget
 * (worker threads × native BLAS threads never exceed `spark.task.cpus`). Results equal the SQL
 * functions and the local kernels; a singular matrix fails the job with SciPy's message.
 */
object LinalgOps {

  /** x with A x = b, per row (`scipy.linalg.solve`); assumeA null to detect the structure. */
  def solve(df: DataFrame, aCol: String, bCol: String, outputCol: String,
      assumeA: String = null): DataFrame =
    RowBlocks.applyFunction(df, "LinalgOps.solve", "numspark_solve", Seq(aCol, bCol), outputCol,
      Seq(assumeA))

  /** The least-squares x minimizing |A x - b|, per row (`scipy.linalg.lstsq(A, b)[0]`). */
  def lstsq(df: DataFrame, aCol: String, bCol: String, outputCol: String): DataFrame =
    RowBlocks.applyFunction(df, "LinalgOps.lstsq", "numspark_lstsq", Seq(aCol, bCol), outputCol,
      Seq.empty)

  /** Eigenvalues and eigenvectors of symmetric matrices: `struct<values, vectors>`. */
  def eigh(df: DataFrame, aCol: String, outputCol: String): DataFrame =
    RowBlocks.applyFunction(df, "LinalgOps.eigh", "numspark_eigh", Seq(aCol), outputCol, Seq.empty)

  /** Singular values, descending, per row. */
  def svdvals(df: DataFrame, aCol: String, outputCol: String): DataFrame =
    RowBlocks.applyFunction(df, "LinalgOps.svdvals", "numspark_svdvals", Seq(aCol), outputCol,
      Seq.empty)

  /** Determinants, per row. */
  def det(df: DataFrame, aCol: String, outputCol: String): DataFrame =
    RowBlocks.applyFunction(df, "LinalgOps.det", "numspark_det", Seq(aCol), outputCol, Seq.empty)

  /** Inverses, per row. */
  def inv(df: DataFrame, aCol: String, outputCol: String): DataFrame =
    RowBlocks.applyFunction(df, "LinalgOps.inv", "numspark_inv", Seq(aCol), outputCol, Seq.empty)

  /** RDD variant of [[solve]]: x with A x = b for every (A, b) pair, in blocks on the task's CPUs. */
  def solve(systems: RDD[(Matrix, Vector)], assumeA: String): RDD[Vector] =
    RowBlocks.mapBlocks(systems) { case (a, b) =>
      val x = Linalg.solve(NdArray.real(a.transpose.toArray, a.numRows, a.numCols),
        NdArray.real(b.toArray, b.size), assumeA, false, true, 1)
      Vectors.dense(x.data())
    }
}
