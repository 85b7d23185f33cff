package dev.numspark.signal;

import dev.numspark.array.NdArray;
import dev.numspark.fft.engine.Engines;
import dev.numspark.fft.engine.SegmentInverse;
import dev.numspark.fft.engine.SegmentPowers;
import dev.numspark.fft.engine.SegmentTrend;
import dev.numspark.fft.FftPlan;
import dev.numspark.parallel.WorkerPool;
import dev.numspark.parallel.Workers;
import dev.numspark.signal.SpectralOptions.Boundary;
import dev.numspark.signal.SpectralOptions.Detrend;
import dev.numspark.signal.SpectralOptions.Mode;
import dev.numspark.signal.SpectralOptions.Scaling;

/**
 * spectrogram, stft and istft as SciPy's legacy {@code _spectral_helper} computes them. Output:
 * the input's shape with the signal axis replaced by the frequencies and the segments appended as
 * the last axis. Lines are split across workers, a single line by segments; every output value is
 * computed the same way whatever the split, so workers do not change the result.
 */
final class ShortTime {
  private ShortTime() {}

  static Spectrogram spectrogram(NdArray x, SpectralOptions o) {
    Mode mode = o.mode == null ? Mode.PSD : o.mode;
    Window window = o.window == null ? Window.of("tukey_periodic", 0.25) : o.window;
    Detrend detrend = o.detrend == null ? Detrend.CONSTANT : o.detrend;
    Spectrogram s = helper(x, o, window, o.nperseg, true, detrend, Boundary.NONE, false,
        mode == Mode.PSD);
    if (mode == Mode.PSD || mode == Mode.COMPLEX) {
      return s;
    }
    double[] z = s.values().data();
    double[] v = new double[z.length / 2];
    for (int k = 0; k < v.length; k++) {
      v[k] = mode == Mode.MAGNITUDE ? Math.hypot(z[2 * k], z[2 * k + 1])
          : Math.atan2(z[2 * k + 1], z[2 * k]);
    }
    NdArray values = NdArray.real(v, s.values().shape());
    if (mode == Mode.PHASE) {
      int axis = NdArray.normalizeAxis(o.axis == null ? -1 : o.axis, x.ndim());
      unwrap(values, axis);
    }
    return new Spectrogram(s.freqs(), s.times(), values);
  }

  static Spectrogram stft(NdArray x, SpectralOptions o) {
    Window window = o.window == null ? Window.of("hann_periodic") : o.window;
    Detrend detrend = o.detrend == null ? Detrend.NONE : o.detrend;
    Boundary boundary = o.boundary == null ? Boundary.ZEROS : o.boundary;
    boolean padded = o.padded == null || o.padded;
    int nperseg = o.nperseg == null ? 256 : o.nperseg;
    return helper(x, o, window, nperseg, false, detrend, boundary, padded, false);
  }

