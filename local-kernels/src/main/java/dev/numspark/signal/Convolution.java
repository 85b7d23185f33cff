package dev.numspark.signal;

import dev.numspark.array.NdArray;
import dev.numspark.fft.Fft;
import dev.numspark.fft.FftPlan;
import dev.numspark.parallel.WorkerPool;
import dev.numspark.parallel.Workers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * fftconvolve and oaconvolve with SciPy's shapes, modes, axes and broadcasting.
 *
 * <p>Real inputs convolved along one axis (the common case: 1-d signals, or a batch of them) use
 * real FFTs line by line, lines split across workers; a single long line is split by its two
 * forward transforms (fftconvolve) or by blocks (oaconvolve). Anything else (complex inputs or
 * several axes) runs as complex FFTs along each axis. Transform lengths are 2^a 3^b 5^c, which
 * JTransforms handles without Bluestein; results differ from SciPy's only by rounding.
 */
final class Convolution {

  /** SciPy's {@code mode}. */
  enum Mode {
    FULL, SAME, VALID;

    static Mode parse(String s) {
      return switch (s.trim().toLowerCase(Locale.ROOT)) {
        case "full" -> FULL;
        case "same" -> SAME;
        case "valid" -> VALID;
        default -> throw new SignalArgumentException(
            "acceptable mode flags are 'valid', 'same', or 'full'");
      };
    }
  }

  private Convolution() {}

  static NdArray convolve(NdArray in1, NdArray in2, String modeName, int[] axesArg,
      Integer workersArg, boolean overlapAdd) {
    Mode mode = Mode.parse(modeName == null ? "full" : modeName);
    int workers = Workers.resolve(workersArg);
    if (in1.ndim() == 0 && in2.ndim() == 0) {
      return multiplyScalars(in1, in2);
    }
    if (in1.ndim() != in2.ndim()) {
      throw new SignalArgumentException("in1 and in2 should have the same dimensionality");
    }
    if (in1.size() == 0 || in2.size() == 0) {
      return NdArray.zeros(false, 0);
    }
    int nd = in1.ndim();
    int[] s1 = in1.shape();
    int[] s2 = in2.shape();
    List<Integer> axes = new ArrayList<>();
    if (axesArg == null) {
      for (int a = 0; a < nd; a++) {
        axes.add(a);
      }
    } else {
      if (axesArg.length == 0) {
        throw new SignalArgumentException("when provided, axes cannot be empty");
      }
      for (int a : axesArg) {
        if (a < -nd || a >= nd) {
          throw new SignalArgumentException("axes exceeds dimensionality of input");
        }
        int na = a < 0 ? a + nd : a;
        if (axes.contains(na)) {
          throw new SignalArgumentException("all axes must be unique");
        }
        axes.add(na);
      }
    }
    axes.removeIf(a -> s1[a] == 1 || s2[a] == 1); // broadcasting covers them, no FFT needed
    for (int a = 0; a < nd; a++) {
      if (!axes.contains(a) && !(s1[a] == s2[a] || s1[a] == 1 || s2[a] == 1)) {
        throw new SignalArgumentException("incompatible shapes for in1 and in2: "
            + NdArray.shapeTuple(s1) + " and " + NdArray.shapeTuple(s2));
      }
    }
    NdArray a1 = in1;
    NdArray a2 = in2;
    if (mode == Mode.VALID) {
      boolean ok1 = true;
      boolean ok2 = true;
      for (int a : axes) {
        ok1 &= s1[a] >= s2[a];
        ok2 &= s2[a] >= s1[a];
      }
      if (!ok1 && !ok2) {
        throw new SignalArgumentException("For 'valid' mode, one must be at least as large as "
            + "the other in every dimension");
      }
      if (!ok1) { // convolution commutes: SciPy swaps so that in1 is the larger
        a1 = in2;
        a2 = in1;
      }
    }
    int[] t1 = a1.shape();
    int[] t2 = a2.shape();
    int[] full = new int[nd];
    for (int d = 0; d < nd; d++) {
      full[d] = axes.contains(d) ? t1[d] + t2[d] - 1 : Math.max(t1[d], t2[d]);
    }
    NdArray ret;
    boolean complex = a1.isComplex() || a2.isComplex();
    if (axes.isEmpty()) {
      ret = broadcastMultiply(a1, a2, full);
    } else if (axes.size() == 1 && !complex) {
      int axis = axes.get(0);
      boolean useOa = overlapAdd && !Arrays.equals(s1, s2) && oaBlock(t1[axis], t2[axis]) > 0;
      ret = new RealLines(a1, a2, axis, full, workers).run(useOa);
    } else {
      ret = complexNd(a1, a2, axes, full, complex, workers);
    }
    int[] shape = ret.shape();
    int[] target = new int[nd];
    for (int d = 0; d < nd; d++) {
      target[d] = switch (mode) {
        case FULL -> shape[d];
        case SAME -> s1[d];
        case VALID -> axes.contains(d) ? t1[d] - t2[d] + 1 : shape[d];
      };
    }
    return mode == Mode.FULL ? ret : centered(ret, target);
  }

