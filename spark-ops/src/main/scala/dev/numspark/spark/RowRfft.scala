package dev.numspark.spark

import dev.numspark.fft.Fft
import org.apache.spark.sql.catalyst.util.ArrayData
import org.apache.spark.sql.types.ArrayType

/**
 * The real FFT of one row, for `numspark_rfft` and `numspark_power_spectrum`: the signal is
 * copied once into a per-thread work array, transformed in place by [[Fft.rfftParts]] into
 * per-thread re and im arrays, and each part is copied once into the result. The general
 * `Fft.rfft` path would add an n-d wrapper, a zero-filled interleaved result and a split into
 * parts: three more copies and allocations of the row, which cost as much as the transform.
 * The numbers are `Fft.rfft`'s on that one signal, bit for bit.
 *
 * The work arrays live as long as the task thread and as large as its largest row.
 */
private[spark] object RowRfft {

  final class Parts(var work: Array[Double], var re: Array[Double], var im: Array[Double]) {
    /** How many frequencies the last [[RowRfft.apply]] wrote. */
    var bins: Int = 0
  }

  private val perThread = ThreadLocal.withInitial[Parts](() =>
    new Parts(new Array[Double](0), new Array[Double](0), new Array[Double](0)))

  /** rfft(x, n, norm) into the calling thread's [[Parts]] (valid until its next call). */
  def apply(fn: String, x: ArrayData, t: ArrayType, n: Integer, norm: String): Parts = {
    val parts = perThread.get()
    val length = x.numElements()
    val len = if (n == null) length else n.intValue
    if (parts.work.length < math.max(length, len)) {
      parts.work = new Array[Double](math.max(length, len))
    }
    val bins = math.max(len, 0) / 2 + 1
    if (parts.re.length < bins) {
      parts.re = new Array[Double](bins)
      parts.im = new Array[Double](bins)
    }
    ComplexArrays.copyDoubles(fn, "the signal", x, t, parts.work)
    parts.bins = SignalFunctions.guarded(fn)(
      Fft.rfftParts(parts.work, length, n, norm, parts.re, parts.im))
    parts
  }
}
