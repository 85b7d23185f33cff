package dev.numspark.fft;

import dev.numspark.array.NdArray;
import dev.numspark.fft.engine.AxisRunner;
import dev.numspark.fft.engine.ComplexLineOp;
import dev.numspark.fft.engine.Engines;
import dev.numspark.fft.engine.LineOp;
import dev.numspark.fft.engine.LineRunner;
import dev.numspark.fft.engine.RealForwardLineOp;
import dev.numspark.fft.engine.RealInverseLineOp;
import dev.numspark.fft.engine.RealToRealLineOp;
import dev.numspark.parallel.Workers;

/**
 * {@code scipy.fft} for the JVM: discrete Fourier, cosine and sine transforms with SciPy's
 * arguments, defaults, normalisation and errors, on {@link NdArray} (any dimension) and on plain
 * {@code double[]} (1-d).
 *
 * <h2>Arguments</h2>
 * <ul>
 *   <li>{@code n} / {@code s}: the transform length(s); the input is truncated or zero-padded along
 *       the axis. {@code null} keeps the input's length. In {@code s}, {@code -1} means the input's
 *       length on that axis.
 *   <li>{@code axis} / {@code axes}: negative values count from the end; {@code axes == null} means
 *       every axis (the last {@code s.length} axes when {@code s} is given).
 *   <li>{@code norm}: {@code "backward"} (default, also {@code null}), {@code "ortho"} or
 *       {@code "forward"}.
 *   <li>{@code workers}: threads to use, as in SciPy; {@code null} is the default of
 *       {@link Workers#resolve(Integer)} (1 outside Spark). The many 1-d transforms along an axis
 *       are split across the workers; results do not depend on the number of workers.
 * </ul>
 *
 * <h2>Layouts</h2>
 * Complex arrays are interleaved {@code re, im} pairs ({@link NdArray#complex}); every complex
 * result, including those of the {@code double[]} overloads, uses that layout: element {@code k}
 * is at {@code [2k]} (real) and {@code [2k+1]} (imaginary). Real input to a complex transform
 * ({@code fft}, {@code ifft}, {@code fftn}, ...) is treated as having zero imaginary part. Inputs
 * are never modified, except through {@code out}.
 *
 * <h2>{@code out}</h2>
 * The 1-d transforms along an axis ({@code fft}, {@code ifft}, {@code rfft}, {@code irfft},
 * {@code hfft}, {@code ihfft}) also take {@code out}, as numpy 2's {@code numpy.fft} does (SciPy's
 * have no such argument): the result is written into it and it is returned. It must have the
 * result's shape and dtype (complex128, or float64 for {@code irfft}/{@code hfft}); its old
 * contents do not matter, and it may be the input itself (an in-place transform). Reusing one
 * output saves allocating the result each call: the JVM zeroes every new array on one thread
 * (about 12 GB/s), a fifth of a large batched FFT's time, and the part that does not scale with
 * {@code workers}.
 *
 * <h2>Errors</h2>
 * {@link FftArgumentException} (an {@link IllegalArgumentException}) with SciPy's message, e.g.
 * {@code invalid number of data points (0) specified}; an axis outside the array raises
 * {@link dev.numspark.array.AxisException} with numpy's message.
 */
public final class Fft {
  private static final int[] LAST_TWO = {-2, -1};

  private Fft() {}

  // ---------------------------------------------------------------- complex 1-d

  /** {@code scipy.fft.fft(x)}: the DFT along the last axis. */
  public static NdArray fft(NdArray x) {
    return fft(x, null, -1, null, null);
  }

  /**
   * {@code scipy.fft.fft(x, n, axis, norm, workers=workers)}: the DFT
   * {@code y[k] = sum_j x[j] exp(-2 pi i j k / n)} along {@code axis}; complex result.
   */
  public static NdArray fft(NdArray x, Integer n, int axis, String norm, Integer workers) {
    return c2c(x, n, axis, norm, workers, true, null);
  }

  /**
   * {@link #fft(NdArray, Integer, int, String, Integer)} into {@code out} (numpy's
   * {@code out=}; see the class comment), which is returned.
   */
  public static NdArray fft(NdArray x, Integer n, int axis, String norm, Integer workers,
      NdArray out) {
    return c2c(x, n, axis, norm, workers, true, out);
  }

