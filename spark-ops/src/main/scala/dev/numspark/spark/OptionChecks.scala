package dev.numspark.spark

import dev.numspark.array.NdArray
import dev.numspark.fft.Fft
import dev.numspark.signal.{Signal, Window}

/**
 * The kernels' own argument checks, run at analysis time on tiny inputs with a query's constant
 * options: a value that fails here fails every row, and the error carries the kernel's (SciPy's)
 * words because the kernel wrote it. Each throws the kernel's `IllegalArgumentException`.
 */
private[spark] object OptionChecks {

  /**
   * n for a probe: an n below 1 as given (the kernel rejects it in its words); a valid n only
   * sets a length, which the probe need not allocate.
   */
  private def probeN(n: Integer): Integer = if (n != null && n.intValue < 1) n else null

  private def zeros(n: Int): NdArray = NdArray.real(new Array[Double](n), n)

  def fft(n: Integer, norm: String, inverse: Boolean): Unit = {
    val x = NdArray.complex(new Array[Double](2), 1)
    if (inverse) Fft.ifft(x, probeN(n), -1, norm, 1) else Fft.fft(x, probeN(n), -1, norm, 1)
  }

  def rfft(n: Integer, norm: String): Unit = Fft.rfft(zeros(1), probeN(n), -1, norm, 1)

  /** Two input bins: irfft's default length 2 (m - 1) is then valid. */
  def irfft(n: Integer, norm: String): Unit =
    Fft.irfft(NdArray.complex(new Array[Double](4), 2), probeN(n), -1, norm, 1)

  def dct(dctType: Int, norm: String): Unit = Fft.dct(zeros(2), dctType, null, -1, norm, 1, null)

  def fftconvolve(mode: String): Unit = Signal.fftconvolve(zeros(1), zeros(1), mode, null, 1)

  /** A window name; at 16 samples, since SciPy returns a 1-sample window without checking. */
  def window(window: String): Unit = Signal.getWindow(Window.parse(window), 16, true)

  /** The longest segment probed for noverlap; a longer nperseg leaves that check to the rows. */
  private val MaxProbedSegment = 1 << 16

  /**
   * Welch's options (NULL: SciPy's default). One sample probes fs, nperseg, nfft, detrend,
   * scaling and average: each fails on every signal if it fails on one sample (a segment is at
   * most the signal). noverlap fails on every signal if it fails on a signal as long as the
   * segment can be (nperseg, default 256): shorter signals have shorter segments. nfft against
   * nperseg is left to the rows, since a signal shorter than nfft shortens the segment.
   */
  def welch(fs: java.lang.Double, window: String, nperseg: Integer, noverlap: Integer,
      nfft: Integer, detrend: String, scaling: String, average: String): Unit = {
    def options = ml.MlFunctions.welchOptions(fs, null, nperseg, null, nfft, detrend, scaling, average)
    Signal.welch(zeros(1), options)
    if (window != null) this.window(window)
    val segment = if (nperseg == null) 256 else nperseg.intValue
    if (noverlap != null && segment <= MaxProbedSegment) {
      Signal.welch(zeros(segment), options.nfft(null).noverlap(noverlap))
    }
  }
}
