package dev.numspark.signal;

import dev.numspark.array.NdArray;

/**
 * scipy.signal's spectral analysis and FFT convolution: {@code get_window}, {@code welch},
 * {@code periodogram}, {@code csd}, {@code spectrogram}, {@code stft}, {@code istft},
 * {@code fftconvolve}, {@code oaconvolve}, with SciPy's arguments, defaults, shapes and error
 * messages.
 *
 * <p>Keyword arguments go in {@link SpectralOptions} (unset = the function's SciPy default):
 *
 * <pre>{@code
 * Spectrum p = Signal.welch(x, SpectralOptions.defaults().fs(1e3).nperseg(256).workers(2));
 * double[] f = p.freqs();
 * NdArray pxx = p.values();
 * }</pre>
 *
 * <p>Parallelism: the signals of a batch (the lines along {@code axis} of an n-d input) are split
 * across {@code workers} threads ({@code null} = {@link dev.numspark.parallel.Workers#getWorkers()},
 * 1 outside Spark); results are identical for any number of workers. Where SciPy warns and carries
 * on, numspark carries on the same way without a warning; see docs/signal.md.
 */
public final class Signal {
  private Signal() {}

  /** {@code scipy.signal.get_window(window, nx, fftbins)}. */
  public static double[] getWindow(Window window, int nx, boolean fftbins) {
    return Windows.getWindow(window, nx, fftbins);
  }

  /** {@code get_window(window, nx)}: a periodic window by name, e.g. "hann", "tukey:0.25". */
  public static double[] getWindow(String window, int nx) {
    return Windows.getWindow(window, nx, true);
  }

  /** {@code scipy.signal.welch(x, ...)}: the power spectral density by Welch's method. */
  public static Spectrum welch(NdArray x, SpectralOptions options) {
    return Spectral.welch(x, options);
  }

  /** {@code welch(x, fs=fs)} of a 1-d signal. */
  public static Spectrum welch(double[] x, double fs) {
    return welch(NdArray.of(x), SpectralOptions.defaults().fs(fs));
  }

  /** {@code scipy.signal.periodogram(x, ...)}. */
  public static Spectrum periodogram(NdArray x, SpectralOptions options) {
    return Spectral.periodogram(x, options);
  }

  /** {@code periodogram(x, fs=fs)} of a 1-d signal. */
  public static Spectrum periodogram(double[] x, double fs) {
    return periodogram(NdArray.of(x), SpectralOptions.defaults().fs(fs));
  }

  /**
   * {@code scipy.signal.csd(x, y, ...)}: the cross spectral density {@code conj(X) Y}, always
   * complex128. x and y need the same number of dimensions and the same shape off the signal axis;
   * the shorter signal is zero-padded.
   */
  public static Spectrum csd(NdArray x, NdArray y, SpectralOptions options) {
    return Spectral.csd(x, y, options, Window.of("hann_periodic"));
  }

  /** {@code scipy.signal.spectrogram(x, ...)} (mode psd, complex, magnitude, angle, phase). */
  public static Spectrogram spectrogram(NdArray x, SpectralOptions options) {
    return ShortTime.spectrogram(x, options);
  }

  /** {@code scipy.signal.stft(x, ...)}: Zxx is complex128. */
  public static Spectrogram stft(NdArray x, SpectralOptions options) {
    return ShortTime.stft(x, options);
  }

  /**
   * {@code scipy.signal.istft(Zxx, ...)}: the signal back from its STFT (real unless
   * {@code inputOnesided(false)}). Options: fs, window, nperseg, noverlap, nfft, inputOnesided,
   * istftBoundary, timeAxis, freqAxis, scaling (spectrum or density = SciPy's 'psd'), workers.
   */
  public static TimeSignal istft(NdArray zxx, SpectralOptions options) {
    return ShortTime.istft(zxx, options);
  }

  /**
   * {@code scipy.signal.fftconvolve(in1, in2, mode, axes)}; {@code mode} full, same or valid;
   * {@code axes} null for all axes.
   */
  public static NdArray fftconvolve(NdArray in1, NdArray in2, String mode, int[] axes,
      Integer workers) {
    return Convolution.convolve(in1, in2, mode, axes, workers, false);
  }

  /** {@code fftconvolve(in1, in2, mode)} of 1-d signals. */
  public static double[] fftconvolve(double[] in1, double[] in2, String mode) {
    return fftconvolve(NdArray.of(in1), NdArray.of(in2), mode, null, null).data();
  }

  /**
   * {@code scipy.signal.oaconvolve(in1, in2, mode, axes)}: overlap-add, faster than fftconvolve
   * when one input is much longer than the other. Real inputs along one axis are split into blocks
   * (a single long signal's blocks across workers); otherwise it computes as fftconvolve.
   */
  public static NdArray oaconvolve(NdArray in1, NdArray in2, String mode, int[] axes,
      Integer workers) {
    return Convolution.convolve(in1, in2, mode, axes, workers, true);
  }

  /** {@code oaconvolve(in1, in2, mode)} of 1-d signals. */
  public static double[] oaconvolve(double[] in1, double[] in2, String mode) {
    return oaconvolve(NdArray.of(in1), NdArray.of(in2), mode, null, null).data();
  }
}