  /** {@code scipy.fft.ifft(x)}. */
  public static NdArray ifft(NdArray x) {
    return ifft(x, null, -1, null, null);
  }

  /**
   * {@code scipy.fft.ifft(x, n, axis, norm, workers=workers)}: the inverse DFT
   * {@code y[j] = (1/n) sum_k x[k] exp(2 pi i j k / n)} (for the default norm).
   */
  public static NdArray ifft(NdArray x, Integer n, int axis, String norm, Integer workers) {
    return c2c(x, n, axis, norm, workers, false, null);
  }

  /**
   * {@link #ifft(NdArray, Integer, int, String, Integer)} into {@code out} (numpy's
   * {@code out=}; see the class comment), which is returned.
   */
  public static NdArray ifft(NdArray x, Integer n, int axis, String norm, Integer workers,
      NdArray out) {
    return c2c(x, n, axis, norm, workers, false, out);
  }

  private static NdArray c2c(NdArray x, Integer n, int axis, String norm, Integer workers,
      boolean forward, NdArray out) {
    Norm nm = Norm.parse(norm);
    int w = Workers.resolve(workers);
    int ax = NdArray.normalizeAxis(axis, x.ndim());
    int len = length(n, x.shape()[ax]);
    return AxisRunner.apply(x, ax, new ComplexLineOp(x.shape()[ax], len, forward, nm), w, true,
        out);
  }

  // ---------------------------------------------------------------- real 1-d

  /** {@code scipy.fft.rfft(x)}. */
  public static NdArray rfft(NdArray x) {
    return rfft(x, null, -1, null, null);
  }

  /**
   * {@code scipy.fft.rfft(x, n, axis, norm, workers=workers)}: the DFT of real input, keeping the
   * {@code n/2 + 1} non-negative frequencies; complex result.
   */
  public static NdArray rfft(NdArray x, Integer n, int axis, String norm, Integer workers) {
    return r2c(x, n, axis, norm, workers, true, null);
  }

  /**
   * {@link #rfft(NdArray, Integer, int, String, Integer)} into {@code out} (numpy's
   * {@code out=}; see the class comment), which is returned.
   */
  public static NdArray rfft(NdArray x, Integer n, int axis, String norm, Integer workers,
      NdArray out) {
    return r2c(x, n, axis, norm, workers, true, out);
  }

  /**
   * {@code rfft} of one real signal straight into separate real and imaginary parts, for callers
   * that store them apart (a Spark {@code struct<re, im>} column) and transform row after row:
   * no interleaved result, no allocation. The numbers are exactly those of
   * {@code rfft(x, n, -1, norm, 1)} for this one signal: {@code re[k] + i im[k]} for
   * {@code k < n/2 + 1}. (With the Vector API module both run on the single-line engine for the
   * lengths it takes; batches of V lines or more take the batched engine, which rounds
   * differently, so the same line in a batch can differ in the last bits; see docs/fft.md.)
   *
   * @param work the signal's {@code length} samples at its front; overwritten (zero-padded to
   *     {@code n}, then transformed in place), so its capacity must be at least {@code n}
   * @param n the transform length ({@code null}: {@code length}); truncates or zero-pads
   * @param re receives the real parts; capacity at least {@code n/2 + 1}
   * @param im receives the imaginary parts; capacity at least {@code n/2 + 1}
   * @return the number of frequencies written, {@code n/2 + 1}
   */
  public static int rfftParts(double[] work, int length, Integer n, String norm, double[] re,
      double[] im) {
    return rfftParts(work, length, n, norm, re, 0, im, 0);
  }

