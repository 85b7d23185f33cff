package dev.numspark.spark

import dev.numspark.array.NdArray
import dev.numspark.linalg.Linalg
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow
import org.apache.spark.sql.types._

import ArgTypes.{StringOption, isComplex, isSignal}
import ComplexArrays.{ComplexType, SignalType, array, complexRow, interleaved}
import SignalFunctions.guarded

/**
 * The complex128 linear algebra SQL functions. A complex square matrix is the `struct<re, im>`
 * that `numspark_fft` returns, holding its n x n elements in row-major (C) order: the order n
 * is the square root of the length, so a column needs no shape beside it. (Spark ML's `Matrix`
 * is real only.) One problem per row, on LAPACK's z-routines in native OpenBLAS through the local
 * kernel, so results equal `dev.numspark.linalg.Linalg` on that matrix exactly, with SciPy's
 * errors naming the function.
 */
object ComplexLinalgFunctions {

  private val MatrixLayout = "struct<re: array<double>, im: array<double>> of its elements in " +
    "row-major order"

  /** A complex matrix value as an n x n complex NdArray (a length that is no square fails). */
  private[spark] def squareMatrix(fn: String, value: Any, t: DataType): NdArray = {
    val z = interleaved(fn, value, t)
    val elements = z.length / 2
    val n = math.sqrt(elements.toDouble).round.toInt
    if (n.toLong * n != elements) {
      throw new NumsparkFunctionException(fn, s"A has $elements elements, which is no square " +
        s"n x n matrix (a complex matrix is $MatrixLayout)")
    }
    NdArray.complex(z, n, n)
  }

  private def vector(fn: String, value: Any, t: DataType): NdArray = {
    val z = interleaved(fn, value, t)
    NdArray.complex(z, z.length / 2)
  }

  private abstract class ComplexMatrixSpec(name: String, usage: String, example: String, args: Int,
      options: IndexedSeq[OptionArg] = IndexedSeq.empty)
      extends FunctionSpec(name, usage, example, args, options) {
    override def checkTypes(types: Seq[DataType]): Option[String] =
      if (!isComplex(types.head)) Some(s"A must be a complex matrix, $MatrixLayout; got " +
        types.head.simpleString)
      else if (args == 2 && !isComplex(types(1)) && !isSignal(types(1)))
        Some(s"b must be struct<re: array<double>, im: array<double>> or array<double>, got " +
          types(1).simpleString)
      else None

    protected final def a(data: Array[AnyRef], types: IndexedSeq[DataType]): NdArray =
      squareMatrix(name, data(0), types(0))
  }

  /** `struct<values: array<double>, vectors: struct<re, im>>`: real eigenvalues, complex vectors. */
  val EighType: StructType = StructType(Seq(
    StructField("values", SignalType, nullable = false),
    StructField("vectors", ComplexType, nullable = false)))

  private object EighSpec extends ComplexMatrixSpec("numspark_zeigh",
      "numspark_zeigh(A) - eigenvalues (real, ascending) and orthonormal eigenvectors (the " +
        "columns of a complex matrix) of the Hermitian complex matrix A (struct<re, im>, " +
        "row-major), as scipy.linalg.eigh: struct<values: array<double>, vectors: struct<re, " +
        "im>>. Only the lower triangle is read.",
      "\n    Examples:\n      > SELECT numspark_zeigh(named_struct('re', array(2.0, 0.0, 0.0, " +
        "2.0), 'im', array(0.0, 1.0, -1.0, 0.0))).values;\n       [1.0,3.0]\n", 1) {
    override def dataType(types: Seq[DataType]): DataType = EighType
    override def eval(data: Array[AnyRef], types: IndexedSeq[DataType], o: OptionValues): Any = {
      val r = guarded(name)(Linalg.eigh(a(data, types), true, false, null, true, 1))
      new GenericInternalRow(Array[Any](array(r.w().data()), complexRow(r.v().data())))
    }
  }

  private object SolveSpec extends ComplexMatrixSpec("numspark_zsolve",
      "numspark_zsolve(A, b [, assume_a]) - x with A x = b for a complex square matrix A " +
        "(struct<re, im>, row-major) and a complex (struct<re, im>) or real (array<double>) " +
        "vector b, as scipy.linalg.solve: struct<re, im>. assume_a: 'gen', 'sym', 'her', 'pos', " +
        "'diagonal', ... (default: detected). A singular A fails with SciPy's message.",
      "\n    Examples:\n      > SELECT numspark_zsolve(named_struct('re', array(2.0, 0.0, 0.0, " +
        "4.0), 'im', array(0.0, 0.0, 0.0, 0.0)), array(2.0, 2.0));\n" +
        "       {\"re\":[1.0,0.5],\"im\":[0.0,0.0]}\n", 2,
      IndexedSeq(OptionArg("assume_a", StringOption))) {
    override def dataType(types: Seq[DataType]): DataType = ComplexType
    // the kernel's own check of assume_a (one parser for real and complex), on a real 1 x 1
    // system: the probe then needs no native LAPACK on the driver
    override def checkOptions(o: OptionValues): Unit = Linalg.solve(NdArray.real(Array(1.0), 1, 1),
      NdArray.real(Array(1.0), 1), o.string(0), false, true, 1)
    override def eval(data: Array[AnyRef], types: IndexedSeq[DataType], o: OptionValues): Any = {
      val x = guarded(name) {
        Linalg.solve(a(data, types), vector(name, data(1), types(1)), o.string(0), false, true, 1)
      }
      complexRow(x.data())
    }
  }

  private object InvSpec extends ComplexMatrixSpec("numspark_zinv",
      "numspark_zinv(A) - the inverse of the complex square matrix A (struct<re, im>, " +
        "row-major), as scipy.linalg.inv: struct<re, im>, row-major; a singular A fails with " +
        "SciPy's message.",
      "\n    Examples:\n      > SELECT numspark_zinv(named_struct('re', array(0.0, 0.0, 0.0, " +
        "2.0), 'im', array(1.0, 0.0, 0.0, 0.0)));\n" +
        "       {\"re\":[0.0,0.0,0.0,0.5],\"im\":[-1.0,0.0,0.0,0.0]}\n", 1) {
    override def dataType(types: Seq[DataType]): DataType = ComplexType
    override def eval(data: Array[AnyRef], types: IndexedSeq[DataType], o: OptionValues): Any =
      complexRow(guarded(name)(Linalg.inv(a(data, types), true, 1)).data())
  }

  /** Every complex linear algebra function, built once. */
  val all: Seq[FunctionSpec] = Seq(EighSpec, SolveSpec, InvSpec)
}
