package dev.numspark.signal;

import java.util.Locale;

/**
 * The keyword arguments of {@code welch}, {@code csd}, {@code periodogram}, {@code spectrogram},
 * {@code stft} and {@code istft}. Anything left unset takes the called function's SciPy default
 * (they differ: welch's window is {@code hann}, periodogram's {@code boxcar}, spectrogram's
 * {@code ("tukey", 0.25)}; spectrogram overlaps by {@code nperseg/8}, the others by
 * {@code nperseg/2}; stft does not detrend). Options a function does not take are ignored.
 *
 * <pre>{@code
 * Spectrum s = Signal.welch(x, SpectralOptions.defaults().fs(1000).nperseg(256).workers(2));
 * }</pre>
 */
public final class SpectralOptions {

  /** SciPy's {@code detrend}: 'constant', 'linear' or False. */
  public enum Detrend {
    CONSTANT, LINEAR, NONE;

    /** {@code constant}/{@code c}, {@code linear}/{@code l}, {@code false}/{@code none}. */
    public static Detrend parse(String s) {
      return switch (s.trim().toLowerCase(Locale.ROOT)) {
        case "constant", "c" -> CONSTANT;
        case "linear", "l" -> LINEAR;
        case "false", "none" -> NONE;
        default -> throw new SignalArgumentException("Trend type must be 'linear' or 'constant'.");
      };
    }
  }

  /** SciPy's {@code scaling}: 'density' (V**2/Hz; stft's 'psd') or 'spectrum' (V**2). */
  public enum Scaling {
    DENSITY, SPECTRUM;

    /** {@code density} or {@code spectrum}; stft's {@code psd} reads as density. */
    public static Scaling parse(String s) {
      return switch (s.trim().toLowerCase(Locale.ROOT)) {
        case "density", "psd" -> DENSITY;
        case "spectrum" -> SPECTRUM;
        default -> throw new SignalArgumentException("Parameter scaling='" + s
            + "' not in {'spectrum': 'magnitude', 'density': 'psd'}!");
      };
    }
  }

  /** SciPy's {@code average} over segments. */
  public enum Average {
    MEAN, MEDIAN;

    public static Average parse(String s) {
      return switch (s.trim().toLowerCase(Locale.ROOT)) {
        case "mean" -> MEAN;
        case "median" -> MEDIAN;
        default -> throw new SignalArgumentException(
            "Parameter average='" + s + "' must be 'median' or 'mean'!");
      };
    }
  }

  /** stft's {@code boundary} extension. */
  public enum Boundary {
    EVEN, ODD, CONSTANT, ZEROS, NONE;

    public static Boundary parse(String s) {
      return switch (s.trim().toLowerCase(Locale.ROOT)) {
        case "even" -> EVEN;
        case "odd" -> ODD;
        case "constant" -> CONSTANT;
        case "zeros" -> ZEROS;
        case "none", "false" -> NONE;
        default -> throw new SignalArgumentException("Unknown boundary option '" + s
            + "', must be one of: ['even', 'odd', 'constant', 'zeros', None]");
      };
    }
  }

  /** spectrogram's {@code mode}. */
  public enum Mode {
    PSD, COMPLEX, MAGNITUDE, ANGLE, PHASE;

    public static Mode parse(String s) {
      return switch (s.trim().toLowerCase(Locale.ROOT)) {
        case "psd" -> PSD;
        case "complex" -> COMPLEX;
        case "magnitude" -> MAGNITUDE;
        case "angle" -> ANGLE;
        case "phase" -> PHASE;
        default -> throw new SignalArgumentException("unknown value for mode " + s
            + ", must be one of ['psd', 'complex', 'magnitude', 'angle', 'phase']");
      };
    }
  }

  Double fs;
  Window window;
  Integer nperseg;
  Integer noverlap;
  Integer nfft;
  Detrend detrend;
  Boolean returnOnesided;
  Scaling scaling;
  Average average;
  Integer axis;
  Mode mode;
  Boundary boundary;
  Boolean padded;
  Boolean inputOnesided;
  Boolean istftBoundary;
  Integer timeAxis;
  Integer freqAxis;
  Integer workers;

  private SpectralOptions() {}

  /** No option set: every function uses its SciPy defaults. */
  public static SpectralOptions defaults() {
    return new SpectralOptions();
  }

  public SpectralOptions fs(double fs) {
    this.fs = fs;
    return this;
  }

  public SpectralOptions window(Window window) {
    this.window = window;
    return this;
  }

  /** A window by name, e.g. {@code "hann"}, {@code "tukey:0.25"}. */
  public SpectralOptions window(String window) {
    this.window = Window.parse(window);
    return this;
  }

  public SpectralOptions window(String name, double param) {
    this.window = Window.of(name, param);
    return this;
  }

  /** A window given by its values; its length sets nperseg. */
  public SpectralOptions window(double[] values) {
    this.window = Window.values(values);
    return this;
  }

  public SpectralOptions nperseg(Integer nperseg) {
    this.nperseg = nperseg;
    return this;
  }

  public SpectralOptions noverlap(Integer noverlap) {
    this.noverlap = noverlap;
    return this;
  }

  public SpectralOptions nfft(Integer nfft) {
    this.nfft = nfft;
    return this;
  }

  public SpectralOptions detrend(Detrend detrend) {
    this.detrend = detrend;
    return this;
  }

  public SpectralOptions detrend(String detrend) {
    return detrend(Detrend.parse(detrend));
  }

  public SpectralOptions returnOnesided(boolean returnOnesided) {
    this.returnOnesided = returnOnesided;
    return this;
  }

  public SpectralOptions scaling(Scaling scaling) {
    this.scaling = scaling;
    return this;
  }

  public SpectralOptions scaling(String scaling) {
    return scaling(Scaling.parse(scaling));
  }

  public SpectralOptions average(Average average) {
    this.average = average;
    return this;
  }

  public SpectralOptions average(String average) {
    return average(Average.parse(average));
  }

  /** The axis along which the signal runs (default -1). */
  public SpectralOptions axis(int axis) {
    this.axis = axis;
    return this;
  }

  /** spectrogram's mode (default psd). */
  public SpectralOptions mode(Mode mode) {
    this.mode = mode;
    return this;
  }

  public SpectralOptions mode(String mode) {
    return mode(Mode.parse(mode));
  }

  /** stft's boundary extension (default zeros). */
  public SpectralOptions boundary(Boundary boundary) {
    this.boundary = boundary;
    return this;
  }

  public SpectralOptions boundary(String boundary) {
    return boundary(Boundary.parse(boundary));
  }

  /** stft's padding to whole segments (default true). */
  public SpectralOptions padded(boolean padded) {
    this.padded = padded;
    return this;
  }

  /** istft: the input holds one-sided spectra (default true). */
  public SpectralOptions inputOnesided(boolean inputOnesided) {
    this.inputOnesided = inputOnesided;
    return this;
  }

  /** istft's {@code boundary}: remove the extension stft added (default true). */
  public SpectralOptions istftBoundary(boolean boundary) {
    this.istftBoundary = boundary;
    return this;
  }

  /** istft's time axis (default -1). */
  public SpectralOptions timeAxis(int timeAxis) {
    this.timeAxis = timeAxis;
    return this;
  }

  /** istft's frequency axis (default -2). */
  public SpectralOptions freqAxis(int freqAxis) {
    this.freqAxis = freqAxis;
    return this;
  }

  /** Threads for batched signals; null is {@code Workers.getWorkers()}. */
  public SpectralOptions workers(Integer workers) {
    this.workers = workers;
    return this;
  }
}
