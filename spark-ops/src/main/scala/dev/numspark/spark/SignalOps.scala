package dev.numspark.spark

import dev.numspark.array.NdArray
import dev.numspark.fft.Fft
import dev.numspark.signal.{Signal, SpectralOptions, Window}
import org.apache.spark.rdd.RDD
import org.apache.spark.sql.DataFrame

/**
 * Batch signal processing on a DataFrame column of signals (`array<double>`): each partition is
 * processed in blocks of rows with numspark's local kernels, the rows of a block split across
 * the task's CPUs (`spark.task.cpus`). Results equal the SQL functions and the local kernels.
 * From Java: `SignalOps.rfft(df, "signal", "spectrum")`.
 */
object SignalOps {

  /** `scipy.fft.rfft` of every signal: a `struct<re, im>` column. */
  def rfft(df: DataFrame, inputCol: String, outputCol: String): DataFrame =
    rfft(df, inputCol, outputCol, null, null)

  /** `scipy.fft.rfft(x, n, norm=norm)` of every signal; null n or norm for SciPy's default. */
  def rfft(df: DataFrame, inputCol: String, outputCol: String, n: Integer, norm: String): DataFrame =
    RowBlocks.applyFunction(df, "SignalOps.rfft", "numspark_rfft", Seq(inputCol), outputCol,
      Seq(n, norm))

  /** `scipy.fft.fft(x, n, norm=norm)` of every signal (real, or complex `struct<re, im>`). */
  def fft(df: DataFrame, inputCol: String, outputCol: String, n: Integer, norm: String): DataFrame =
    RowBlocks.applyFunction(df, "SignalOps.fft", "numspark_fft", Seq(inputCol), outputCol,
      Seq(n, norm))

  /** |rfft(x)|² of every signal, as `array<double>`. */
  def powerSpectrum(df: DataFrame, inputCol: String, outputCol: String): DataFrame =
    RowBlocks.applyFunction(df, "SignalOps.powerSpectrum", "numspark_power_spectrum",
      Seq(inputCol), outputCol, Seq.empty)

  /** Welch's PSD of every signal with SciPy's defaults: `struct<freqs, psd>`. */
  def welch(df: DataFrame, inputCol: String, outputCol: String, fs: Double): DataFrame =
    welch(df, inputCol, outputCol, fs, null, null, null, null)

  /**
   * `scipy.signal.welch(x, fs, window, nperseg, noverlap, scaling=scaling)` of every signal;
   * null for SciPy's default. `window` as in SQL: "hann", "tukey:0.25", "kaiser:8.6", ...
   */
  def welch(df: DataFrame, inputCol: String, outputCol: String, fs: Double, nperseg: Integer,
      noverlap: Integer, window: String, scaling: String): DataFrame =
    RowBlocks.applyFunction(df, "SignalOps.welch", "numspark_welch", Seq(inputCol), outputCol,
      Seq(fs, nperseg, noverlap, window, scaling))

  /** `scipy.signal.fftconvolve(a, b, mode)` of two signal columns, row by row. */
  def fftconvolve(df: DataFrame, aCol: String, bCol: String, outputCol: String,
      mode: String): DataFrame =
    RowBlocks.applyFunction(df, "SignalOps.fftconvolve", "numspark_fftconvolve",
      Seq(aCol, bCol), outputCol, Seq(mode))

  /**
   * RDD variant: `scipy.fft.rfft(x, n, norm=norm)` of every signal, as interleaved `re, im`
   * pairs (n/2 + 1 of them), in blocks on the task's CPUs. From Java: `rfft(javaRdd.rdd(), ...)`.
   */
  def rfft(signals: RDD[Array[Double]], n: Integer, norm: String): RDD[Array[Double]] =
    RowBlocks.mapBlocks(signals) { x =>
      Fft.rfft(NdArray.real(x, x.length), n, -1, norm, 1).data()
    }

  /** RDD variant: Welch's PSD values of every signal (frequencies: `Signal.welch` on any row). */
  def welch(signals: RDD[Array[Double]], fs: Double, nperseg: Integer, noverlap: Integer,
      window: String, scaling: String): RDD[Array[Double]] =
    RowBlocks.mapBlocks(signals) { x =>
      val options = SpectralOptions.defaults().fs(fs).nperseg(nperseg).noverlap(noverlap).workers(1)
      if (window != null) options.window(Window.parse(window))
      if (scaling != null) options.scaling(scaling)
      Signal.welch(NdArray.real(x, x.length), options).values().data()
    }
}
