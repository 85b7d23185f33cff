package dev.numspark.signal;

import dev.numspark.array.NdArray;
import dev.numspark.fft.engine.Engines;
import dev.numspark.fft.engine.SegmentPowers;
import dev.numspark.fft.engine.SegmentTrend;
import dev.numspark.parallel.WorkerPool;
import dev.numspark.parallel.Workers;
import dev.numspark.signal.SpectralOptions.Average;
import dev.numspark.signal.SpectralOptions.Detrend;
import dev.numspark.signal.SpectralOptions.Scaling;
import java.util.Arrays;

/**
 * welch, csd and periodogram: averaged modified periodograms, as SciPy 1.17's {@code csd} computes
 * them (segments {@code [p*hop, p*hop+nperseg)} for {@code p < (n - noverlap) / hop}).
 *
 * <p>Lines (the signals of a batch) are split across workers; a single line is split by segments.
 * Segment spectra are always summed in segment order, so any number of workers gives the same
 * bits.
 */
final class Spectral {
  /** Segments computed at once when one long signal is split across workers. */
  private static final int SEGMENT_CHUNK = 1024;

  private Spectral() {}

  static Spectrum welch(NdArray x, SpectralOptions o) {
    Spectrum s = csd(x, null, o, Window.of("hann_periodic"));
    return s;
  }

  static Spectrum periodogram(NdArray x, SpectralOptions o) {
    int axis = NdArray.normalizeAxis(o.axis == null ? -1 : o.axis, x.ndim());
    if (x.size() == 0) {
      return new Spectrum(new double[0], NdArray.zeros(false, x.shape()));
    }
    int n = x.shape(axis);
    Window window = o.window == null ? Window.of("boxcar") : o.window;
    Integer nfft = o.nfft;
    int nperseg;
    int use = n;
    if (nfft == null || nfft == n) {
      nperseg = n;
    } else if (nfft > n) {
      nperseg = n;
    } else {
      use = nfft; // SciPy truncates x to nfft samples
      nperseg = nfft;
      nfft = null;
    }
    if (window.isArray() && window.rawValues().length != nperseg) {
      throw new SignalArgumentException("the size of the window must be the same size "
          + "of the input on the specified axis");
    }
    Params p = resolve(window, nperseg, 0, nfft, use);
    return run(x, null, axis, use, p, o, Average.MEAN);
  }

  static Spectrum csd(NdArray x, NdArray y, SpectralOptions o, Window defaultWindow) {
    if (y == x) {
      y = null; // SciPy's csd(x, x) (y is x) returns the real power spectrum, as welch
    }
    int ndim = x.ndim();
    int axis = o.axis == null ? -1 : o.axis;
    if (y != null && y.ndim() != ndim) {
      throw new SignalArgumentException("x and y cannot be broadcast together. (numspark needs x"
          + " and y of the same number of dimensions)");
    }
    axis = NdArray.normalizeAxis(axis, ndim);
    if (y != null) {
      for (int d = 0; d < ndim; d++) {
        if (d != axis && x.shape()[d] != y.shape()[d]) {
          throw new SignalArgumentException("x and y cannot be broadcast together.");
        }
      }
    }
    if (x.size() == 0 || (y != null && y.size() == 0)) {
      int[] shape = x.shape();
      if (y != null) {
        shape[axis] = Math.min(x.shape(axis), y.shape(axis));
      }
      return new Spectrum(new double[0], NdArray.zeros(y != null, shape));
    }
    int n = y == null ? x.shape(axis) : Math.max(x.shape(axis), y.shape(axis));
    Window window = o.window == null ? defaultWindow : o.window;
    Params p = resolve(window, o.nperseg, o.noverlap, o.nfft, n);
    return run(x, y, axis, n, p, o, o.average == null ? Average.MEAN : o.average);
  }

  /** The resolved segmenting of SciPy's csd. */
  record Params(double[] win, int nperseg, int noverlap, int nfft) {
    int hop() {
      return nperseg - noverlap;
    }
  }