  private static NdArray multiplyScalars(NdArray a, NdArray b) {
    if (!a.isComplex() && !b.isComplex()) {
      return NdArray.real(new double[] {a.real(0) * b.real(0)});
    }
    double ar = a.real(0);
    double ai = a.imag(0);
    double br = b.real(0);
    double bi = b.imag(0);
    return NdArray.complex(new double[] {ar * br - ai * bi, ar * bi + ai * br});
  }

  /**
   * SciPy's overlap-add block for lengths n1, n2 ({@code _calc_oa_lens}), or 0 when a single FFT
   * is used instead. The optimum N = K ln(2eN), K = overlap, is found by fixed-point iteration
   * (SciPy uses Lambert W; same root) and rounded up to a power of two, JTransforms' fastest size.
   */
  static int oaBlock(int n1, int n2) {
    if (n1 == n2 || n1 == 1 || n2 == 1) {
      return 0;
    }
    int big = Math.max(n1, n2);
    int small = Math.min(n1, n2);
    if (small >= big / 2.0) {
      return 0;
    }
    double k = small - 1;
    double n = 2 * k + 1;
    for (int i = 0; i < 100; i++) {
      n = k * Math.log(2 * Math.E * n);
    }
    int block = Integer.highestOneBit((int) Math.ceil(n) - 1) << 1;
    block = Math.max(block, 2 * small); // keeps a step of at least the overlap
    return block >= big ? 0 : block;
  }

  /** a * b broadcast to {@code shape} (axes of length 1 in either input). */
  private static NdArray broadcastMultiply(NdArray a, NdArray b, int[] shape) {
    boolean complex = a.isComplex() || b.isComplex();
    int size = (int) NdArray.elementCount(shape);
    double[] out = new double[complex ? 2 * size : size];
    int[] idx = new int[shape.length];
    for (int f = 0; f < size; f++) {
      int ia = broadcastIndex(a.shape(), idx);
      int ib = broadcastIndex(b.shape(), idx);
      if (complex) {
        double ar = a.real(ia);
        double ai = a.imag(ia);
        double br = b.real(ib);
        double bi = b.imag(ib);
        out[2 * f] = ar * br - ai * bi;
        out[2 * f + 1] = ar * bi + ai * br;
      } else {
        out[f] = a.data()[ia] * b.data()[ib];
      }
      increment(idx, shape);
    }
    return complex ? NdArray.complex(out, shape) : NdArray.real(out, shape);
  }

  private static int broadcastIndex(int[] s, int[] idx) {
    int flat = 0;
    for (int d = 0; d < s.length; d++) {
      flat = flat * s[d] + (s[d] == 1 ? 0 : idx[d]);
    }
    return flat;
  }

  private static void increment(int[] idx, int[] shape) {
    for (int d = shape.length - 1; d >= 0; d--) {
      if (++idx[d] < shape[d]) {
        return;
      }
      idx[d] = 0;
    }
  }

  /** numpy's centred slice {@code _centered(arr, newshape)}. */
  static NdArray centered(NdArray a, int[] newShape) {
    int[] s = a.shape();
    int[] start = new int[s.length];
    for (int d = 0; d < s.length; d++) {
      start[d] = Math.floorDiv(s[d] - newShape[d], 2);
    }
    return slice(a, start, newShape);
  }