  /**
   * {@link #rfftParts(double[], int, Integer, String, double[], double[])} writing the parts at
   * {@code re[reOffset ..]} and {@code im[imOffset ..]}: straight into a caller's storage layout
   * (e.g. both parts in one buffer).
   */
  public static int rfftParts(double[] work, int length, Integer n, String norm, double[] re,
      int reOffset, double[] im, int imOffset) {
    Norm nm = Norm.parse(norm);
    int len = length(n, length);
    int bins = len / 2 + 1;
    if (length < 0 || length > work.length || work.length < len || reOffset < 0 || imOffset < 0
        || re.length - reOffset < bins || im.length - imOffset < bins) {
      throw new IllegalArgumentException("rfftParts: work holds " + work.length + " doubles for "
          + length + " samples and n = " + len + "; re and im have room for "
          + (re.length - reOffset) + " and " + (im.length - imOffset) + " of " + bins
          + " frequencies");
    }
    java.util.Arrays.fill(work, Math.min(length, len), len, 0.0);
    double f = nm.factor(true, len);
    // the one-row path of Fft.rfft (AxisRunner with fewer lines than lanes): the same bits
    if (Engines.rowOnVector(len)) {
      LineRunner.rfft(work, 0, len, f, f, re, reOffset, im, imOffset, 1);
      return bins;
    }
    new RealForwardLineOp(length, len, f, false)
        .transformToParts(work, re, reOffset, im, imOffset);
    return bins;
  }

  /** {@code scipy.fft.irfft(x)}: output length {@code 2 (m - 1)} for input length m. */
  public static NdArray irfft(NdArray x) {
    return irfft(x, null, -1, null, null);
  }

  /**
   * {@code scipy.fft.irfft(x, n, axis, norm, workers=workers)}: the real signal of length
   * {@code n} (default {@code 2 (m - 1)}) whose non-negative-frequency half spectrum is {@code x}
   * (truncated or zero-padded to {@code n/2 + 1}); real result. Real input is accepted.
   */
  public static NdArray irfft(NdArray x, Integer n, int axis, String norm, Integer workers) {
    return c2r(x, n, axis, norm, workers, false, null);
  }

  /**
   * {@link #irfft(NdArray, Integer, int, String, Integer)} into {@code out} (numpy's
   * {@code out=}; see the class comment), which is returned.
   */
  public static NdArray irfft(NdArray x, Integer n, int axis, String norm, Integer workers,
      NdArray out) {
    return c2r(x, n, axis, norm, workers, false, out);
  }

  /** {@code scipy.fft.hfft(x)}. */
  public static NdArray hfft(NdArray x) {
    return hfft(x, null, -1, null, null);
  }

  /**
   * {@code scipy.fft.hfft(x, n, axis, norm, workers=workers)}: the (real) FFT of a Hermitian
   * signal given by its first half, {@code irfft(conj(x))} with the forward normalisation.
   */
  public static NdArray hfft(NdArray x, Integer n, int axis, String norm, Integer workers) {
    return c2r(x, n, axis, norm, workers, true, null);
  }

  /**
   * {@link #hfft(NdArray, Integer, int, String, Integer)} into {@code out} (numpy's
   * {@code out=}; see the class comment), which is returned.
   */
  public static NdArray hfft(NdArray x, Integer n, int axis, String norm, Integer workers,
      NdArray out) {
    return c2r(x, n, axis, norm, workers, true, out);
  }

  /** {@code scipy.fft.ihfft(x)}. */
  public static NdArray ihfft(NdArray x) {
    return ihfft(x, null, -1, null, null);
  }

  /**
   * {@code scipy.fft.ihfft(x, n, axis, norm, workers=workers)}: the inverse of {@link #hfft},
   * {@code conj(rfft(x))} with the inverse normalisation; complex result.
   */
  public static NdArray ihfft(NdArray x, Integer n, int axis, String norm, Integer workers) {
    return r2c(x, n, axis, norm, workers, false, null);
  }

  /**
   * {@link #ihfft(NdArray, Integer, int, String, Integer)} into {@code out} (numpy's
   * {@code out=}; see the class comment), which is returned.
   */
  public static NdArray ihfft(NdArray x, Integer n, int axis, String norm, Integer workers,
      NdArray out) {
    return r2c(x, n, axis, norm, workers, false, out);
  }