  private static Params resolve(Window window, Integer npersegArg, Integer noverlapArg,
      Integer nfftArg, int n) {
    double[] win;
    int nperseg;
    if (!window.isArray()) {
      nperseg = npersegArg == null ? 256 : npersegArg;
      if (nperseg < 1) {
        throw new SignalArgumentException("Parameter nperseg=" + nperseg
            + " is not a positive integer!");
      }
      // SciPy warns and shortens the segment to the signal; numspark does the same silently
      nperseg = Math.min(nperseg, n);
      win = WindowCache.periodic(window, nperseg);
    } else {
      win = window.rawValues();
      nperseg = npersegArg == null ? win.length : npersegArg;
      if (nperseg != win.length) {
        throw new SignalArgumentException("nperseg=" + nperseg + " does not equal len(win)="
            + win.length);
      }
      if (win.length > n) {
        throw new SignalArgumentException("window is longer than input signal");
      }
    }
    int nfft = nfftArg == null ? nperseg : nfftArg;
    if (nfft < nperseg) {
      throw new SignalArgumentException("nfft=" + nfft
          + " must be greater than or equal to nperseg=" + nperseg + "!");
    }
    int noverlap = noverlapArg == null ? nperseg / 2 : noverlapArg;
    if (noverlap >= nperseg) {
      throw new SignalArgumentException("noverlap=" + noverlap + " must be less than nperseg="
          + nperseg + "!");
    }
    return new Params(win, nperseg, noverlap, nfft);
  }

  /**
   * The scale of each bin's power: {@code scale}, doubled for the one-sided bins whose negative
   * frequencies were dropped (all but 0 and, for even nfft, Nyquist); none doubled two-sided.
   */
  static double[] binScales(int nfft, int bins, double scale, boolean onesided) {
    double[] f = new double[bins];
    int lastDoubled = nfft % 2 == 0 ? bins - 1 : bins; // exclusive
    for (int k = 0; k < bins; k++) {
      f[k] = onesided && k >= 1 && k < lastDoubled ? 2 * scale : scale;
    }
    return f;
  }

