package dev.numspark.fft.engine;

import dev.numspark.fft.Norm;
import dev.numspark.fft.FftArgumentException;
import dev.numspark.fft.FftPlan;

/**
 * DCT and DST of types 1-4 on a real line of length {@code n}, with SciPy's (pocketfft's)
 * definitions, normalisation and {@code orthogonalize} option.
 *
 * <p>Hand-written on top of JTransforms' FFT because JTransforms' own DoubleDCT_1D/DoubleDST_1D
 * cover only types 2 and 3 and their scaling differs between power-of-two and other lengths (and
 * its DST-III disagrees with the definition for n = 8 in JTransforms 3.1); types 1 and 4 have no
 * JTransforms counterpart at all. Each transform is O(n log n):
 * <ul>
 *   <li>DCT-II by Makhoul's reordering and one real FFT of length n; DCT-III is its inverse.
 *   <li>DCT-I by the real FFT of the even extension (length 2(n-1)); DST-I by the odd extension
 *       (length 2(n+1)).
 *   <li>DCT-IV by a pre- and post-twiddled complex FFT of length 2n.
 *   <li>DST-II/III/IV from DCT-II/III/IV by sign alternation and reversal.
 * </ul>
 * Unnormalised ("backward" forward) definitions, as SciPy documents them:
 * <pre>
 * DCT-I   y[k] = x[0] + (-1)^k x[n-1] + 2 sum_{j=1}^{n-2} x[j] cos(pi k j / (n-1))
 * DCT-II  y[k] = 2 sum_j x[j] cos(pi k (2j+1) / (2n))
 * DCT-III y[k] = x[0] + 2 sum_{j=1}^{n-1} x[j] cos(pi j (2k+1) / (2n))
 * DCT-IV  y[k] = 2 sum_j x[j] cos(pi (2j+1)(2k+1) / (4n))
 * DST-I   y[k] = 2 sum_j x[j] sin(pi (k+1)(j+1) / (n+1))
 * DST-II  y[k] = 2 sum_j x[j] sin(pi (k+1)(2j+1) / (2n))
 * DST-III y[k] = (-1)^k x[n-1] + 2 sum_{j=0}^{n-2} x[j] sin(pi (2k+1)(j+1) / (2n))
 * DST-IV  y[k] = 2 sum_j x[j] sin(pi (2j+1)(2k+1) / (4n))
 * </pre>
 */
public final class RealToRealLineOp extends LineOp {
  private static final double SQRT2 = Math.sqrt(2.0);

  private final boolean dst;
  private final int type;
  private final int n;
  private final double factor;
  private final boolean orthogonalize;
  private final FftPlan plan;
  private final double[] twiddles;

  /**
   * @param type the type actually computed (idct of type 2 computes type 3)
   * @param forward the direction for normalisation
   */
  public RealToRealLineOp(boolean dst, int type, int inputLength, int n, boolean forward,
      Norm norm, boolean orthogonalize) {
    super(Math.min(inputLength, n), n, false, false);
    if (type < 1 || type > 4) {
      throw new FftArgumentException(dst ? "invalid DST type" : "invalid DCT type");
    }
    if (!dst && type == 1 && n < 2) {
      throw new FftArgumentException("zero-length FFT requested");
    }
    this.dst = dst;
    this.type = type;
    this.n = n;
    this.factor = norm.factor(forward, logicalLength(dst, type, n));
    this.orthogonalize = orthogonalize;
    int fftLength = switch (type) {
      case 1 -> dst ? 2 * (n + 1) : 2 * (n - 1);
      case 4 -> 2 * n;
      default -> n;
    };
    this.plan = fftLength > 1 ? PlanCache.plan(fftLength) : null;
    this.twiddles = switch (type) {
      case 2, 3 -> PlanCache.quarterTwiddles(n);
      case 4 -> PlanCache.quarterTwiddles(2 * n);
      default -> null;
    };
  }

  /** The N of SciPy's normalisation: 2(n-1) for DCT-I, 2(n+1) for DST-I, else 2n. */
  static double logicalLength(boolean dst, int type, int n) {
    if (type == 1) {
      return dst ? 2.0 * (n + 1) : 2.0 * (n - 1);
    }
    return 2.0 * n;
  }

  @Override
  int inputDoubles() {
    return n;
  }

  @Override
  int workLength() {
    return 5 * n + 4;
  }

  @Override
  void transform(double[] a) {
    if (orthogonalize) {
      preOrthogonalize(a);
    }
    if (dst) {
      switch (type) {
        case 1 -> dst1(a);
        case 2 -> {
          for (int j = 1; j < n; j += 2) {
            a[j] = -a[j];
          }
          dct2(a);
          reverse(a, n);
        }
        case 3 -> {
          reverse(a, n);
          dct3(a);
          alternateSigns(a, n);
        }
        default -> {
          reverse(a, n);
          dct4(a);
          alternateSigns(a, n);
        }
      }
    } else {
      switch (type) {
        case 1 -> dct1(a);
        case 2 -> dct2(a);
        case 3 -> dct3(a);
        default -> dct4(a);
      }
    }
    scale(a, n, factor);
    if (orthogonalize) {
      postOrthogonalize(a);
    }
  }

  private void preOrthogonalize(double[] a) {
    if (!dst && type == 1) {
      a[0] *= SQRT2;
      a[n - 1] *= SQRT2;
    } else if (!dst && type == 3) {
      a[0] *= SQRT2;
    } else if (dst && type == 3) {
      a[n - 1] *= SQRT2;
    }
  }