  private static NdArray r2c(NdArray x, Integer n, int axis, String norm, Integer workers,
      boolean forward, NdArray out) {
    Norm nm = Norm.parse(norm);
    int w = Workers.resolve(workers);
    requireReal(x);
    int ax = NdArray.normalizeAxis(axis, x.ndim());
    int len = length(n, x.shape()[ax]);
    return AxisRunner.apply(x, ax,
        new RealForwardLineOp(x.shape()[ax], len, nm.factor(forward, len), !forward), w, true,
        out);
  }

  private static NdArray c2r(NdArray x, Integer n, int axis, String norm, Integer workers,
      boolean forward, NdArray out) {
    Norm nm = Norm.parse(norm);
    int w = Workers.resolve(workers);
    int ax = NdArray.normalizeAxis(axis, x.ndim());
    int m = x.shape()[ax];
    int len;
    if (n == null) {
      len = 2 * (m - 1);
      if (len < 1) {
        throw new FftArgumentException("Invalid number of data points (" + len + ") specified");
      }
    } else {
      len = length(n, m);
    }
    return AxisRunner.apply(x, ax,
        new RealInverseLineOp(m, len, nm.factor(forward, len), forward), w, true, out);
  }

  // ---------------------------------------------------------------- n-d

  /** {@code scipy.fft.fft2(x)}: the DFT over the last two axes. */
  public static NdArray fft2(NdArray x) {
    return fftn(x, null, LAST_TWO, null, null);
  }

  /** {@code scipy.fft.fft2(x, s, axes, norm, workers=workers)}; {@code axes == null} is (-2, -1). */
  public static NdArray fft2(NdArray x, int[] s, int[] axes, String norm, Integer workers) {
    return fftn(x, s, axes == null ? LAST_TWO : axes, norm, workers);
  }

  /** {@code scipy.fft.ifft2(x)}. */
  public static NdArray ifft2(NdArray x) {
    return ifftn(x, null, LAST_TWO, null, null);
  }

  /** {@code scipy.fft.ifft2(x, s, axes, norm, workers=workers)}; {@code axes == null} is (-2, -1). */
  public static NdArray ifft2(NdArray x, int[] s, int[] axes, String norm, Integer workers) {
    return ifftn(x, s, axes == null ? LAST_TWO : axes, norm, workers);
  }

  /** {@code scipy.fft.fftn(x)}: the DFT over every axis. */
  public static NdArray fftn(NdArray x) {
    return fftn(x, null, null, null, null);
  }

  /**
   * {@code scipy.fft.fftn(x, s, axes, norm, workers=workers)}. With no axes to transform
   * ({@code axes} empty) the input itself is returned, as in SciPy.
   */
  public static NdArray fftn(NdArray x, int[] s, int[] axes, String norm, Integer workers) {
    return c2cn(x, s, axes, norm, workers, true);
  }

  /** {@code scipy.fft.ifftn(x)}. */
  public static NdArray ifftn(NdArray x) {
    return ifftn(x, null, null, null, null);
  }

  /** {@code scipy.fft.ifftn(x, s, axes, norm, workers=workers)}. */
  public static NdArray ifftn(NdArray x, int[] s, int[] axes, String norm, Integer workers) {
    return c2cn(x, s, axes, norm, workers, false);
  }

  private static NdArray c2cn(NdArray x, int[] s, int[] axes, String norm, Integer workers,
      boolean forward) {
    NdShapes shapes = NdShapes.resolve(x.shape(), s, axes);
    int w = Workers.resolve(workers);
    if (shapes.axes.length == 0) {
      return x;
    }
    Norm nm = Norm.parse(norm);
    NdArray out = x;
    for (int i = 0; i < shapes.axes.length; i++) {
      int ax = shapes.axes[i];
      LineOp op = new ComplexLineOp(out.shape()[ax], shapes.s[i], forward, nm);
      // after the first axis the array is ours and may be transformed in place
      out = out == x ? AxisRunner.apply(out, ax, op, w) : AxisRunner.applyOwned(out, ax, op, w);
    }
    return out;
  }

  /** {@code scipy.fft.rfft2(x)}. */
  public static NdArray rfft2(NdArray x) {
    return rfftn(x, null, LAST_TWO, null, null);
  }

