package dev.numspark.spark

import org.apache.spark.sql.catalyst.InternalRow
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow
import org.apache.spark.sql.catalyst.expressions.UnsafeArrayData
import org.apache.spark.sql.catalyst.util.ArrayData
import org.apache.spark.sql.types._
import org.apache.spark.unsafe.Platform

/**
 * The column layouts of numspark's SQL functions. A signal is `array<double>`; a complex array is
 * `struct<re: array<double>, im: array<double>>`. Conversions go straight between Catalyst's
 * arrays and primitive `double[]` (no boxing); NULL elements inside an array are an error, never a
 * silent zero.
 */
object ComplexArrays {
  val ComplexType: StructType = StructType(Seq(
    StructField("re", ArrayType(DoubleType, containsNull = false), nullable = false),
    StructField("im", ArrayType(DoubleType, containsNull = false), nullable = false)))

  val SignalType: ArrayType = ArrayType(DoubleType, containsNull = false)

  /**
   * A numeric array as `double[]`, failing on NULL elements. The per-element NULL check is skipped
   * where the column's type guarantees none (`containsNull = false`): it costs as much as the copy.
   */
  def doubles(fn: String, what: String, a: ArrayData, arrayType: ArrayType): Array[Double] = {
    val n = a.numElements()
    requireNoNulls(fn, what, a, arrayType)
    arrayType.elementType match {
      case DoubleType => a.toDoubleArray()
      case FloatType => a.toFloatArray().map(_.toDouble)
      case IntegerType => a.toIntArray().map(_.toDouble)
      case LongType => a.toLongArray().map(_.toDouble)
      case ShortType => a.toShortArray().map(_.toDouble)
      case ByteType => a.toByteArray().map(_.toDouble)
      case d: DecimalType => Array.tabulate(n)(j => a.getDecimal(j, d.precision, d.scale).toDouble)
      case other => throw new NumsparkFunctionException(fn, s"$what has unsupported type $other")
    }
  }

  /** Fails on the first NULL element, unless the type guarantees there is none. */
  private def requireNoNulls(fn: String, what: String, a: ArrayData, arrayType: ArrayType): Unit =
    if (arrayType.containsNull && !(a.isInstanceOf[UnsafeArrayData] &&
        nullBitsClear(a.asInstanceOf[UnsafeArrayData]))) {
      var i = 0
      while (i < a.numElements()) {
        if (a.isNullAt(i)) throw new NumsparkFunctionException(fn, s"$what has a NULL at index $i")
        i += 1
      }
    }

  /**
   * Whether no element of an `UnsafeArrayData` is NULL, a word of its null bitmap at a time (the
   * words after the 8-byte element count): 64 elements per test where `isNullAt` tests one. Arrays
   * built by Spark's own expressions (`transform`, `sequence`) are typed `containsNull` even when
   * no element is NULL, so every row of them takes this check.
   */
  private def nullBitsClear(u: UnsafeArrayData): Boolean = {
    val words = (u.numElements() + 63) / 64
    var w = 0
    while (w < words) {
      if (Platform.getLong(u.getBaseObject, u.getBaseOffset + 8L + 8L * w) != 0L) return false
      w += 1
    }
    true
  }

  /**
   * Copies a numeric array into the front of `dest` (which must hold it), failing on NULL elements
   * like [[doubles]]; returns the element count. An `UnsafeArrayData` of doubles is one memory
   * copy, with no intermediate array: the row-at-a-time FFT functions call this per row.
   */
  def copyDoubles(fn: String, what: String, a: ArrayData, arrayType: ArrayType,
      dest: Array[Double]): Int = (a, arrayType.elementType) match {
    case (u: UnsafeArrayData, DoubleType) =>
      val n = u.numElements()
      requireNoNulls(fn, what, u, arrayType)
      Platform.copyMemory(u.getBaseObject, u.getBaseOffset + UnsafeArrayData
        .calculateHeaderPortionInBytes(n), dest, Platform.DOUBLE_ARRAY_OFFSET, 8L * n)
      n
    case _ =>
      val values = doubles(fn, what, a, arrayType)
      System.arraycopy(values, 0, dest, 0, values.length)
      values.length
  }

  /** A signal or complex column value as interleaved `re, im` pairs. */
  def interleaved(fn: String, value: Any, t: DataType): Array[Double] = t match {
    case at: ArrayType =>
      val re = doubles(fn, "the signal", value.asInstanceOf[ArrayData], at)
      val out = new Array[Double](2 * re.length)
      var i = 0
      while (i < re.length) { out(2 * i) = re(i); i += 1 }
      out
    case s: StructType =>
      val row = value.asInstanceOf[InternalRow]
      if (row.isNullAt(0) || row.isNullAt(1)) {
        throw new NumsparkFunctionException(fn, "a complex value needs both re and im")
      }
      val re = doubles(fn, "re", row.getArray(0), s.fields(0).dataType.asInstanceOf[ArrayType])
      val im = doubles(fn, "im", row.getArray(1), s.fields(1).dataType.asInstanceOf[ArrayType])
      if (re.length != im.length) {
        throw new NumsparkFunctionException(fn,
          s"re and im have different lengths (${re.length} and ${im.length})")
      }
      val out = new Array[Double](2 * re.length)
      var i = 0
      while (i < re.length) { out(2 * i) = re(i); out(2 * i + 1) = im(i); i += 1 }
      out
    case other => throw new NumsparkFunctionException(fn, s"unsupported input type $other")
  }

  /** Interleaved pairs as a `struct<re, im>` value. */
  def complexRow(interleaved: Array[Double]): InternalRow = {
    val n = interleaved.length / 2
    val re = new Array[Double](n)
    val im = new Array[Double](n)
    var i = 0
    while (i < n) { re(i) = interleaved(2 * i); im(i) = interleaved(2 * i + 1); i += 1 }
    new GenericInternalRow(Array[Any](array(re), array(im)))
  }

  def array(values: Array[Double]): ArrayData = UnsafeArrayData.fromPrimitiveArray(values)
}

/** A SQL function failed on a value: the message names the function and the problem. */
class NumsparkFunctionException(val function: String, val problem: String)
  extends IllegalArgumentException(s"$function: $problem")
