package dev.numspark.spark

import dev.numspark.array.NdArray
import dev.numspark.linalg.Linalg
import org.apache.spark.ml.linalg.{DenseMatrix, Matrix, SQLDataTypes, Vector, Vectors}
import org.apache.spark.sql.catalyst.InternalRow
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow
import org.apache.spark.sql.types._

import ArgTypes.{StringOption, isMatrix, isVector}
import SignalFunctions.guarded

/**
 * The linear algebra SQL functions on Spark ML's `Matrix` and `Vector` columns (one small problem
 * per row; tasks give the parallelism). Each calls numspark's local kernel, so results equal
 * `dev.numspark.linalg.Linalg` exactly, with SciPy's errors (a singular matrix fails the query
 * with SciPy's message naming the function).
 */
object LinalgFunctions {
  private val MatrixUdt = SQLDataTypes.MatrixType.asInstanceOf[UserDefinedType[Matrix]]
  private val VectorUdt = SQLDataTypes.VectorType.asInstanceOf[UserDefinedType[Vector]]

  /** A Matrix value as a C-order (row-major) NdArray. */
  private def matrix(value: Any): NdArray = {
    val m = MatrixUdt.deserialize(value)
    NdArray.real(m.transpose.toArray, m.numRows, m.numCols)
  }

  private def vector(value: Any): NdArray = {
    val v = VectorUdt.deserialize(value).toArray
    NdArray.real(v, v.length)
  }

  private def vectorValue(x: NdArray): Any = VectorUdt.serialize(Vectors.dense(x.data()))

  /** A C-order NdArray as a Matrix value (DenseMatrix stores columns, so flag it transposed). */
  private def matrixValue(x: NdArray): Any =
    MatrixUdt.serialize(new DenseMatrix(x.shape(0), x.shape(1), x.data(), true))

  private abstract class MatrixSpec(name: String, usage: String, example: String, args: Int,
      options: IndexedSeq[OptionArg] = IndexedSeq.empty)
      extends FunctionSpec(name, usage, example, args, options) {
    override def checkTypes(types: Seq[DataType]): Option[String] =
      if (!isMatrix(types.head)) Some(s"A must be a Spark ML matrix, got ${types.head.simpleString}")
      else if (args == 2 && !isVector(types(1)))
        Some(s"b must be a Spark ML vector, got ${types(1).simpleString}")
      else None
  }

  private object SolveSpec extends MatrixSpec("numspark_solve",
      "numspark_solve(A, b [, assume_a]) - x with A x = b for a square Spark ML matrix A and " +
        "vector b, as scipy.linalg.solve; assume_a: 'gen', 'sym', 'pos', 'diagonal', ... " +
        "(default: detected). A singular A fails with SciPy's message.",
      "\n    Examples:\n      > SELECT numspark_solve(A, b) FROM systems;\n", 2,
      IndexedSeq(OptionArg("assume_a", StringOption))) {
    override def dataType(types: Seq[DataType]): DataType = SQLDataTypes.VectorType
    // the kernel's own check of assume_a, on a 1 x 1 system
    override def checkOptions(o: OptionValues): Unit = Linalg.solve(NdArray.real(Array(1.0), 1, 1),
      NdArray.real(Array(1.0), 1), o.string(0), false, true, 1)
    override def eval(data: Array[AnyRef], types: IndexedSeq[DataType], o: OptionValues): Any =
      vectorValue(guarded(name) {
        Linalg.solve(matrix(data(0)), vector(data(1)), o.string(0), false, true, 1)
      })
  }

  private object LstsqSpec extends MatrixSpec("numspark_lstsq",
      "numspark_lstsq(A, b) - the least-squares solution x minimizing |A x - b| for an m x n " +
        "Spark ML matrix A, as scipy.linalg.lstsq(A, b)[0].",
      "\n    Examples:\n      > SELECT numspark_lstsq(A, b) FROM fits;\n", 2) {
    override def dataType(types: Seq[DataType]): DataType = SQLDataTypes.VectorType
    override def eval(data: Array[AnyRef], types: IndexedSeq[DataType], o: OptionValues): Any =
      vectorValue(guarded(name)(Linalg.lstsq(matrix(data(0)), vector(data(1)), null, true, 1).x()))
  }

  val EighType: StructType = StructType(Seq(
    StructField("values", SQLDataTypes.VectorType, nullable = false),
    StructField("vectors", SQLDataTypes.MatrixType, nullable = false)))

  private object EighSpec extends MatrixSpec("numspark_eigh",
      "numspark_eigh(A) - eigenvalues (ascending) and orthonormal eigenvectors (columns) of the " +
        "symmetric matrix A, as scipy.linalg.eigh: struct<values: vector, vectors: matrix>. Only " +
        "the lower triangle is read.",
      "\n    Examples:\n      > SELECT numspark_eigh(A).values FROM covariances;\n", 1) {
    override def dataType(types: Seq[DataType]): DataType = EighType
    override def eval(data: Array[AnyRef], types: IndexedSeq[DataType], o: OptionValues): Any = {
      val r = guarded(name)(Linalg.eigh(matrix(data(0)), true, false, null, true, 1))
      new GenericInternalRow(Array[Any](vectorValue(r.w()), matrixValue(r.v())))
    }
  }

  private object SvdvalsSpec extends MatrixSpec("numspark_svdvals",
      "numspark_svdvals(A) - the singular values of A in descending order, as " +
        "scipy.linalg.svdvals.",
      "\n    Examples:\n      > SELECT numspark_svdvals(A) FROM designs;\n", 1) {
    override def dataType(types: Seq[DataType]): DataType = SQLDataTypes.VectorType
    override def eval(data: Array[AnyRef], types: IndexedSeq[DataType], o: OptionValues): Any =
      vectorValue(guarded(name)(Linalg.svdvals(matrix(data(0)), true, 1)))
  }

  private object DetSpec extends MatrixSpec("numspark_det",
      "numspark_det(A) - the determinant of the square matrix A, as scipy.linalg.det.",
      "\n    Examples:\n      > SELECT numspark_det(A) FROM jacobians;\n", 1) {
    override def dataType(types: Seq[DataType]): DataType = DoubleType
    override def eval(data: Array[AnyRef], types: IndexedSeq[DataType], o: OptionValues): Any =
      guarded(name)(Linalg.det(matrix(data(0)), true, 1)).data()(0)
  }

  private object InvSpec extends MatrixSpec("numspark_inv",
      "numspark_inv(A) - the inverse of the square matrix A, as scipy.linalg.inv; a singular A " +
        "fails with SciPy's message.",
      "\n    Examples:\n      > SELECT numspark_inv(A) FROM systems;\n", 1) {
    override def dataType(types: Seq[DataType]): DataType = SQLDataTypes.MatrixType
    override def eval(data: Array[AnyRef], types: IndexedSeq[DataType], o: OptionValues): Any =
      matrixValue(guarded(name)(Linalg.inv(matrix(data(0)), true, 1)))
  }

  /** Every linear algebra function, built once. */
  val all: Seq[FunctionSpec] = Seq(SolveSpec, LstsqSpec, EighSpec, SvdvalsSpec, DetSpec, InvSpec)
}