  /** {@code scipy.fft.rfft2(x, s, axes, norm, workers=workers)}; {@code axes == null} is (-2, -1). */
  public static NdArray rfft2(NdArray x, int[] s, int[] axes, String norm, Integer workers) {
    return rfftn(x, s, axes == null ? LAST_TWO : axes, norm, workers);
  }

  /** {@code scipy.fft.rfftn(x)}. */
  public static NdArray rfftn(NdArray x) {
    return rfftn(x, null, null, null, null);
  }

  /**
   * {@code scipy.fft.rfftn(x, s, axes, norm, workers=workers)}: a real FFT over the last of
   * {@code axes} ({@code s[-1]/2 + 1} outputs), then complex FFTs over the others.
   */
  public static NdArray rfftn(NdArray x, int[] s, int[] axes, String norm, Integer workers) {
    requireReal(x);
    NdShapes shapes = NdShapes.resolve(x.shape(), s, axes);
    Norm nm = Norm.parse(norm);
    int w = Workers.resolve(workers);
    int k = shapes.axes.length;
    if (k == 0) {
      throw new FftArgumentException("at least 1 axis must be transformed");
    }
    int last = shapes.axes[k - 1];
    NdArray out = AxisRunner.apply(x, last,
        new RealForwardLineOp(x.shape()[last], shapes.s[k - 1],
            nm.factor(true, shapes.s[k - 1]), false), w);
    for (int i = 0; i < k - 1; i++) {
      int ax = shapes.axes[i];
      out = AxisRunner.applyOwned(out, ax,
          new ComplexLineOp(out.shape()[ax], shapes.s[i], true, nm), w);
    }
    return out;
  }

  /** {@code scipy.fft.irfft2(x)}. */
  public static NdArray irfft2(NdArray x) {
    return irfftn(x, null, LAST_TWO, null, null);
  }

  /** {@code scipy.fft.irfft2(x, s, axes, norm, workers=workers)}; {@code axes == null} is (-2, -1). */
  public static NdArray irfft2(NdArray x, int[] s, int[] axes, String norm, Integer workers) {
    return irfftn(x, s, axes == null ? LAST_TWO : axes, norm, workers);
  }

  /** {@code scipy.fft.irfftn(x)}. */
  public static NdArray irfftn(NdArray x) {
    return irfftn(x, null, null, null, null);
  }

  /**
   * {@code scipy.fft.irfftn(x, s, axes, norm, workers=workers)}: inverse complex FFTs over all but
   * the last of {@code axes}, then an inverse real FFT of length {@code s[-1]} (default
   * {@code 2 (m - 1)}) over the last; real result.
   */
  public static NdArray irfftn(NdArray x, int[] s, int[] axes, String norm, Integer workers) {
    NdShapes shapes = NdShapes.resolve(x.shape(), s, axes);
    Norm nm = Norm.parse(norm);
    int w = Workers.resolve(workers);
    int k = shapes.axes.length;
    if (k == 0) {
      throw new FftArgumentException("at least 1 axis must be transformed");
    }
    int last = shapes.axes[k - 1];
    int lastSize = s == null ? 2 * (x.shape()[last] - 1) : shapes.s[k - 1];
    if (lastSize < 1) {
      throw new FftArgumentException("invalid number of data points (" + lastSize + ") specified");
    }
    NdArray out = x;
    for (int i = 0; i < k - 1; i++) {
      int ax = shapes.axes[i];
      LineOp op = new ComplexLineOp(out.shape()[ax], shapes.s[i], false, nm);
      out = out == x ? AxisRunner.apply(out, ax, op, w) : AxisRunner.applyOwned(out, ax, op, w);
    }
    return AxisRunner.apply(out, last,
        new RealInverseLineOp(out.shape()[last], lastSize, nm.factor(false, lastSize), false), w);
  }

  // ---------------------------------------------------------------- DCT / DST

  /** {@code scipy.fft.dct(x)}: the type-2 DCT along the last axis. */
  public static NdArray dct(NdArray x) {
    return dct(x, 2, null, -1, null, null, null);
  }

