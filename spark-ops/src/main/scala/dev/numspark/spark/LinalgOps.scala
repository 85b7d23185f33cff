package dev.numspark.spark

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
}