  private static Spectrogram helper(NdArray x, SpectralOptions o, Window window,
      Integer npersegArg, boolean spectrogram, Detrend detrend, Boundary boundary,
      boolean padded, boolean psd) {
    double fs = Spectral.checkFs(o.fs);
    int axis = NdArray.normalizeAxis(o.axis == null ? -1 : o.axis, x.ndim());
    Scaling scaling = o.scaling == null
        ? (spectrogram ? Scaling.DENSITY : Scaling.SPECTRUM) : o.scaling;
    if (x.size() == 0) {
      return new Spectrogram(new double[0], new double[0], NdArray.zeros(false, x.shape()));
    }
    if (npersegArg != null && npersegArg < 1) {
      throw new SignalArgumentException("nperseg must be a positive integer");
    }
    int inputLength = x.shape(axis);
    double[] win;
    int nperseg;
    if (!window.isArray()) {
      nperseg = npersegArg == null ? 256 : npersegArg;
      // SciPy warns and shortens the segment to the signal; numspark does the same silently
      nperseg = Math.min(nperseg, inputLength);
      win = WindowCache.periodic(window, nperseg);
    } else {
      win = window.rawValues();
      if (inputLength < win.length) {
        throw new SignalArgumentException("window is longer than input signal");
      }
      nperseg = npersegArg == null ? win.length : npersegArg;
      if (nperseg != win.length) {
        throw new SignalArgumentException(
            "value specified for nperseg is different from length of window");
      }
    }
    int nfft = o.nfft == null ? nperseg : o.nfft;
    if (nfft < nperseg) {
      throw new SignalArgumentException("nfft must be greater than or equal to nperseg.");
    }
    int noverlap = o.noverlap == null ? (spectrogram ? nperseg / 8 : nperseg / 2) : o.noverlap;
    if (noverlap >= nperseg) {
      throw new SignalArgumentException("noverlap must be less than nperseg.");
    }
    int step = nperseg - noverlap;
    int ext = boundary == Boundary.NONE ? 0 : nperseg / 2;
    if ((boundary == Boundary.EVEN || boundary == Boundary.ODD) && ext > inputLength - 1) {
      throw new SignalArgumentException("The extension length n (" + ext + ") is too big. It must "
          + "not exceed x.shape[axis]-1, which is " + (inputLength - 1) + ".");
    }
    int extended = inputLength + 2 * ext;
    int nadd = padded ? Math.floorMod(Math.floorMod(-(extended - nperseg), step), nperseg) : 0;
    int length = extended + nadd;
    int nseg = (length - nperseg) / step + 1;

    double winScale;
    if (scaling == Scaling.DENSITY) {
      double s2 = 0.0;
      for (double w : win) {
        s2 += w * w;
      }
      winScale = 1.0 / (fs * s2);
    } else {
      double s = 0.0;
      for (double w : win) {
        s += w;
      }
      winScale = 1.0 / (s * s);
    }
    double scale = psd ? winScale : Math.sqrt(winScale);
    // SciPy warns that complex input switches to a two-sided result; numspark does so silently
    boolean onesided = (o.returnOnesided == null || o.returnOnesided) && !x.isComplex();
    int bins = onesided ? nfft / 2 + 1 : nfft;
    double[] powerScale = Spectral.binScales(nfft, bins, scale, onesided);

    Lines lines = new Lines(x.shape(), axis);
    int[] outShape = new int[x.ndim() + 1];
    int[] mid = lines.shapeWithAxis(bins);
    System.arraycopy(mid, 0, outShape, 0, mid.length);
    outShape[x.ndim()] = nseg;
    NdArray out = NdArray.zeros(!psd, outShape);
    int workers = Workers.resolve(o.workers);
    double[] winF = win;
    int nfftF = nfft;
    int segs = nseg;
    if (onesided && Engines.segmentPowers(nperseg, nfft, nseg)) {
      onEngine(x, lines, ext, boundary, length, win, nfft, step, nseg, detrend, scale,
          powerScale, psd, out, workers);
    } else if (lines.count() == 1 && workers > 1 && nseg > 1) {
      double[][] line = readExtended(x, lines, 0, ext, boundary, length);
      WorkerPool.parallelFor(workers, nseg, (from, to) -> {
        SegmentFft fft = new SegmentFft(winF, nfftF, detrend, onesided);
        double[] binsBuf = new double[2 * fft.bins];
        for (int s = from; s < to; s++) {
          writeSegment(fft, line, s, step, binsBuf, out, lines, 0, segs, scale, powerScale,
              psd);
        }
      });
    } else {
      WorkerPool.parallelFor(workers, lines.count(), (from, to) -> {
        SegmentFft fft = new SegmentFft(winF, nfftF, detrend, onesided);
        double[] binsBuf = new double[2 * fft.bins];
        for (int l = from; l < to; l++) {
          double[][] line = readExtended(x, lines, l, ext, boundary, length);
          for (int s = 0; s < segs; s++) {
            writeSegment(fft, line, s, step, binsBuf, out, lines, l, segs, scale, powerScale,
                psd);
          }
        }
      });
    }
    double[] freqs = onesided ? Spectral.rfftfreq(nfft, fs) : Spectral.fftfreq(nfft, fs);
    double[] times = new double[nseg];
    for (int t = 0; t < nseg; t++) {
      times[t] = (nperseg / 2.0 + t * (double) step) / fs;
      if (ext > 0) {
        times[t] -= (nperseg / 2.0) / fs;
      }
    }
    return new Spectrogram(freqs, times, out);
  }