  /**
   * {@code scipy.fft.dct(x, type, n, axis, norm, workers=workers, orthogonalize=orthogonalize)}:
   * the discrete cosine transform of type 1-4 (definitions in SciPy's documentation and in
   * {@code docs/fft.md}). {@code orthogonalize == null} means "true when norm is ortho", as in
   * SciPy. Complex input is transformed part by part.
   */
  public static NdArray dct(NdArray x, int type, Integer n, int axis, String norm,
      Integer workers, Boolean orthogonalize) {
    return r2r(x, false, type, n, axis, norm, workers, orthogonalize, true);
  }

  /** {@code scipy.fft.idct(x)}. */
  public static NdArray idct(NdArray x) {
    return idct(x, 2, null, -1, null, null, null);
  }

  /**
   * {@code scipy.fft.idct(x, type, ...)}: the inverse of {@link #dct} of the same type and norm
   * (idct of type 2 is a DCT-III, of type 3 a DCT-II, scaled).
   */
  public static NdArray idct(NdArray x, int type, Integer n, int axis, String norm,
      Integer workers, Boolean orthogonalize) {
    return r2r(x, false, type, n, axis, norm, workers, orthogonalize, false);
  }

  /** {@code scipy.fft.dst(x)}: the type-2 DST along the last axis. */
  public static NdArray dst(NdArray x) {
    return dst(x, 2, null, -1, null, null, null);
  }

  /** {@code scipy.fft.dst(x, type, n, axis, norm, workers=workers, orthogonalize=...)}. */
  public static NdArray dst(NdArray x, int type, Integer n, int axis, String norm,
      Integer workers, Boolean orthogonalize) {
    return r2r(x, true, type, n, axis, norm, workers, orthogonalize, true);
  }

  /** {@code scipy.fft.idst(x)}. */
  public static NdArray idst(NdArray x) {
    return idst(x, 2, null, -1, null, null, null);
  }

  /** {@code scipy.fft.idst(x, type, n, axis, norm, workers=workers, orthogonalize=...)}. */
  public static NdArray idst(NdArray x, int type, Integer n, int axis, String norm,
      Integer workers, Boolean orthogonalize) {
    return r2r(x, true, type, n, axis, norm, workers, orthogonalize, false);
  }

  private static NdArray r2r(NdArray x, boolean dst, int type, Integer n, int axis, String norm,
      Integer workers, Boolean orthogonalize, boolean forward) {
    Norm nm = Norm.parse(norm);
    int w = Workers.resolve(workers);
    int ax = NdArray.normalizeAxis(axis, x.ndim());
    int len = length(n, x.shape()[ax]);
    return realToReal(x, dst, type, new int[] {len}, new int[] {ax}, nm, w, orthogonalize,
        forward);
  }

  /** {@code scipy.fft.dctn(x)}: the type-2 DCT over every axis. */
  public static NdArray dctn(NdArray x) {
    return dctn(x, 2, null, null, null, null, null);
  }

  /** {@code scipy.fft.dctn(x, type, s, axes, norm, workers=workers, orthogonalize=...)}. */
  public static NdArray dctn(NdArray x, int type, int[] s, int[] axes, String norm,
      Integer workers, Boolean orthogonalize) {
    return r2rn(x, false, type, s, axes, norm, workers, orthogonalize, true);
  }

  /** {@code scipy.fft.idctn(x)}. */
  public static NdArray idctn(NdArray x) {
    return idctn(x, 2, null, null, null, null, null);
  }

  /** {@code scipy.fft.idctn(x, type, s, axes, norm, workers=workers, orthogonalize=...)}. */
  public static NdArray idctn(NdArray x, int type, int[] s, int[] axes, String norm,
      Integer workers, Boolean orthogonalize) {
    return r2rn(x, false, type, s, axes, norm, workers, orthogonalize, false);
  }

  /** {@code scipy.fft.dstn(x)}. */
  public static NdArray dstn(NdArray x) {
    return dstn(x, 2, null, null, null, null, null);
  }

  /** {@code scipy.fft.dstn(x, type, s, axes, norm, workers=workers, orthogonalize=...)}. */
  public static NdArray dstn(NdArray x, int type, int[] s, int[] axes, String norm,
      Integer workers, Boolean orthogonalize) {
    return r2rn(x, true, type, s, axes, norm, workers, orthogonalize, true);
  }

