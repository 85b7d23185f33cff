package dev.numspark.fft;

import static dev.numspark.fft.BlockFft.V;

import dev.numspark.parallel.WorkerPool;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs {@code fft}/{@code ifft}, {@code rfft}/{@code ihfft} and {@code irfft}/{@code hfft} line
 * ops on blocks of {@link BlockFft#V} lines with the Vector API engine: gathers a block into the
 * engine's {@code [k][re, im][line]} layout (zero padding, conjugation for inverses), transforms,
 * and scatters with the normalisation factor. Only loaded when {@link VectorSupport#AVAILABLE}.
 *
 * <p>Block {@code b} always holds lines {@code [bV, bV + V)} in C order of the lines (the last
 * block padded with zero lines) and every block runs the same code, so results do not depend on
 * {@code workers}: the workers only share out whole blocks.
 */
final class BlockRunner {
  private static final int MAX_PLANS = 32;
  private static final Map<Integer, Object> PLANS = new LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<Integer, Object> eldest) {
      return size() > MAX_PLANS;
    }
  };

  private BlockRunner() {}

  static int lanes() {
    return V;
  }

  /**
   * Whether the engine computes {@code op}: lengths 2^a 3^b 5^c (real ops: even, with n/2 of that
   * form; faster than JTransforms at every such length we timed, 5 to 48000), and complex ops of
   * the other lengths where Bluestein on the engine beats JTransforms.
   */
  static boolean supports(LineOp op) {
    if (op instanceof ComplexLineOp c) {
      return BlockFft.factors(c.n) != null || bluestein(c.n);
    }
    if (op instanceof RealForwardLineOp r) {
      return r.n % 2 == 0 && BlockFft.factors(r.n / 2) != null || realBluestein(r.n);
    }
    if (op instanceof RealInverseLineOp r) {
      return r.n % 2 == 0 && BlockFft.factors(r.n / 2) != null || realBluestein(r.n);
    }
    return false;
  }

  /**
   * Lengths the engine cannot factor that run through {@link BlockBluestein}: those where it is
   * expected to beat JTransforms ({@link BlockBluestein#pays}), up to {@link #BLUESTEIN_MAX}:
   * each worker's two blocks of the convolution length m (up to 4n) hold 2 m V doubles each
   * (32 MB at the limit for V = 8), and the cached tables stay small.
   */
  static boolean bluestein(int n) {
    return n <= BLUESTEIN_MAX && BlockFft.factors(n) == null && BlockBluestein.pays(n);
  }

  static final int BLUESTEIN_MAX = 1 << 16;

  /**
   * {@code rfft}/{@code ihfft} lengths run as complex Bluestein transforms of the real lines
   * (zero imaginary parts; pairing two real lines into one complex line would halve the work
   * but make a line's bits depend on its neighbour).
   */
  static boolean realBluestein(int n) {
    return n <= BLUESTEIN_MAX && BlockFft.factors(n) == null && BlockBluestein.paysReal(n);
  }

  /**
   * The complex plan of length n (keys > 0: a {@link BlockFft}, or a {@link BlockBluestein} when
   * n is not 5-smooth), or the real one of length n (keys < 0).
   */
  private static Object plan(int key) {
    synchronized (PLANS) {
      Object p = PLANS.get(key);
      if (p != null) {
        return p;
      }
    }
    Object p;
    if (key < 0) {
      p = new BlockReal(-key, BlockFft.plan(-key / 2));
    } else if (BlockFft.factors(key) != null) {
      p = BlockFft.plan(key);
    } else {
      // the convolution's FFT is itself a cached plan (shared with transforms of that length)
      p = new BlockBluestein(key, (BlockFft) plan(BlockBluestein.convolutionLength(2 * key - 1)));
    }
    synchronized (PLANS) {
      PLANS.put(key, p);
    }
    return p;
  }

  /**
   * {@code op} on the {@code lines} lines of {@code src} (line {@code L} starts at element
   * {@code (L / inner) len inner + L % inner}, stride {@code inner}) into {@code dst} (the same
   * with {@code op.outLen}).
   */
  static void run(double[] src, boolean srcComplex, double[] dst, int lines, int len, int inner,
      LineOp op, int workers) {
    int blocks = (lines + V - 1) / V;
    Geometry g = new Geometry(lines, len, op.outLen, inner, srcComplex);
    if (op instanceof ComplexLineOp c && BlockFft.factors(c.n) == null) {
      double fi = c.forward ? c.factor : -c.factor;
      runBluestein(src, g, dst, blocks, c.take, !c.forward, c.n, c.factor, fi,
          (BlockBluestein) plan(c.n), workers);
    } else if (op instanceof RealForwardLineOp r && BlockFft.factors(r.n) == null
        && realBluestein(r.n)) {
      double fi = r.conjugate ? -r.factor : r.factor;
      runBluestein(src, g, dst, blocks, r.take, false, r.n / 2 + 1, r.factor, fi,
          (BlockBluestein) plan(r.n), workers);
    } else if (op instanceof RealInverseLineOp r && BlockFft.factors(r.n) == null
        && realBluestein(r.n)) {
      runBluesteinInverse(src, g, dst, blocks, r, (BlockBluestein) plan(r.n), workers);
    } else if (op instanceof ComplexLineOp c) {
      BlockFft fft = (BlockFft) plan(c.n);
      double fi = c.forward ? c.factor : -c.factor;
      WorkerPool.parallelFor(workers, blocks, (from, to) -> {
        double[] a = new double[2 * c.n * V];
        int[] map = new int[V];
        BlockFft.Lines out = new BlockFft.Lines();
        for (int blk = from; blk < to; blk++) {
          gatherComplex(src, g, blk * V, c.take, c.n, !c.forward, a, map);
          if (full(g, blk)) {
            // copy out straight from the digit-reversed result: no reordering pass
            fft.dif(a);
            point(out, dst, g, blk * V, true, 2, 1);
            fft.scatter(a, out, c.factor, fi);
          } else {
            // only the last block may be partial: its reordering buffer is allocated once
            double[] res = fft.forward(a, new double[a.length]);
            scatterComplex(res, g, blk * V, c.n, c.factor, fi, dst, map);
          }
        }
      });
    } else if (op instanceof RealForwardLineOp r) {
      BlockReal real = (BlockReal) plan(-r.n);
      int h = r.n / 2;
      double fi = r.conjugate ? -r.factor : r.factor;
      WorkerPool.parallelFor(workers, blocks, (from, to) -> {
        double[] a = new double[2 * (h + 1) * V];
        int[] map = new int[V];
        BlockFft.Lines io = new BlockFft.Lines();
        for (int blk = from; blk < to; blk++) {
          gatherReal(src, g, blk * V, r.take, r.n, a, map);
          if (full(g, blk)) {
            // unpack straight from the digit-reversed half spectrum to the output lines
            real.half.dif(a);
            point(io, dst, g, blk * V, true, 2, 1);
            real.unpack(a, real.half.perm, io, r.factor, fi);
          } else {
            // only the last block may be partial: its reordering buffer is allocated once
            double[] res = real.half.forward(a, new double[a.length]);
            real.unpack(res, a);
            scatterComplex(a, g, blk * V, h + 1, r.factor, fi, dst, map);
          }
        }
      });
    } else {
      RealInverseLineOp r = (RealInverseLineOp) op;
      BlockReal real = (BlockReal) plan(-r.n);
      int h = r.n / 2;
      boolean fuse = srcComplex && r.take >= h + 1;
      WorkerPool.parallelFor(workers, blocks, (from, to) -> {
        double[] a = new double[2 * (h + 1) * V];
        int[] map = new int[V];
        double[] b = new double[2 * (h + 1) * V];
        BlockFft.Lines io = new BlockFft.Lines();
        BlockFft.Lines out = new BlockFft.Lines();
        for (int blk = from; blk < to; blk++) {
          if (full(g, blk)) {
            if (fuse) {
              // pack straight from the input lines
              point(io, src, g, blk * V, false, 2, 1);
              real.pack(io, r.conjugate ? -1.0 : 1.0, b);
            } else {
              gatherComplex(src, g, blk * V, r.take, h + 1, r.conjugate, a, map);
              Arrays.fill(a, V, 2 * V, 0.0);
              Arrays.fill(a, 2 * h * V + V, 2 * (h + 1) * V, 0.0);
              real.pack(a, b);
            }
            real.half.dif(b);
            // the result (x_2j, -x_2j+1) times n: real parts to even, imaginary to odd samples
            point(out, dst, g, blk * V, true, 1, g.inner());
            real.half.scatter(b, out, r.norm, -r.norm);
            continue;
          }
          gatherComplex(src, g, blk * V, r.take, h + 1, r.conjugate, a, map);
          // pocketfft ignores the imaginary parts of X_0 and X_n/2
          Arrays.fill(a, V, 2 * V, 0.0);
          Arrays.fill(a, 2 * h * V + V, 2 * (h + 1) * V, 0.0);
          real.pack(a, b);
          double[] res = real.half.forward(b, a);
          scatterReal(res, g, blk * V, h, r.norm, dst, map);
        }
      });
    }
  }

  /**
   * A complex op, or a real forward one (real lines read as complex), of a length the engine
   * cannot factor, by {@link BlockBluestein}: {@code take} input elements (conjugated for
   * inverses), the first {@code count} outputs times {@code (fr, fi)}.
   */
  private static void runBluestein(double[] src, Geometry g, double[] dst, int blocks, int take,
      boolean conjugate, int count, double fr, double fi, BlockBluestein bs, int workers) {
    WorkerPool.parallelFor(workers, blocks, (from, to) -> {
      double[] a = new double[2 * bs.m * V];
      double[] b = new double[2 * bs.m * V];
      int[] map = new int[V];
      BlockFft.Lines out = new BlockFft.Lines();
      for (int blk = from; blk < to; blk++) {
        gatherComplex(src, g, blk * V, take, bs.n, conjugate, a, map);
        bs.convolve(a, b);
        if (full(g, blk)) {
          point(out, dst, g, blk * V, true, 2, 1);
          bs.finish(b, count, out, fr, fi);
        } else {
          bs.finish(b, count, a);
          scatterComplex(a, g, blk * V, count, fr, fi, dst, map);
        }
      }
    });
  }

  /** {@code irfft}/{@code hfft} of a length the engine cannot factor, by {@link BlockBluestein}. */
  private static void runBluesteinInverse(double[] src, Geometry g, double[] dst, int blocks,
      RealInverseLineOp r, BlockBluestein bs, int workers) {
    WorkerPool.parallelFor(workers, blocks, (from, to) -> {
      double[] a = new double[2 * bs.m * V];
      double[] b = new double[2 * bs.m * V];
      int[] map = new int[V];
      BlockFft.Lines out = new BlockFft.Lines();
      for (int blk = from; blk < to; blk++) {
        gatherComplex(src, g, blk * V, r.take, r.n / 2 + 1, r.conjugate, a, map);
        bs.hermitian(a);
        bs.convolve(a, b);
        if (full(g, blk)) {
          point(out, dst, g, blk * V, true, 1, 0);
          out.step = g.inner();
          bs.finishReal(b, out, r.norm);
        } else {
          // the same real parts as the full block's, then the same product with the norm
          bs.finish(b, r.n, a);
          int valid = Math.min(V, g.lines() - blk * V);
          int[] lanes = offsets(g, blk * V, valid, 1, true, map);
          int d = (int) g.outStart(blk * V);
          for (int k = 0; k < r.n; k++, d += g.inner()) {
            for (int v = 0; v < valid; v++) {
              dst[d + lanes[v]] = a[2 * V * k + v] * r.norm;
            }
          }
        }
      }
    });
  }

  /** Where lines live: line L's element j is at {@code start(L) + j * inner}. */
  private record Geometry(int lines, int len, int outLen, int inner, boolean srcComplex) {
    long inStart(int line) {
      return (long) (line / inner) * len * inner + line % inner;
    }

    long outStart(int line) {
      return (long) (line / inner) * outLen * inner + line % inner;
    }
  }

  /** Whether block {@code blk} has V lines (only the last one may have fewer). */
  private static boolean full(Geometry g, int blk) {
    return g.lines() - blk * V >= V;
  }

  /**
   * Points {@code l} at the V lines from {@code first} of {@code data} (the input or the output
   * lines) with {@code width} doubles per line element: consecutive engine elements are
   * {@code 2 inner} doubles apart (the next complex element, or the next pair of real samples),
   * the imaginary part {@code imOff} doubles after the real part. Complex lines: width 2,
   * imOff 1; real lines as half-length complex ones: width 1, imOff inner.
   */
  private static void point(BlockFft.Lines l, double[] data, Geometry g, int first, boolean out,
      int width, int imOff) {
    long base = out ? g.outStart(first) : g.inStart(first);
    for (int v = 0; v < V; v++) {
      long start = out ? g.outStart(first + v) : g.inStart(first + v);
      l.map[v] = (int) (width * (start - base));
    }
    l.data = data;
    l.base = (int) (width * base);
    // complex lines: element e at 2 e inner; real ones: the pair (x_2e, x_2e+1) at 2 e inner
    l.step = 2 * g.inner();
    l.imOff = imOff;
  }

  /**
   * Element offsets (in elements) of the block's valid lines relative to its first line, times
   * {@code width} doubles per element: the index map of a vector gather, written into the
   * worker's {@code map} (no allocation per block) and returned.
   */
  private static int[] offsets(Geometry g, int first, int valid, int width, boolean out,
      int[] map) {
    long base = out ? g.outStart(first) : g.inStart(first);
    for (int v = 0; v < valid; v++) {
      map[v] = (int) (width * ((out ? g.outStart(first + v) : g.inStart(first + v)) - base));
    }
    return map;
  }

  /**
   * Elements {@code [0, take)} of the block's lines, zero to {@code count}, conjugated if asked.
   * Element-major (all lanes of one element, then the next): 8 sequential read streams are far
   * cheaper than one line at a time with 128-byte strided writes; full blocks use vector gathers.
   */
  private static void gatherComplex(double[] src, Geometry g, int first, int take, int count,
      boolean conjugate, double[] a, int[] lanes) {
    int valid = Math.min(V, g.lines() - first);
    if (take < count || valid < V) {
      Arrays.fill(a, 0, 2 * count * V, 0.0);
    }
    int stride = g.inner();
    int s = (int) g.inStart(first);
    if (g.srcComplex()) {
      int[] map = offsets(g, first, valid, 2, false, lanes);
      if (valid == V) {
        BlockReal.gather(src, 2 * s, 2 * stride, 1, map, take, conjugate, a);
        return;
      }
      double sign = conjugate ? -1.0 : 1.0;
      for (int j = 0, k = 0; j < take; j++, k += 2 * V, s += stride) {
        for (int v = 0; v < valid; v++) {
          a[k + v] = src[2 * s + map[v]];
          a[k + V + v] = sign * src[2 * s + map[v] + 1];
        }
      }
    } else {
      int[] map = offsets(g, first, valid, 1, false, lanes);
      for (int j = 0, k = 0; j < take; j++, k += 2 * V, s += stride) {
        for (int v = 0; v < valid; v++) {
          a[k + v] = src[s + map[v]];
          a[k + V + v] = 0.0;
        }
      }
    }
  }

  /** A real line of length n as the complex line {@code (x_2j, x_2j+1)} of length n/2. */
  private static void gatherReal(double[] src, Geometry g, int first, int take, int n,
      double[] a, int[] lanes) {
    int valid = Math.min(V, g.lines() - first);
    if (take < n || valid < V) {
      Arrays.fill(a, 0, n * V, 0.0);
    }
    int stride = g.inner();
    int s = (int) g.inStart(first);
    int[] map = offsets(g, first, valid, 1, false, lanes);
    if (valid == V) {
      // x_2j and x_2j+1 are the real and imaginary parts of element j
      BlockReal.gather(src, s, 2 * stride, stride, map, take / 2, false, a);
      if (take % 2 == 1) {
        int j = take - 1;
        for (int v = 0; v < V; v++) {
          a[j / 2 * 2 * V + v] = src[s + j * stride + map[v]];
        }
      }
      return;
    }
    for (int j = 0; j < take; j++, s += stride) {
      int k = j / 2 * 2 * V + (j % 2) * V;
      for (int v = 0; v < valid; v++) {
        a[k + v] = src[s + map[v]];
      }
    }
  }

  private static void scatterComplex(double[] res, Geometry g, int first, int count, double fr,
      double fi, double[] dst, int[] lanes) {
    int valid = Math.min(V, g.lines() - first);
    int stride = g.inner();
    int d = (int) g.outStart(first);
    int[] map = offsets(g, first, valid, 2, true, lanes);
    for (int j = 0, k = 0; j < count; j++, k += 2 * V, d += stride) {
      for (int v = 0; v < valid; v++) {
        dst[2 * d + map[v]] = res[k + v] * fr;
        dst[2 * d + map[v] + 1] = res[k + V + v] * fi;
      }
    }
  }

  /** The conjugated half-length result {@code (x_2j, -x_2j+1)} as a real line of 2h, scaled. */
  private static void scatterReal(double[] res, Geometry g, int first, int h, double f,
      double[] dst, int[] lanes) {
    int valid = Math.min(V, g.lines() - first);
    int stride = g.inner();
    int d = (int) g.outStart(first);
    int[] map = offsets(g, first, valid, 1, true, lanes);
    for (int j = 0, k = 0; j < h; j++, k += 2 * V, d += 2 * stride) {
      for (int v = 0; v < valid; v++) {
        dst[d + map[v]] = res[k + v] * f;
        dst[d + stride + map[v]] = -res[k + V + v] * f;
      }
    }
  }
}