  /**
   * The spectrogram (its PSD, {@code psd}, else the complex spectra of the stft and the other
   * modes) of real lines on the FFT engine, V segments per block ({@link SegmentPowers}): lines
   * split across workers, a single line by blocks of segments. Every segment's values are
   * computed alone in its lane, so workers do not change the result.
   */
  private static void onEngine(NdArray x, Lines lines, int ext, Boundary boundary, int length,
      double[] win, int nfft, int step, int nseg, Detrend detrend, double scale,
      double[] powerScale, boolean psd, NdArray out, int workers) {
    int bins = nfft / 2 + 1;
    SegmentTrend trend = Spectral.trend(detrend);
    double[] d = out.data();
    SegmentRange range = (line, l, first, count) -> {
      int base = lines.index(l, 0, bins) * nseg;
      int stride = lines.index(l, 1, bins) * nseg - base;
      SegmentPowers p = SegmentPowers.forThread(win, nfft);
      if (psd) {
        p.eachPower(line, 0, step, first, count, trend, powerScale, d, base, stride);
      } else {
        p.eachSpectrum(line, 0, step, first, count, trend, scale, d, base, stride);
      }
    };
    if (lines.count() == 1 && workers > 1) {
      double[] line = readExtended(x, lines, 0, ext, boundary, length)[0];
      int lanes = Engines.lanes();
      int blocks = (nseg + lanes - 1) / lanes;
      WorkerPool.parallelFor(workers, blocks, (from, to) -> range.run(line, 0, from * lanes,
          Math.min(nseg, to * lanes) - from * lanes));
      return;
    }
    WorkerPool.parallelFor(workers, lines.count(), (from, to) -> {
      for (int l = from; l < to; l++) {
        range.run(readExtended(x, lines, l, ext, boundary, length)[0], l, 0, nseg);
      }
    });
  }

  /** Segments {@code [first, first + count)} of line l (read into {@code line}) on the engine. */
  private interface SegmentRange {
    void run(double[] line, int l, int first, int count);
  }

  private static void writeSegment(SegmentFft fft, double[][] line, int s, int step,
      double[] binsBuf, NdArray out, Lines lines, int l, int nseg, double scale,
      double[] powerScale, boolean psd) {
    fft.transform(line[0], line[1], s * step, binsBuf);
    double[] d = out.data();
    int bins = fft.bins;
    for (int k = 0; k < bins; k++) {
      int idx = lines.index(l, k, bins) * nseg + s;
      double re = binsBuf[2 * k];
      double im = binsBuf[2 * k + 1];
      if (psd) {
        d[idx] = (re * re + im * im) * powerScale[k];
      } else {
        d[2 * idx] = re * scale;
        d[2 * idx + 1] = im * scale;
      }
    }
  }

  /** A line with SciPy's boundary extension (even_ext, odd_ext, const_ext, zero_ext) and padding. */
  private static double[][] readExtended(NdArray x, Lines lines, int l, int ext,
      Boundary boundary, int length) {
    int n = lines.length;
    double[] re = new double[n];
    double[] im = x.isComplex() ? new double[n] : null;
    lines.read(x, l, re, im, n);
    double[][] parts = im == null ? new double[][] {re} : new double[][] {re, im};
    double[][] outParts = new double[2][];
    for (int p = 0; p < parts.length; p++) {
      double[] v = parts[p];
      double[] e = new double[length];
      System.arraycopy(v, 0, e, ext, n);
      for (int j = 1; j <= ext; j++) {
        switch (boundary) {
          case EVEN -> {
            e[ext - j] = v[j];
            e[ext + n - 1 + j] = v[n - 1 - j];
          }
          case ODD -> {
            e[ext - j] = 2 * v[0] - v[j];
            e[ext + n - 1 + j] = 2 * v[n - 1] - v[n - 1 - j];
          }
          case CONSTANT -> {
            e[ext - j] = v[0];
            e[ext + n - 1 + j] = v[n - 1];
          }
          default -> { } // zeros
        }
      }
      outParts[p] = e;
    }
    return outParts;
  }

  /** numpy.unwrap along {@code axis} (period 2 pi) of every line, in place. */
  static void unwrap(NdArray a, int axis) {
    Lines lines = new Lines(a.shape(), axis);
    double[] d = a.data();
    int n = lines.length;
    for (int l = 0; l < lines.count(); l++) {
      double correction = 0.0;
      double prev = d[lines.index(l, 0, n)];
      for (int j = 1; j < n; j++) {
        int idx = lines.index(l, j, n);
        double cur = d[idx];
        double dd = cur - prev;
        double ddmod = pyMod(dd + Math.PI, 2 * Math.PI) - Math.PI;
        if (ddmod == -Math.PI && dd > 0) {
          ddmod = Math.PI;
        }
        double ph = ddmod - dd;
        if (Math.abs(dd) < Math.PI) {
          ph = 0.0;
        }
        correction += ph;
        prev = cur;
        d[idx] = cur + correction;
      }
    }
  }

  private static double pyMod(double a, double b) {
    double m = a % b;
    if (m != 0 && (m < 0) != (b < 0)) {
      m += b;
    }
    return m;
  }