  /** {@code scipy.fft.idstn(x)}. */
  public static NdArray idstn(NdArray x) {
    return idstn(x, 2, null, null, null, null, null);
  }

  /** {@code scipy.fft.idstn(x, type, s, axes, norm, workers=workers, orthogonalize=...)}. */
  public static NdArray idstn(NdArray x, int type, int[] s, int[] axes, String norm,
      Integer workers, Boolean orthogonalize) {
    return r2rn(x, true, type, s, axes, norm, workers, orthogonalize, false);
  }

  private static NdArray r2rn(NdArray x, boolean dst, int type, int[] s, int[] axes, String norm,
      Integer workers, Boolean orthogonalize, boolean forward) {
    NdShapes shapes = NdShapes.resolve(x.shape(), s, axes);
    if (shapes.axes.length == 0) {
      return x;
    }
    Norm nm = Norm.parse(norm);
    int w = Workers.resolve(workers);
    return realToReal(x, dst, type, shapes.s, shapes.axes, nm, w, orthogonalize, forward);
  }

  private static NdArray realToReal(NdArray x, boolean dst, int type, int[] lengths, int[] axes,
      Norm norm, int workers, Boolean orthogonalize, boolean forward) {
    if (type < 1 || type > 4) {
      throw new FftArgumentException(dst ? "invalid DST type" : "invalid DCT type");
    }
    if (x.isComplex()) {
      // SciPy transforms the parts separately and, doing so, ignores orthogonalize.
      NdArray re = realToReal(ComplexParts.real(x), dst, type, lengths, axes, norm, workers, null,
          forward);
      NdArray im = realToReal(ComplexParts.imag(x), dst, type, lengths, axes, norm, workers, null,
          forward);
      return ComplexParts.join(re, im);
    }
    int computed = type;
    if (!forward && type == 2) {
      computed = 3;
    } else if (!forward && type == 3) {
      computed = 2;
    }
    boolean ortho = orthogonalize != null ? orthogonalize : norm == Norm.ORTHO;
    NdArray out = x;
    for (int i = 0; i < axes.length; i++) {
      int ax = axes[i];
      out = AxisRunner.apply(out, ax, new RealToRealLineOp(dst, computed, out.shape()[ax],
          lengths[i], forward, norm, ortho), workers);
    }
    return out;
  }

  // ---------------------------------------------------------------- helpers

  /** {@code scipy.fft.fftfreq(n, d)}: the sample frequencies {@code [0, 1, ..., -1] / (d n)}. */
  public static NdArray fftfreq(int n, double d) {
    return NdArray.of(Frequencies.fftfreq(n, d));
  }

  /** {@code scipy.fft.rfftfreq(n, d)}: {@code [0, 1, ..., n/2] / (d n)}. */
  public static NdArray rfftfreq(int n, double d) {
    return NdArray.of(Frequencies.rfftfreq(n, d));
  }

  /** {@code scipy.fft.fftshift(x)}: the zero frequency moved to the centre of every axis. */
  public static NdArray fftshift(NdArray x) {
    return Frequencies.shift(x, null, true);
  }

  /** {@code scipy.fft.fftshift(x, axes)}; {@code axes == null} shifts every axis. */
  public static NdArray fftshift(NdArray x, int... axes) {
    return Frequencies.shift(x, axes, true);
  }

  /** {@code scipy.fft.ifftshift(x)}: the inverse of {@link #fftshift}. */
  public static NdArray ifftshift(NdArray x) {
    return Frequencies.shift(x, null, false);
  }

  /** {@code scipy.fft.ifftshift(x, axes)}. */
  public static NdArray ifftshift(NdArray x, int... axes) {
    return Frequencies.shift(x, axes, false);
  }

  /** {@code scipy.fft.next_fast_len(target)}: the smallest 11-smooth length {@code >= target}. */
  public static long nextFastLen(long target) {
    return Frequencies.nextFastLen(target, false);
  }