  private void postOrthogonalize(double[] a) {
    if (!dst && type == 1) {
      a[0] /= SQRT2;
      a[n - 1] /= SQRT2;
    } else if (!dst && type == 2) {
      a[0] /= SQRT2;
    } else if (dst && type == 2) {
      a[n - 1] /= SQRT2;
    }
  }

  private static void reverse(double[] a, int n) {
    for (int i = 0, j = n - 1; i < j; i++, j--) {
      double t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  private static void alternateSigns(double[] a, int n) {
    for (int k = 1; k < n; k += 2) {
      a[k] = -a[k];
    }
  }

  /** DCT-II via v = (x[0], x[2], ..., x[3], x[1]), V = FFT(v), y[k] = 2 Re(e^{-i pi k/2n} V[k]). */
  private void dct2(double[] a) {
    if (n == 1) {
      a[0] *= 2.0;
      return;
    }
    int s = n;
    for (int m = 0; 2 * m < n; m++) {
      a[s + m] = a[2 * m];
    }
    for (int m = 0; 2 * m + 1 < n; m++) {
      a[s + n - 1 - m] = a[2 * m + 1];
    }
    plan.realForward(a, s);
    // unpack in place at offset s: n/2 + 1 complex values in a[s .. s+n+2)
    a[s + n] = a[s + 1];
    a[s + 1] = 0.0;
    if (n % 2 == 0) {
      a[s + n + 1] = 0.0;
    }
    int half = n / 2;
    for (int k = 0; k < n; k++) {
      double re;
      double im;
      if (k <= half) {
        re = a[s + 2 * k];
        im = a[s + 2 * k + 1];
      } else {
        re = a[s + 2 * (n - k)];
        im = -a[s + 2 * (n - k) + 1];
      }
      a[k] = 2.0 * (twiddles[2 * k] * re + twiddles[2 * k + 1] * im);
    }
  }

  /**
   * DCT-III as 2n times the inverse of DCT-II: U[k] = e^{i pi k/2n} (x[k] - i x[n-k]), v the real
   * inverse FFT of U (unscaled), then y[2m] = v[m] and y[2m+1] = v[n-1-m].
   */
  private void dct3(double[] a) {
    if (n == 1) {
      return;
    }
    int s = n;
    int half = n / 2;
    for (int k = 0; k <= half; k++) {
      double xk = a[k];
      double xr = k == 0 ? 0.0 : a[n - k];
      double c = twiddles[2 * k];
      double sn = twiddles[2 * k + 1];
      a[s + 2 * k] = c * xk + sn * xr;
      a[s + 2 * k + 1] = sn * xk - c * xr;
    }
    a[s + 1] = a[s + n];
    // scaled (1/n) because JTransforms' unscaled realInverse is off by 2 for powers of two
    plan.realInverse(a, s, true);
    double unscale = n;
    for (int m = 0; 2 * m < n; m++) {
      a[2 * m] = a[s + m] * unscale;
    }
    for (int m = 0; 2 * m + 1 < n; m++) {
      a[2 * m + 1] = a[s + n - 1 - m] * unscale;
    }
  }

  /** DCT-I as the real part of the FFT of the even extension (x[0..n-1], x[n-2..1]). */
  private void dct1(double[] a) {
    int m = 2 * (n - 1);
    int s = n;
    for (int j = 0; j < n; j++) {
      a[s + j] = a[j];
    }
    for (int j = n; j < m; j++) {
      a[s + j] = a[m - j];
    }
    plan.realForward(a, s);
    a[0] = a[s];
    for (int k = 1; k < n - 1; k++) {
      a[k] = a[s + 2 * k];
    }
    a[n - 1] = a[s + 1];
  }

  /** DST-I as minus the imaginary part of the FFT of the odd extension (0, x, 0, -reversed x). */
  private void dst1(double[] a) {
    int m = 2 * (n + 1);
    int s = n;
    a[s] = 0.0;
    a[s + n + 1] = 0.0;
    for (int j = 0; j < n; j++) {
      a[s + 1 + j] = a[j];
      a[s + m - 1 - j] = -a[j];
    }
    plan.realForward(a, s);
    // bins 1..n are regular (re, im) pairs of the packed layout, since n < m/2 = n+1
    for (int k = 0; k < n; k++) {
      a[k] = -a[s + 2 * (k + 1) + 1];
    }
  }

  /**
   * DCT-IV: with z[j] = x[j] e^{-i pi j/2n} zero-padded to 2n and Z its FFT,
   * y[k] = 2 Re(e^{-i pi (2k+1)/4n} Z[k]).
   */
  private void dct4(double[] a) {
    int s = n;
    for (int j = 0; j < n; j++) {
      double c = twiddles[4 * j];
      double sn = twiddles[4 * j + 1];
      a[s + 2 * j] = a[j] * c;
      a[s + 2 * j + 1] = -a[j] * sn;
    }
    java.util.Arrays.fill(a, s + 2 * n, s + 4 * n, 0.0);
    plan.complexForward(a, s);
    for (int k = 0; k < n; k++) {
      double c = twiddles[2 * (2 * k + 1)];
      double sn = twiddles[2 * (2 * k + 1) + 1];
      a[k] = 2.0 * (c * a[s + 2 * k] + sn * a[s + 2 * k + 1]);
    }
  }
}
