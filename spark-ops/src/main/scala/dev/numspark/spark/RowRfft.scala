package dev.numspark.spark

import dev.numspark.fft.Fft
import org.apache.spark.sql.catalyst.expressions.{UnsafeArrayData, UnsafeRow}
import org.apache.spark.sql.catalyst.util.ArrayData
import org.apache.spark.sql.types.ArrayType
import org.apache.spark.unsafe.Platform

/**
 * The real FFT of one row, for `numspark_rfft` and `numspark_power_spectrum`. The signal is
 * copied once into a per-thread work array and transformed in place by [[Fft.rfftParts]], which
 * writes the real and imaginary parts straight to where the result's memory keeps them. The
 * general `Fft.rfft` path would add an n-d wrapper, a zero-filled interleaved result, a split
 * into parts and a copy of each into a Catalyst array: copies and allocations of the row that
 * cost as much as the transform. The numbers are `Fft.rfft`'s on that one signal, bit for bit.
 *
 * The work array lives as long as the task thread and as large as its largest row.
 */
private[spark] object RowRfft {

  private val perThread = ThreadLocal.withInitial[Array[Array[Double]]](() => Array(new Array(0)))

  /**
   * rfft(x, n, norm) as the `struct<re, im>` value: an `UnsafeRow` of two `UnsafeArrayData`, laid
   * out in one `double[]` into which the parts are written directly (Catalyst reads such memory
   * through `Platform`, whatever the base array's type: its own arrays sit in `long[]`).
   */
  def struct(fn: String, x: ArrayData, t: ArrayType, n: Integer, norm: String): UnsafeRow = {
    val length = x.numElements()
    val work = load(fn, x, t, n)
    val bins = binsOf(length, n)
    val header = UnsafeArrayData.calculateHeaderPortionInBytes(bins)
    val arrayBytes = header + 8 * bins
    val fixed = 24 // the row's null bits (8 bytes) and two 8-byte (offset, size) slots
    val buffer = new Array[Double]((fixed + 2 * arrayBytes) / 8)
    val reAt = fixed
    val imAt = fixed + arrayBytes
    // SignalFunctions.guarded's translation, written out: its closure would put three more
    // calls between Spark's generated code and the kernels' Vector API calls, and C2 stops
    // inlining 15 calls deep, which can leave them boxed for the JVM's life (docs/spark.md)
    try {
      Fft.rfftParts(work, length, n, norm, buffer, (reAt + header) / 8, buffer, (imAt + header) / 8)
    } catch {
      case e: RuntimeException => throw SignalFunctions.functionError(fn, e)
    }
    val base = Platform.DOUBLE_ARRAY_OFFSET
    Platform.putLong(buffer, base + 8, (reAt.toLong << 32) | arrayBytes)
    Platform.putLong(buffer, base + 16, (imAt.toLong << 32) | arrayBytes)
    Platform.putLong(buffer, base + reAt, bins)
    Platform.putLong(buffer, base + imAt, bins)
    val row = new UnsafeRow(2)
    row.pointTo(buffer, base, fixed + 2 * arrayBytes)
    row
  }

  /** rfft(x, n, norm) as separate `(re, im)` arrays (for callers that combine them further). */
  def parts(fn: String, x: ArrayData, t: ArrayType, n: Integer,
      norm: String): (Array[Double], Array[Double]) = {
    val length = x.numElements()
    val work = load(fn, x, t, n)
    val bins = binsOf(length, n)
    val re = new Array[Double](bins)
    val im = new Array[Double](bins)
    try {
      Fft.rfftParts(work, length, n, norm, re, im)
    } catch {
      case e: RuntimeException => throw SignalFunctions.functionError(fn, e)
    }
    (re, im)
  }

  /** The signal in the calling thread's work array, which holds max(its length, n) doubles. */
  private def load(fn: String, x: ArrayData, t: ArrayType, n: Integer): Array[Double] = {
    val holder = perThread.get()
    val length = x.numElements()
    val needed = math.max(length, if (n == null) length else n.intValue)
    if (holder(0).length < needed) holder(0) = new Array[Double](needed)
    ComplexArrays.copyDoubles(fn, "the signal", x, t, holder(0))
    holder(0)
  }

  /** n/2 + 1 for the transform length (n, or the signal's length); 1 for an invalid n < 1. */
  private def binsOf(length: Int, n: Integer): Int =
    math.max(if (n == null) length else n.intValue, 0) / 2 + 1
}