  /** The block of {@code a} of the given shape starting at {@code start}, real or complex. */
  private static NdArray slice(NdArray a, int[] start, int[] shape) {
    int[] s = a.shape();
    int nd = s.length;
    int size = (int) NdArray.elementCount(shape);
    boolean c = a.isComplex();
    double[] out = new double[c ? 2 * size : size];
    double[] in = a.data();
    int[] idx = new int[nd];
    for (int f = 0; f < size; f++) {
      int src = 0;
      for (int d = 0; d < nd; d++) {
        src = src * s[d] + start[d] + idx[d];
      }
      if (c) {
        out[2 * f] = in[2 * src];
        out[2 * f + 1] = in[2 * src + 1];
      } else {
        out[f] = in[src];
      }
      increment(idx, shape);
    }
    return c ? NdArray.complex(out, shape) : NdArray.real(out, shape);
  }

  /** Real inputs convolved along one axis, line by line with real FFTs. */
  private static final class RealLines {
    final NdArray a;
    final NdArray b;
    final int axis;
    final int[] full;
    final int workers;
    final Lines outLines;
    final int n1;
    final int n2;

    RealLines(NdArray a, NdArray b, int axis, int[] full, int workers) {
      this.a = a;
      this.b = b;
      this.axis = axis;
      this.full = full;
      this.workers = workers;
      this.outLines = new Lines(full, axis);
      this.n1 = a.shape(axis);
      this.n2 = b.shape(axis);
    }

    /** The flat start of the line of {@code x} that output line {@code l} reads (broadcast). */
    int lineStart(NdArray x, int l) {
      int[] s = x.shape();
      int o = l / outLines.inner;
      int i = l - o * outLines.inner;
      // decompose outer and inner indices over the output's shape, clamp broadcast axes to 0
      int flat = 0;
      int[] idx = new int[full.length];
      for (int d = axis - 1; d >= 0; d--) {
        idx[d] = o % full[d];
        o /= full[d];
      }
      for (int d = full.length - 1; d > axis; d--) {
        idx[d] = i % full[d];
        i /= full[d];
      }
      for (int d = 0; d < s.length; d++) {
        flat = flat * s[d] + (d == axis || s[d] == 1 ? 0 : idx[d]);
      }
      return flat;
    }

    int innerStride(NdArray x) {
      int st = 1;
      int[] s = x.shape();
      for (int d = axis + 1; d < s.length; d++) {
        st *= s[d];
      }
      return st;
    }

    NdArray run(boolean overlapAdd) {
      NdArray out = NdArray.zeros(false, full);
      int lines = outLines.count();
      boolean bShared = lines > 1 && NdArray.elementCount(b.shape()) == n2;
      if (overlapAdd) {
        boolean swap = n2 > n1; // the long input is split into blocks
        NdArray lng = swap ? b : a;
        NdArray shrt = swap ? a : b;
        int nl = Math.max(n1, n2);
        int ns = Math.min(n1, n2);
        int block = oaBlock(n1, n2);
        OverlapAdd oa = new OverlapAdd(nl, ns, block);
        double[] kernelSpec = null;
        if (lines == 1 || NdArray.elementCount(shrt.shape()) == ns) {
          kernelSpec = oa.kernelSpectrum(readLine(shrt, 0, ns));
        }
        double[] shared = kernelSpec;
        if (lines == 1) {
          double[] y = oa.convolve(readLine(lng, 0, nl), shared, workers);
          writeLine(out, 0, y);
        } else {
          WorkerPool.parallelFor(workers, lines, (from, to) -> {
            for (int l = from; l < to; l++) {
              double[] k = shared != null ? shared : oa.kernelSpectrum(readLine(shrt, l, ns));
              writeLine(out, l, oa.convolve(readLine(lng, l, nl), k, 1));
            }
          });
        }
        return out;
      }
      int nfull = n1 + n2 - 1;
      int nfft = fastLength(nfull);
      double[] bSpec = null;
      if (bShared) {
        bSpec = new double[nfft];
        fill(bSpec, b, 0, n2);
        FftPlan.of(nfft).realForward(bSpec);
      }
      double[] sharedB = bSpec;
      if (lines == 1) {
        double[] fa = new double[nfft];
        double[] fb = new double[nfft];
        // the two forward transforms are independent: one per worker
        WorkerPool.parallelFor(workers, 2, 1, (from, to) -> {
          FftPlan plan = FftPlan.of(nfft);
          for (int t = from; t < to; t++) {
            if (t == 0) {
              fill(fa, a, 0, n1);
              plan.realForward(fa);
            } else {
              fill(fb, b, 0, n2);
              plan.realForward(fb);
            }
          }
        });
        multiplyPacked(fa, fb, nfft);
        FftPlan.of(nfft).realInverse(fa, true);
        writeLine(out, 0, fa);
        return out;
      }
      WorkerPool.parallelFor(workers, lines, (from, to) -> {
        FftPlan plan = FftPlan.of(nfft);
        double[] fa = new double[nfft];
        double[] fb = sharedB == null ? new double[nfft] : null;
        for (int l = from; l < to; l++) {
          fill(fa, a, l, n1);
          plan.realForward(fa);
          if (sharedB == null) {
            fill(fb, b, l, n2);
            plan.realForward(fb);
          }
          multiplyPacked(fa, sharedB == null ? fb : sharedB, nfft);
          plan.realInverse(fa, true);
          writeLine(out, l, fa);
        }
      });
      return out;
    }

