package dev.numspark.signal;

import java.util.Map;

/**
 * The windows of {@code scipy.signal.windows} that numspark supports, and {@code get_window}.
 *
 * <p>Each function follows SciPy's formula term by term (same {@code linspace}, same branches),
 * so values agree to a few ulps. {@code sym = true} gives the symmetric window (filter design),
 * {@code false} the periodic one (spectral analysis; SciPy's {@code fftbins=True}).
 */
public final class Windows {
  private enum Family { BOXCAR, HANN, HAMMING, BLACKMAN, BARTLETT, TUKEY, KAISER, GAUSSIAN }

  /** SciPy's names and aliases of the supported windows. */
  private static final Map<String, Family> NAMES = Map.ofEntries(
      Map.entry("boxcar", Family.BOXCAR), Map.entry("box", Family.BOXCAR),
      Map.entry("ones", Family.BOXCAR), Map.entry("rect", Family.BOXCAR),
      Map.entry("rectangular", Family.BOXCAR),
      Map.entry("hann", Family.HANN), Map.entry("han", Family.HANN),
      Map.entry("hamming", Family.HAMMING), Map.entry("hamm", Family.HAMMING),
      Map.entry("ham", Family.HAMMING),
      Map.entry("blackman", Family.BLACKMAN), Map.entry("black", Family.BLACKMAN),
      Map.entry("blk", Family.BLACKMAN),
      Map.entry("bartlett", Family.BARTLETT), Map.entry("bart", Family.BARTLETT),
      Map.entry("brt", Family.BARTLETT),
      Map.entry("tukey", Family.TUKEY), Map.entry("tuk", Family.TUKEY),
      Map.entry("kaiser", Family.KAISER), Map.entry("ksr", Family.KAISER),
      Map.entry("gaussian", Family.GAUSSIAN), Map.entry("gauss", Family.GAUSSIAN),
      Map.entry("gss", Family.GAUSSIAN));

  /** Windows SciPy has but numspark does not (yet): named in the error instead of "invalid". */
  private static final java.util.Set<String> SCIPY_ONLY = java.util.Set.of("barthann", "brthan",
      "bth", "blackmanharris", "blackharr", "bkh", "bohman", "bman", "bmn", "chebwin", "cheb",
      "cosine", "halfcosine", "dpss", "exponential", "poisson", "flattop", "flat", "flt",
      "general cosine", "general_cosine", "general gaussian", "general_gaussian", "general gauss",
      "general_gauss", "ggs", "general hamming", "general_hamming", "kaiser bessel derived",
      "kaiser_bessel_derived", "kbd", "lanczos", "sinc", "nuttall", "nutl", "nut", "parzen",
      "parz", "par", "taylor", "taylorwin", "triangle", "triang", "tri");

  private Windows() {}

  /** {@code scipy.signal.get_window(window, nx, fftbins)}. */
  public static double[] getWindow(Window window, int nx, boolean fftbins) {
    if (nx <= 0) {
      throw new SignalArgumentException("Parameter Nx=" + nx + " is not a positive integer");
    }
    if (window.isArray()) {
      throw new SignalArgumentException("Parameter window=" + window.repr()
          + " must be a tuple, a string or a float!");
    }
    boolean sym = !fftbins;
    String name = window.name();
    if (name.endsWith("_symmetric")) {
      sym = true;
      name = name.substring(0, name.length() - "_symmetric".length());
    } else if (name.endsWith("_periodic")) {
      sym = false;
      name = name.substring(0, name.length() - "_periodic".length());
    }
    Family family = NAMES.get(name);
    if (family == null) {
      if (SCIPY_ONLY.contains(name)) {
        throw new SignalArgumentException("window '" + name + "' is not supported by numspark "
            + "(supported: boxcar, hann, hamming, blackman, bartlett, tukey, kaiser, gaussian)");
      }
      throw new SignalArgumentException("Invalid window name '" + name + "' in parameter window="
          + window.repr() + "!");
    }
    double[] p = window.rawParams();
    boolean needs = family == Family.KAISER || family == Family.GAUSSIAN;
    boolean allows = needs || family == Family.TUKEY;
    if (p.length > 0 && !allows) {
      throw new SignalArgumentException("'" + name + "' does not allow parameters, but window="
          + window.repr() + "!");
    }
    if (p.length == 0 && needs) {
      throw new SignalArgumentException("'" + name + "' must have parameters, but window="
          + window.repr() + "!");
    }
    if (p.length > 1) {
      throw new SignalArgumentException("'" + name + "' takes one parameter, but window="
          + window.repr() + "!");
    }
    return switch (family) {
      case BOXCAR -> boxcar(nx, sym);
      case HANN -> hann(nx, sym);
      case HAMMING -> hamming(nx, sym);
      case BLACKMAN -> blackman(nx, sym);
      case BARTLETT -> bartlett(nx, sym);
      case TUKEY -> tukey(nx, p.length == 0 ? 0.5 : p[0], sym);
      case KAISER -> kaiser(nx, p[0], sym);
      case GAUSSIAN -> gaussian(nx, p[0], sym);
    };
  }

  /** {@code get_window(window, nx)} with a name such as {@code "hann"} or {@code "tukey:0.25"}. */
  public static double[] getWindow(String window, int nx, boolean fftbins) {
    return getWindow(Window.parse(window), nx, fftbins);
  }