  /**
   * {@code scipy.fft.next_fast_len(target, real)}: the smallest length {@code >= target} whose
   * prime factors are 2, 3, 5 (real) or 2, 3, 5, 7, 11 (complex); 0 for 0.
   */
  public static long nextFastLen(long target, boolean real) {
    return Frequencies.nextFastLen(target, real);
  }

  // ---------------------------------------------------------------- double[] 1-d

  /** {@code fft} of a real 1-d signal; returns {@code n} interleaved complex values. */
  public static double[] fft(double[] x) {
    return fft(NdArray.of(x)).data();
  }

  /** {@code fft} of a complex 1-d signal given as interleaved {@code re, im}; interleaved result. */
  public static double[] fftComplex(double[] interleaved) {
    return fft(complex1d(interleaved)).data();
  }

  /** {@code ifft} of a complex 1-d signal given as interleaved {@code re, im}; interleaved result. */
  public static double[] ifft(double[] interleaved) {
    return ifft(complex1d(interleaved)).data();
  }

  /** {@code rfft} of a real 1-d signal; returns {@code n/2 + 1} interleaved complex values. */
  public static double[] rfft(double[] x) {
    return rfft(NdArray.of(x)).data();
  }

  /** {@code rfft(x, n, norm=norm)} of a real 1-d signal; interleaved result. */
  public static double[] rfft(double[] x, Integer n, String norm) {
    return rfft(NdArray.of(x), n, -1, norm, null).data();
  }

  /**
   * {@code irfft(x, n)} of an interleaved half spectrum; real result of length {@code n} (default
   * {@code 2 (m - 1)} for m complex values).
   */
  public static double[] irfft(double[] interleaved, Integer n) {
    return irfft(complex1d(interleaved), n, -1, null, null).data();
  }

  /** {@code irfft(x, n, norm=norm)} of an interleaved half spectrum; real result. */
  public static double[] irfft(double[] interleaved, Integer n, String norm) {
    return irfft(complex1d(interleaved), n, -1, norm, null).data();
  }

  /** {@code hfft(x, n)} of an interleaved Hermitian half signal; real result. */
  public static double[] hfft(double[] interleaved, Integer n) {
    return hfft(complex1d(interleaved), n, -1, null, null).data();
  }

  /** {@code ihfft} of a real 1-d signal; interleaved result of {@code n/2 + 1} values. */
  public static double[] ihfft(double[] x) {
    return ihfft(NdArray.of(x)).data();
  }

  /** {@code dct(x, type)} of a real 1-d signal (default norm). */
  public static double[] dct(double[] x, int type) {
    return dct(NdArray.of(x), type, null, -1, null, null, null).data();
  }

  /** {@code dct(x, type, norm=norm)} of a real 1-d signal. */
  public static double[] dct(double[] x, int type, String norm) {
    return dct(NdArray.of(x), type, null, -1, norm, null, null).data();
  }

  /** {@code idct(x, type, norm=norm)} of a real 1-d signal. */
  public static double[] idct(double[] x, int type, String norm) {
    return idct(NdArray.of(x), type, null, -1, norm, null, null).data();
  }

  /** {@code dst(x, type, norm=norm)} of a real 1-d signal. */
  public static double[] dst(double[] x, int type, String norm) {
    return dst(NdArray.of(x), type, null, -1, norm, null, null).data();
  }

  /** {@code idst(x, type, norm=norm)} of a real 1-d signal. */
  public static double[] idst(double[] x, int type, String norm) {
    return idst(NdArray.of(x), type, null, -1, norm, null, null).data();
  }

  private static NdArray complex1d(double[] interleaved) {
    if (interleaved.length % 2 != 0) {
      throw new FftArgumentException("an interleaved complex array needs an even length, got "
          + interleaved.length);
    }
    return NdArray.complex(interleaved, interleaved.length / 2);
  }

  private static int length(Integer n, int inputLength) {
    int len = n == null ? inputLength : n;
    if (len < 1) {
      throw new FftArgumentException("invalid number of data points (" + len + ") specified");
    }
    return len;
  }

  private static void requireReal(NdArray x) {
    if (x.isComplex()) {
      throw new FftArgumentException("x must be a real sequence");
    }
  }
}