    double[] readLine(NdArray x, int l, int n) {
      double[] v = new double[n];
      fill(v, x, l, n);
      return v;
    }

    /** Line {@code l} of x into the front of buf, zeros after. */
    void fill(double[] buf, NdArray x, int l, int n) {
      int start = lineStart(x, l);
      int stride = innerStride(x);
      double[] d = x.data();
      for (int j = 0; j < n; j++) {
        buf[j] = d[start + j * stride];
      }
      Arrays.fill(buf, n, buf.length, 0.0);
    }

    void writeLine(NdArray out, int l, double[] y) {
      double[] d = out.data();
      int len = full[axis];
      for (int j = 0; j < len; j++) {
        d[outLines.index(l, j, len)] = y[j];
      }
    }
  }

  /** The product of two spectra in JTransforms' packed real layout, into {@code fa}. */
  static void multiplyPacked(double[] fa, double[] fb, int n) {
    fa[0] *= fb[0];
    int half = n / 2;
    if (n % 2 == 0) {
      if (n > 1) {
        fa[1] *= fb[1];
      }
      for (int k = 1; k < half; k++) {
        mul(fa, fb, 2 * k, 2 * k + 1);
      }
    } else {
      for (int k = 1; k < half; k++) {
        mul(fa, fb, 2 * k, 2 * k + 1);
      }
      if (half >= 1) {
        mul(fa, fb, n - 1, 1);
      }
    }
  }

  private static void mul(double[] fa, double[] fb, int re, int im) {
    double ar = fa[re];
    double ai = fa[im];
    double br = fb[re];
    double bi = fb[im];
    fa[re] = ar * br - ai * bi;
    fa[im] = ar * bi + ai * br;
  }

  /**
   * Overlap-add of one long line with a short kernel. Blocks are independent; each writes its first
   * {@code step} outputs and keeps its tail, and the tails are added in block order afterwards, so
   * every output is the same sum whatever the number of workers.
   */
  private static final class OverlapAdd {
    final int nl;
    final int ns;
    final int block;
    final int step;
    final int overlap;

    OverlapAdd(int nl, int ns, int block) {
      this.nl = nl;
      this.ns = ns;
      this.block = block;
      this.overlap = ns - 1;
      this.step = block - overlap;
    }

    double[] kernelSpectrum(double[] kernel) {
      double[] k = Arrays.copyOf(kernel, block);
      FftPlan.of(block).realForward(k);
      return k;
    }