  static double checkFs(Double fs) {
    double v = fs == null ? 1.0 : fs;
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new SignalArgumentException("Sampling frequency fs=" + Window.pythonNumber(v)
          + " must be positive!");
    }
    return v;
  }

  private static Spectrum run(NdArray x, NdArray y, int axis, int n, Params p,
      SpectralOptions o, Average average) {
    double fs = checkFs(o.fs);
    Detrend detrend = o.detrend == null ? Detrend.CONSTANT : o.detrend;
    Scaling scaling = o.scaling == null ? Scaling.DENSITY : o.scaling;
    boolean complexIn = x.isComplex() || (y != null && y.isComplex());
    // SciPy switches complex input to a two-sided spectrum (welch documents it)
    boolean onesided = (o.returnOnesided == null || o.returnOnesided) && !complexIn;
    int workers = Workers.resolve(o.workers);

    double[] win = p.win();
    double scale;
    if (scaling == Scaling.DENSITY) {
      double s2 = 0.0;
      for (double w : win) {
        s2 += w * w;
      }
      scale = 1.0 / (fs * s2);
    } else {
      double s = 0.0;
      for (double w : win) {
        s += w;
      }
      scale = 1.0 / (s * s);
    }
    int hop = p.hop();
    int nseg = Math.floorDiv(n - p.noverlap(), hop);
    if (nseg < 1) {
      throw new SignalArgumentException("window is longer than input signal");
    }
    Lines xl = new Lines(x.shape(), axis);
    Lines yl = y == null ? null : new Lines(y.shape(), axis);
    int bins = onesided ? p.nfft() / 2 + 1 : p.nfft();
    boolean cross = y != null;
    NdArray out = NdArray.zeros(cross, xl.shapeWithAxis(bins));
    Job job = new Job(x, y, xl, yl, n, p, detrend, onesided, bins,
        binScales(p.nfft(), bins, scale, onesided), nseg, cross, average, out, complexIn);
    int lines = xl.count();
    if (lines == 1 && workers > 1 && nseg > 1) {
      job.singleLineParallel(workers);
    } else {
      WorkerPool.parallelFor(workers, lines, (from, to) -> {
        Worker w = job.worker();
        for (int l = from; l < to; l++) {
          w.line(l);
        }
      });
    }
    double[] freqs = onesided ? rfftfreq(p.nfft(), fs) : fftfreq(p.nfft(), fs);
    return new Spectrum(freqs, out);
  }

  /** numpy's fftfreq(n, 1/fs): {@code k * (1/(n*d))}. */
  static double[] fftfreq(int n, double fs) {
    double val = 1.0 / (n * (1.0 / fs));
    double[] f = new double[n];
    int positive = (n - 1) / 2 + 1;
    for (int k = 0; k < positive; k++) {
      f[k] = k * val;
    }
    for (int k = positive; k < n; k++) {
      f[k] = (k - n) * val;
    }
    return f;
  }

  /** numpy's rfftfreq(n, 1/fs). */
  static double[] rfftfreq(int n, double fs) {
    double val = 1.0 / (n * (1.0 / fs));
    double[] f = new double[n / 2 + 1];
    for (int k = 0; k < f.length; k++) {
      f[k] = k * val;
    }
    return f;
  }

  /** The engine's name for a detrend type. */
  static SegmentTrend trend(Detrend detrend) {
    return switch (detrend) {
      case NONE -> SegmentTrend.NONE;
      case CONSTANT -> SegmentTrend.MEAN;
      case LINEAR -> SegmentTrend.LINE;
    };
  }

  /**
   * numpy's median of the first {@code n} values (reordered in place): the middle value of the
   * sorted values, or the mean of the two middle ones. By selection (expected O(n), as numpy's
   * partition): a full sort of every bin's segments was most of Welch's median time (1000 lines of
   * 4096 samples, nperseg 256: 52 of 92 ms). With a NaN, by sorting, which orders NaN last.
   */
  static double median(double[] v, int n) {
    int h = n / 2;
    for (int i = 0; i < n; i++) {
      if (Double.isNaN(v[i])) {
        Arrays.sort(v, 0, n);
        return n % 2 == 1 ? v[h] : (v[h - 1] + v[h]) / 2.0;
      }
    }
    select(v, n, h);
    if (n % 2 == 1) {
      return v[h];
    }
    double below = v[0]; // the largest of the h smallest values is the sorted v[h - 1]
    for (int i = 1; i < h; i++) {
      below = Math.max(below, v[i]);
    }
    return (below + v[h]) / 2.0;
  }

  /**
   * Reorders the first {@code n} values (no NaN) so that {@code v[k]} is the value a sort would
   * put there, with no larger value before it and no smaller one after it: quickselect with a
   * branch-free Lomuto partition (every element is swapped, the boundary moves by the comparison's
   * 0 or 1), whose random comparisons would otherwise mispredict half the time; pivot the median
   * of three. After more rounds than a balanced split needs (many ties), the rest is sorted.
   * (Hand-written: the JDK and numspark's dependencies have no selection on a double[].)
   */
  static void select(double[] v, int n, int k) {
    int lo = 0;
    int hi = n - 1;
    int rounds = 2 * (32 - Integer.numberOfLeadingZeros(n)) + 4;
    while (hi > lo) {
      if (--rounds < 0) {
        Arrays.sort(v, lo, hi + 1);
        return;
      }
      int mid = (lo + hi) >>> 1;
      // the median of v[lo], v[mid], v[hi] to v[hi], the pivot
      if (v[mid] < v[lo]) {
        swap(v, mid, lo);
      }
      if (v[hi] < v[lo]) {
        swap(v, hi, lo);
      }
      if (v[mid] < v[hi]) {
        swap(v, hi, mid);
      }
      double pivot = v[hi];
      int store = lo; // v[lo, store) < pivot <= v[store, i)
      for (int i = lo; i < hi; i++) {
        double x = v[i];
        int less = x < pivot ? 1 : 0;
        v[i] = v[store];
        v[store] = x;
        store += less;
      }
      swap(v, store, hi);
      if (k == store) {
        return;
      }
      if (k < store) {
        hi = store - 1;
      } else {
        lo = store + 1;
      }
    }
  }

  private static void swap(double[] v, int a, int b) {
    double t = v[a];
    v[a] = v[b];
    v[b] = t;
  }

  /** SciPy's {@code _median_bias}: the median's bias relative to the mean for n periodograms. */
  static double medianBias(int n) {
    double sum = 0.0;
    for (int i = 1; i <= (n - 1) / 2; i++) {
      double ii2 = 2.0 * i;
      sum += 1.0 / (ii2 + 1) - 1.0 / ii2;
    }
    return 1 + sum;
  }

  /** The shared inputs of one call. */
  /** {@code binScale}: each bin's power scale ({@link #binScales}), made once per call. */
  private record Job(NdArray x, NdArray y, Lines xl, Lines yl, int n, Params p, Detrend detrend,
      boolean onesided, int bins, double[] binScale, int nseg, boolean cross, Average average,
      NdArray out, boolean complexIn) {

    Worker worker() {
      return new Worker(this, true);
    }

    /**
     * Whether segments are read straight from the input's data: a real line with contiguous
     * samples (the last axis), no second signal. Saves a copy of every line, which a Spark SQL
     * function (one row, one call) pays in full.
     */
    boolean readsInPlace() {
      return !cross && !complexIn && xl.inner == 1;
    }

    /**
     * Whether segment powers are summed on the FFT engine, V segments at a time
     * ({@link SegmentPowers}): Welch's, the periodogram's and csd's common case, real one-sided
     * spectra (any detrend type), mean averaging, and engine-sized segments.
     */
    boolean onEngine() {
      return engineSegments() && average == Average.MEAN
          && (cross ? Engines.segmentCross(p.nperseg(), p.nfft(), nseg)
              : Engines.segmentPowers(p.nperseg(), p.nfft(), nseg));
    }

    /**
     * Whether median averaging takes every segment's power from the FFT engine, V segments at a
     * time ({@link SegmentPowers#eachPower}, the spectrogram's path), bin by bin: Welch's median
     * of a real signal's segments (csd's median keeps one transform per segment).
     */
    boolean medianOnEngine() {
      return engineSegments() && !cross && average == Average.MEDIAN && nseg > 1
          && Engines.segmentPowers(p.nperseg(), p.nfft(), nseg);
    }

    /** What both engine paths need: real one-sided spectra (any detrend type). */
    private boolean engineSegments() {
      return !complexIn && onesided;
    }

    /** Values a bin of the summed spectra has: a power, or a cross spectrum's re and im. */
    int width() {
      return cross ? 2 * bins : bins;
    }

    /**
     * {@code acc}: the summed (cross) powers {@code sum} ({@link #width} values a bin) times the
     * scale (doubled one-sided).
     */
    void scalePowers(double[] sum, double[] acc) {
      int per = width() / bins;
      for (int i = 0; i < sum.length; i++) {
        acc[i] = sum[i] * binScale[i / per];
      }
    }

    /** One long signal: segments spread over workers in chunks, reduced in segment order. */
    void singleLineParallel(int workers) {
      Worker reader = worker();
      reader.readLine(0);
      if (onEngine()) {
        singleLineOnEngine(reader, workers);
        return;
      }
      if (medianOnEngine()) {
        singleLineMedianOnEngine(reader, workers);
        return;
      }
      int width = width();
      int chunk = average == Average.MEDIAN ? nseg : Math.min(nseg, SEGMENT_CHUNK);
      double[] spectra = new double[chunk * width];
      double[] acc = new double[width];
      double[][] all = average == Average.MEDIAN ? new double[1][] : null;
      for (int first = 0; first < nseg; first += chunk) {
        int start = first;
        int count = Math.min(chunk, nseg - first);
        WorkerPool.parallelFor(workers, count, (from, to) -> {
          Worker w = new Worker(this, false);
          for (int s = from; s < to; s++) {
            w.segmentPower(reader, start + s, spectra, s * width);
          }
        });
        if (all != null) {
          all[0] = spectra;
        } else {
          for (int s = 0; s < count; s++) {
            for (int k = 0; k < width; k++) {
              acc[k] += spectra[s * width + k];
            }
          }
        }
      }
      if (all != null) {
        reader.writeMedian(0, all[0]);
      } else {
        reader.writeMean(0, acc);
      }
    }

    /**
     * {@link #singleLineParallel} on the engine: whole groups of segments per worker, their sums
     * added in group order, as {@link Worker#line} adds them: the same bits for any workers.
     */
    private void singleLineOnEngine(Worker reader, int workers) {
      int groupsPerChunk = Math.max(1, SEGMENT_CHUNK / SegmentPowers.GROUP);
      long groups = (nseg + SegmentPowers.GROUP - 1) / SegmentPowers.GROUP;
      int width = width();
      double[] sums = new double[groupsPerChunk * width];
      double[] total = new double[width];
      for (long g0 = 0; g0 < groups; g0 += groupsPerChunk) {
        long first = g0;
        int count = (int) Math.min(groupsPerChunk, groups - g0);
        WorkerPool.parallelFor(workers, count, (from, to) -> {
          SegmentPowers powers = SegmentPowers.forThread(p.win(), p.nfft());
          double[] one = new double[width];
          for (int g = from; g < to; g++) {
            reader.groupSum(powers, first + g, one);
            System.arraycopy(one, 0, sums, g * width, width);
          }
        });
        for (int g = 0; g < count; g++) {
          for (int k = 0; k < width; k++) {
            total[k] += sums[g * width + k];
          }
        }
      }
      double[] acc = new double[width];
      scalePowers(total, acc);
      reader.writeMean(0, acc);
    }

    /**
     * {@link #singleLineParallel} for {@link #medianOnEngine}: blocks of V segments spread over
     * workers, each segment's powers computed alone in its lane (the same bits for any workers),
     * then the bins' medians spread over workers too.
     */
    private void singleLineMedianOnEngine(Worker reader, int workers) {
      double[] byBin = reader.spectra; // nseg values a bin, as Worker.line lays them out
      int lanes = Engines.lanes();
      int blocks = (nseg + lanes - 1) / lanes;
      SegmentTrend trend = trend(detrend);
      WorkerPool.parallelFor(workers, blocks, (from, to) -> {
        int first = from * lanes;
        SegmentPowers.forThread(p.win(), p.nfft()).eachPower(reader.xsrc, reader.xoff, p.hop(),
            first, Math.min(nseg, to * lanes) - first, trend, binScale, byBin, 0, nseg);
      });
      WorkerPool.parallelFor(workers, bins, (from, to) -> {
        double[] scratch = new double[nseg];
        double bias = medianBias(nseg);
        for (int k = from; k < to; k++) {
          reader.writeBinMedian(0, k, byBin, scratch, bias);
        }
      });
    }
  }

  /** Per-thread buffers. */
  private static final class Worker {
    final Job job;
    final SegmentFft fft;
    final double[] xre;
    final double[] xim;
    final double[] yre;
    final double[] yim;
    final double[] xbins;
    final double[] ybins;
    final double[] spectra;
    final double[] scratch;
    /** Welch's segment powers on the engine, when {@link Job#onEngine} (else null). */
    final SegmentPowers powers;
    /** The current line's real parts: {@code xre} from 0, or the input's own data (see below). */
    double[] xsrc;
    int xoff;

    /** {@code withLine}: holds a whole line (false: only transforms segments of another's). */
    Worker(Job job, boolean withLine) {
      this.job = job;
      this.powers = withLine && (job.onEngine() || job.medianOnEngine())
          ? SegmentPowers.forThread(job.p.win(), job.p.nfft()) : null;
      this.fft = powers != null ? null
          : new SegmentFft(job.p.win(), job.p.nfft(), job.detrend, job.onesided);
      int n = withLine ? job.n : 0;
      this.xre = job.readsInPlace() ? null : new double[n];
      this.xim = job.complexIn ? new double[n] : null;
      this.yre = job.cross ? new double[n] : null;
      this.yim = job.cross && job.complexIn ? new double[n] : null;
      this.xbins = powers != null ? null : new double[2 * job.bins];
      this.ybins = job.cross ? new double[2 * job.bins] : null;
      int width = job.width();
      boolean median = withLine && job.average == Average.MEDIAN;
      this.spectra = median ? new double[job.nseg * width] : null;
      this.scratch = median ? new double[job.nseg] : null;
    }

    void readLine(int l) {
      if (job.readsInPlace()) {
        xsrc = job.x.data();
        xoff = job.xl.index(l, 0, job.xl.length); // the array's own axis length: n may be shorter
        return;
      }
      job.xl.read(job.x, l, xre, xim, job.n);
      xsrc = xre;
      xoff = 0;
      if (job.cross) {
        job.yl.read(job.y, l, yre, yim, job.n);
      }
    }

    void line(int l) {
      readLine(l);
      if (powers != null && job.average == Average.MEDIAN) {
        // medianOnEngine: spectra[k nseg + s] is segment s's power in bin k
        powers.eachPower(xsrc, xoff, job.p.hop(), 0, job.nseg, trend(job.detrend),
            job.binScale, spectra, 0, job.nseg);
        double bias = medianBias(job.nseg);
        for (int k = 0; k < job.bins; k++) {
          writeBinMedian(l, k, spectra, scratch, bias);
        }
        return;
      }
      if (powers != null) {
        double[] total = new double[job.width()];
        double[] one = new double[job.width()];
        for (long g = 0; g * SegmentPowers.GROUP < job.nseg; g++) {
          groupSum(powers, g, one);
          for (int k = 0; k < one.length; k++) {
            total[k] += one[k];
          }
        }
        double[] acc = new double[job.width()];
        job.scalePowers(total, acc);
        writeMean(l, acc);
        return;
      }
      int width = job.width();
      if (job.average == Average.MEDIAN && job.nseg > 1) {
        for (int s = 0; s < job.nseg; s++) {
          segmentPower(this, s, spectra, s * width);
        }
        writeMedian(l, spectra);
      } else {
        double[] acc = new double[width];
        double[] one = new double[width];
        for (int s = 0; s < job.nseg; s++) {
          segmentPower(this, s, one, 0);
          for (int k = 0; k < width; k++) {
            acc[k] += one[k];
          }
        }
        writeMean(l, acc);
      }
    }

    /**
     * The scaled (cross) power of one segment of {@code src}'s line into {@code dst}: |X|^2 or
     * conj(X) Y times the scale, one-sided bins doubled except 0 and (even nfft) Nyquist.
     */
    void segmentPower(Worker src, int s, double[] dst, int off) {
      int start = s * job.p.hop();
      fft.transform(src.xsrc, src.xim, src.xoff + start, xbins);
      if (job.cross) {
        fft.transform(src.yre, src.yim, start, ybins);
      }
      int bins = job.bins;
      for (int k = 0; k < bins; k++) {
        double f = job.binScale[k];
        double xr = xbins[2 * k];
        double xi = xbins[2 * k + 1];
        if (job.cross) {
          double yr = ybins[2 * k];
          double yi = ybins[2 * k + 1];
          dst[off + 2 * k] = (xr * yr + xi * yi) * f;
          dst[off + 2 * k + 1] = (xr * yi - xi * yr) * f;
        } else {
          dst[off + k] = (xr * xr + xi * xi) * f;
        }
      }
    }

    /** The unscaled summed (cross) powers of group g of this worker's line into {@code sum}. */
    void groupSum(SegmentPowers with, long g, double[] sum) {
      long first = g * SegmentPowers.GROUP;
      int count = (int) Math.min(SegmentPowers.GROUP, job.nseg - first);
      SegmentTrend trend = trend(job.detrend);
      if (job.cross) {
        with.groupSumCross(xsrc, xoff, yre, 0, job.p.hop(), first, count, trend, sum);
      } else {
        with.groupSum(xsrc, xoff, job.p.hop(), first, count, trend, sum);
      }
    }

    void writeMean(int l, double[] acc) {
      double[] out = job.out.data();
      int nseg = job.nseg;
      for (int k = 0; k < job.bins; k++) {
        int idx = job.xl.index(l, k, job.bins);
        if (job.cross) {
          out[2 * idx] = acc[2 * k] / nseg;
          out[2 * idx + 1] = acc[2 * k + 1] / nseg;
        } else {
          out[idx] = acc[k] / nseg;
        }
      }
    }

    /**
     * Bin k of line l: the median over segments of {@code byBin[k nseg + s]} (each segment's
     * scaled power, {@link SegmentPowers#eachPower}'s layout) over the median's {@code bias}.
     */
    void writeBinMedian(int l, int k, double[] byBin, double[] scratch, double bias) {
      int nseg = job.nseg;
      System.arraycopy(byBin, k * nseg, scratch, 0, nseg);
      job.out.data()[job.xl.index(l, k, job.bins)] = median(scratch, nseg) / bias;
    }

    void writeMedian(int l, double[] all) {
      double[] out = job.out.data();
      int nseg = job.nseg;
      double bias = medianBias(nseg);
      double[] v = scratch != null ? scratch : new double[nseg];
      int width = job.width();
      for (int k = 0; k < job.bins; k++) {
        int idx = job.xl.index(l, k, job.bins);
        if (job.cross) {
          for (int part = 0; part < 2; part++) {
            for (int s = 0; s < nseg; s++) {
              v[s] = all[s * width + 2 * k + part];
            }
            out[2 * idx + part] = median(v, nseg) / bias;
          }
        } else {
          for (int s = 0; s < nseg; s++) {
            v[s] = all[s * width + k];
          }
          out[idx] = median(v, nseg) / bias;
        }
      }
    }
  }
}