  static TimeSignal istft(NdArray zxx, SpectralOptions o) {
    double fs = Spectral.checkFs(o.fs);
    int ndim = zxx.ndim();
    if (ndim < 2) {
      throw new SignalArgumentException("Input stft must be at least 2d!");
    }
    int freqAxis = NdArray.normalizeAxis(o.freqAxis == null ? -2 : o.freqAxis, ndim);
    int timeAxis = NdArray.normalizeAxis(o.timeAxis == null ? -1 : o.timeAxis, ndim);
    if (freqAxis == timeAxis) {
      throw new SignalArgumentException("Must specify differing time and frequency axes!");
    }
    boolean inputOnesided = o.inputOnesided == null || o.inputOnesided;
    boolean boundary = o.istftBoundary == null || o.istftBoundary;
    Scaling scaling = o.scaling == null ? Scaling.SPECTRUM : o.scaling;
    int[] shape = zxx.shape();
    int nseg = shape[timeAxis];
    int nfreq = shape[freqAxis];
    int nDefault = inputOnesided ? 2 * (nfreq - 1) : nfreq;
    int nperseg;
    if (o.nperseg == null) {
      nperseg = nDefault;
    } else {
      nperseg = o.nperseg;
      if (nperseg < 1) {
        throw new SignalArgumentException("nperseg must be a positive integer");
      }
    }
    int nfft;
    if (o.nfft == null) {
      nfft = inputOnesided && nperseg == nDefault + 1 ? nperseg : nDefault;
    } else if (o.nfft < nperseg) {
      throw new SignalArgumentException("nfft must be greater than or equal to nperseg.");
    } else {
      nfft = o.nfft;
    }
    int noverlap = o.noverlap == null ? nperseg / 2 : o.noverlap;
    if (noverlap >= nperseg) {
      throw new SignalArgumentException("noverlap must be less than nperseg.");
    }
    if (nperseg < 1 || nfft < 1) {
      throw new SignalArgumentException("invalid number of data points (" + nfft + ") specified");
    }
    int nstep = nperseg - noverlap;
    Window window = o.window == null ? Window.of("hann_periodic") : o.window;
    double[] win;
    if (!window.isArray()) {
      win = WindowCache.periodic(window, nperseg);
    } else {
      win = window.rawValues();
      if (win.length != nperseg) {
        throw new SignalArgumentException("window must have length of " + nperseg);
      }
    }
    double factor;
    if (scaling == Scaling.SPECTRUM) {
      double s = 0.0;
      for (double w : win) {
        s += w;
      }
      factor = s;
    } else {
      double s2 = 0.0;
      for (double w : win) {
        s2 += w * w;
      }
      factor = Math.sqrt(fs * s2);
    }
    int outputLength = nperseg + (nseg - 1) * nstep;
    double[] norm = new double[outputLength];
    for (int s = 0; s < nseg; s++) {
      for (int j = 0; j < nperseg; j++) {
        norm[s * nstep + j] += win[j] * win[j];
      }
    }
    int cut = boundary ? nperseg / 2 : 0;
    // numpy's x[..., k:-k] with k = 0 is empty; SciPy's istft inherits that for nperseg = 1
    int finalLength = boundary ? (cut == 0 ? 0 : outputLength - 2 * cut) : outputLength;
    finalLength = Math.max(0, finalLength);

    // outer lines: all axes except freq and time, in order
    int[] outerDims = new int[ndim - 2];
    int[] outerAxes = new int[ndim - 2];
    for (int d = 0, k = 0; d < ndim; d++) {
      if (d != freqAxis && d != timeAxis) {
        outerDims[k] = shape[d];
        outerAxes[k++] = d;
      }
    }
    int lineCount = (int) NdArray.elementCount(outerDims);
    int[] strides = new int[ndim];
    for (int d = ndim - 1, st = 1; d >= 0; d--) {
      strides[d] = st;
      st *= shape[d];
    }
    boolean realOut = inputOnesided;
    double[] result = new double[lineCount * finalLength * (realOut ? 1 : 2)];
    NdArray z = zxx.toComplex();
    double[] zd = z.data();
    int workers = Workers.resolve(o.workers);
    int nfftF = nfft;
    int fl = finalLength;
    // a real result from exactly nfft/2 + 1 bins: V segments per block of the engine
    boolean onEngine = inputOnesided && nfreq == nfft / 2 + 1
        && Engines.segmentInverse(nfft, nseg);
    WorkerPool.parallelFor(workers, lineCount, (from, to) -> {
      FftPlan plan = FftPlan.of(nfftF);
      double[] buf = new double[inputOnesided ? Math.max(nfftF, 2) : 2 * nfftF];
      double[] bins = new double[2 * (nfftF / 2 + 1)];
      double[] xr = new double[outputLength];
      double[] xi = realOut ? null : new double[outputLength];
      for (int line = from; line < to; line++) {
        java.util.Arrays.fill(xr, 0.0);
        if (xi != null) {
          java.util.Arrays.fill(xi, 0.0);
        }
        int base = 0;
        for (int k = outerDims.length - 1, rem = line; k >= 0; k--) {
          base += (rem % outerDims[k]) * strides[outerAxes[k]];
          rem /= outerDims[k];
        }
        if (onEngine) {
          SegmentInverse.forThread(nfftF).overlapAdd(zd, base, strides[timeAxis],
              strides[freqAxis], 0, nseg, win, factor, nstep, xr);
        } else {
          for (int s = 0; s < nseg; s++) {
            int col = base + s * strides[timeAxis];
            java.util.Arrays.fill(buf, 0.0);
            if (inputOnesided) {
              java.util.Arrays.fill(bins, 0.0);
              int take = Math.min(nfreq, nfftF / 2 + 1);
              for (int f = 0; f < take; f++) {
                int idx = col + f * strides[freqAxis];
                bins[2 * f] = zd[2 * idx];
                bins[2 * f + 1] = zd[2 * idx + 1];
              }
              RealPacking.packReal(bins, nfftF, buf);
              plan.realInverse(buf, true);
              for (int j = 0; j < nperseg; j++) {
                xr[s * nstep + j] += buf[j] * factor * win[j];
              }
            } else {
              int take = Math.min(nfreq, nfftF);
              for (int f = 0; f < take; f++) {
                int idx = col + f * strides[freqAxis];
                buf[2 * f] = zd[2 * idx];
                buf[2 * f + 1] = zd[2 * idx + 1];
              }
              plan.complexInverse(buf, true);
              for (int j = 0; j < nperseg; j++) {
                xr[s * nstep + j] += buf[2 * j] * factor * win[j];
                xi[s * nstep + j] += buf[2 * j + 1] * factor * win[j];
              }
            }
          }
        }
        for (int j = 0; j < fl; j++) {
          double nv = norm[j + cut];
          double dv = nv > 1e-10 ? nv : 1.0;
          if (realOut) {
            result[line * fl + j] = xr[j + cut] / dv;
          } else {
            result[2 * (line * fl + j)] = xr[j + cut] / dv;
            result[2 * (line * fl + j) + 1] = xi[j + cut] / dv;
          }
        }
      }
    });
    // output: the outer axes in order plus the time axis; moved to time_axis when not last
    int[] flatShape = new int[ndim - 1];
    System.arraycopy(outerDims, 0, flatShape, 0, outerDims.length);
    flatShape[ndim - 2] = finalLength;
    NdArray x = realOut ? NdArray.real(result, flatShape) : NdArray.complex(result, flatShape);
    if (ndim > 2 && timeAxis != ndim - 1) {
      int target = freqAxis < timeAxis ? timeAxis - 1 : timeAxis;
      x = moveLastAxis(x, target);
    }
    // SciPy's istft times count x.shape[0] (the first axis, which is the time axis for 1-d x)
    int timeCount = x.shape()[0];
    double[] times = new double[timeCount];
    for (int j = 0; j < timeCount; j++) {
      times[j] = j / fs;
    }
    return new TimeSignal(times, x);
  }

  /** numpy.moveaxis(a, -1, target). */
  static NdArray moveLastAxis(NdArray a, int target) {
    int[] s = a.shape();
    int nd = s.length;
    int[] ns = new int[nd];
    for (int d = 0, k = 0; d < nd; d++) {
      ns[d] = d == target ? s[nd - 1] : s[k++];
    }
    Lines dst = new Lines(ns, target);
    int len = s[nd - 1];
    double[] in = a.data();
    boolean c = a.isComplex();
    double[] out = new double[in.length];
    for (int l = 0; l < dst.count(); l++) {
      for (int j = 0; j < len; j++) {
        int from = l * len + j;
        int to = dst.index(l, j, len);
        if (c) {
          out[2 * to] = in[2 * from];
          out[2 * to + 1] = in[2 * from + 1];
        } else {
          out[to] = in[from];
        }
      }
    }
    return c ? NdArray.complex(out, ns) : NdArray.real(out, ns);
  }
}