  public static double[] boxcar(int m, boolean sym) {
    checkLength(m);
    return ones(m);
  }

  public static double[] hann(int m, boolean sym) {
    return generalHamming(m, 0.5, sym);
  }

  public static double[] hamming(int m, boolean sym) {
    return generalHamming(m, 0.54, sym);
  }

  static double[] generalHamming(int m, double alpha, boolean sym) {
    return generalCosine(m, new double[] {alpha, 1.0 - alpha}, sym);
  }

  public static double[] blackman(int m, boolean sym) {
    return generalCosine(m, new double[] {0.42, 0.50, 0.08}, sym);
  }

  /** SciPy's {@code _general_cosine_impl}: sum of a[k] cos(k x) over linspace(-pi, pi). */
  private static double[] generalCosine(int m, double[] a, boolean sym) {
    if (checkLength(m)) {
      return ones(m);
    }
    int len = sym ? m : m + 1;
    double[] fac = linspace(-Math.PI, Math.PI, len);
    double[] w = new double[len];
    for (int k = 0; k < a.length; k++) {
      for (int i = 0; i < len; i++) {
        w[i] += a[k] * Math.cos(k * fac[i]);
      }
    }
    return truncate(w, m);
  }

  public static double[] bartlett(int m, boolean sym) {
    if (checkLength(m)) {
      return ones(m);
    }
    int len = sym ? m : m + 1;
    double[] w = new double[len];
    for (int i = 0; i < len; i++) {
      double n = i;
      w[i] = n <= (len - 1) / 2.0 ? 2.0 * n / (len - 1) : 2.0 - 2.0 * n / (len - 1);
    }
    return truncate(w, m);
  }

  public static double[] tukey(int m, double alpha, boolean sym) {
    if (checkLength(m)) {
      return ones(m);
    }
    if (alpha <= 0) {
      return ones(m);
    } else if (alpha >= 1.0) {
      return hann(m, sym);
    }
    int len = sym ? m : m + 1;
    int width = (int) Math.floor(alpha * (len - 1) / 2.0);
    double[] w = new double[len];
    for (int i = 0; i < len; i++) {
      double n = i;
      if (i <= width) {
        w[i] = 0.5 * (1 + Math.cos(Math.PI * (-1 + 2.0 * n / alpha / (len - 1))));
      } else if (i < len - width - 1) {
        w[i] = 1.0;
      } else {
        w[i] = 0.5 * (1 + Math.cos(Math.PI * (-2.0 / alpha + 1 + 2.0 * n / alpha / (len - 1))));
      }
    }
    return truncate(w, m);
  }

  public static double[] kaiser(int m, double beta, boolean sym) {
    if (checkLength(m)) {
      return ones(m);
    }
    int len = sym ? m : m + 1;
    double alpha = (len - 1) / 2.0;
    double denominator = besselI0(beta);
    double[] w = new double[len];
    for (int i = 0; i < len; i++) {
      double r = (i - alpha) / alpha;
      w[i] = besselI0(beta * Math.sqrt(1 - Math.pow(r, 2.0))) / denominator;
    }
    return truncate(w, m);
  }

  public static double[] gaussian(int m, double std, boolean sym) {
    if (checkLength(m)) {
      return ones(m);
    }
    int len = sym ? m : m + 1;
    double sig2 = 2 * std * std;
    double[] w = new double[len];
    for (int i = 0; i < len; i++) {
      double n = i - (len - 1.0) / 2.0;
      w[i] = Math.exp(-(n * n) / sig2);
    }
    return truncate(w, m);
  }

  /**
   * The modified Bessel function I0. Hand-written (no maintained Java library among our
   * dependencies has it): the power series sum ((x/2)^k / k!)^2 has only positive terms, so it is
   * accurate to a few ulps for the Kaiser betas in use; beyond |x| = 700 it overflows like
   * {@code exp(x)} and returns infinity, where SciPy's i0 does too.
   */
  static double besselI0(double x) {
    double q = x * x / 4.0;
    double term = 1.0;
    double sum = 1.0;
    for (int k = 1; k < 1000; k++) {
      term *= q / ((double) k * k);
      sum += term;
      if (term < sum * 1e-17) {
        break;
      }
    }
    return sum;
  }

  /** numpy's linspace with endpoint: {@code start + i*step}, the last value exactly {@code stop}. */
  private static double[] linspace(double start, double stop, int num) {
    double[] y = new double[num];
    double step = (stop - start) / (num - 1);
    for (int i = 0; i < num; i++) {
      y[i] = i * step + start;
    }
    y[num - 1] = stop;
    return y;
  }

  /** SciPy's {@code _len_guards}: true when the window is trivially ones. */
  private static boolean checkLength(int m) {
    if (m < 0) {
      throw new SignalArgumentException("Window length M must be a non-negative integer");
    }
    return m <= 1;
  }

  private static double[] ones(int m) {
    double[] w = new double[m];
    java.util.Arrays.fill(w, 1.0);
    return w;
  }

  private static double[] truncate(double[] w, int m) {
    return w.length == m ? w : java.util.Arrays.copyOf(w, m);
  }
}