    double[] convolve(double[] x, double[] kernelSpec, int workers) {
      int blocks = (nl + step - 1) / step;
      double[] y = new double[blocks * step + overlap];
      double[] tails = new double[blocks * overlap];
      WorkerPool.parallelFor(workers, blocks, (from, to) -> {
        FftPlan plan = FftPlan.of(block);
        double[] buf = new double[block];
        for (int bIdx = from; bIdx < to; bIdx++) {
          int start = bIdx * step;
          int take = Math.min(step, nl - start);
          System.arraycopy(x, start, buf, 0, take);
          Arrays.fill(buf, take, block, 0.0);
          plan.realForward(buf);
          multiplyPacked(buf, kernelSpec, block);
          plan.realInverse(buf, true);
          System.arraycopy(buf, 0, y, start, step);
          System.arraycopy(buf, step, tails, bIdx * overlap, overlap);
        }
      });
      for (int bIdx = 0; bIdx < blocks; bIdx++) {
        int at = (bIdx + 1) * step;
        for (int j = 0; j < overlap; j++) {
          y[at + j] += tails[bIdx * overlap + j];
        }
      }
      return Arrays.copyOf(y, nl + ns - 1);
    }
  }

  /** Complex FFTs along every convolved axis (complex inputs or several axes). */
  private static NdArray complexNd(NdArray a, NdArray b, List<Integer> axes, int[] full,
      boolean complexResult, int workers) {
    int nd = full.length;
    int[] fshape = full.clone();
    for (int ax : axes) {
      fshape[ax] = fastLength(full[ax]);
    }
    double[] fa = embed(a, fshape);
    double[] fb = embed(b, fshape);
    for (int ax : axes) {
      transformAxis(fa, fshape, ax, false, workers);
      transformAxis(fb, fshape, ax, false, workers);
    }
    for (int k = 0; k < fa.length; k += 2) {
      double ar = fa[k];
      double ai = fa[k + 1];
      fa[k] = ar * fb[k] - ai * fb[k + 1];
      fa[k + 1] = ar * fb[k + 1] + ai * fb[k];
    }
    for (int ax : axes) {
      transformAxis(fa, fshape, ax, true, workers);
    }
    NdArray spec = NdArray.complex(fa, fshape);
    int[] zero = new int[nd];
    NdArray cropped = slice(spec, zero, full);
    if (complexResult) {
      return cropped;
    }
    double[] c = cropped.data();
    double[] r = new double[c.length / 2];
    for (int k = 0; k < r.length; k++) {
      r[k] = c[2 * k];
    }
    return NdArray.real(r, full);
  }

  /** x (broadcast along length-1 axes of the non-FFT dims) placed at the origin of a complex array. */
  private static double[] embed(NdArray x, int[] fshape) {
    int size = (int) NdArray.elementCount(fshape);
    double[] out = new double[2 * size];
    int[] s = x.shape();
    int nd = s.length;
    int[] idx = new int[nd];
    for (int f = 0; f < size; f++) {
      boolean inside = true;
      int src = 0;
      for (int d = 0; d < nd; d++) {
        int i = idx[d];
        if (s[d] == 1) {
          i = 0; // broadcast: convolved axes are never of length 1 here
        } else if (i >= s[d]) {
          inside = false;
          break;
        }
        src = src * s[d] + i;
      }
      if (inside) {
        out[2 * f] = x.real(src);
        out[2 * f + 1] = x.imag(src);
      }
      increment(idx, fshape);
    }
    return out;
  }

  /** In-place complex FFT (inverse normalised by n) of every line along {@code axis}. */
  private static void transformAxis(double[] data, int[] shape, int axis, boolean inverse,
      int workers) {
    Lines lines = new Lines(shape, axis);
    int n = lines.length;
    WorkerPool.parallelFor(workers, lines.count(), (from, to) -> {
      FftPlan plan = FftPlan.of(n);
      double[] buf = new double[2 * n];
      for (int l = from; l < to; l++) {
        for (int j = 0; j < n; j++) {
          int k = lines.index(l, j, n);
          buf[2 * j] = data[2 * k];
          buf[2 * j + 1] = data[2 * k + 1];
        }
        if (inverse) {
          plan.complexInverse(buf, true);
        } else {
          plan.complexForward(buf);
        }
        for (int j = 0; j < n; j++) {
          int k = lines.index(l, j, n);
          data[2 * k] = buf[2 * j];
          data[2 * k + 1] = buf[2 * j + 1];
        }
      }
    });
  }

  /** The transform length for {@code n} points: the next 2^a 3^b 5^c (no Bluestein), at least 1. */
  private static int fastLength(int n) {
    return (int) Math.max(1, Fft.nextFastLen(n, true));
  }
}
