package dev.numspark.fft.engine;

import static dev.numspark.fft.engine.BlockFft.V;

import java.lang.ref.SoftReference;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs {@code fft}/{@code ifft}, {@code rfft}/{@code ihfft} and {@code irfft}/{@code hfft} line
 * ops on blocks of {@link BlockFft#V} lines with the Vector API engine: gathers a block into the
 * engine's {@code [k][re, im][line]} layout (zero padding, conjugation for inverses), transforms,
 * and scatters with the normalisation factor. Only loaded when {@link FftConfig#VECTOR_ENGINE}.
 *
 * <p>Block {@code b} always holds lines {@code [bV, bV + V)} in C order of the lines (the last
 * block padded with zero lines) and every block runs the same code, so results do not depend on
 * {@code workers}: the workers only share out whole blocks.
 */
final class BlockRunner {
  private static final int MAX_PLANS = 32;
  private static final Map<Integer, Object> PLANS = PlanCache.lru(MAX_PLANS);

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
   * n is not 7-smooth), or the real one of length n (keys < 0).
   */
  private static Object plan(int key) {
    return PlanCache.cached(PLANS, key, BlockRunner::makePlan);
  }

  /** The cached real plan of even length n, whose half the engine factors. */
  static BlockReal realPlan(int n) {
    return (BlockReal) plan(-n);
  }

  private static Object makePlan(int key) {
    if (key < 0) {
      // the half-length FFT is the cached complex plan of that length
      return new BlockReal(-key, (BlockFft) plan(-key / 2));
    } else if (BlockFft.factors(key) != null) {
      return BlockFft.plan(key);
    }
    // the convolution's FFT is itself a cached plan (shared with transforms of that length)
    return new BlockBluestein(key, (BlockFft) plan(BlockBluestein.convolutionLength(2 * key - 1)));
  }

  /**
   * {@code op} on the {@code lines} lines of {@code src} (line {@code L} starts at element
   * {@code (L / inner) len inner + L % inner}, stride {@code inner}) into {@code dst} (the same
   * with {@code op.outLen}).
   */
  static void run(double[] src, boolean srcComplex, double[] dst, int lines, int len, int inner,
      LineOp op, int workers) {
    BlockLoop.run(kernel(src, srcComplex, lines, len, inner, op), (lines + V - 1) / V, dst,
        workers);
  }

  /**
   * {@link #run(double[], boolean, double[], int, int, int, LineOp, int)} into the (zero) array
   * {@code allocate} returns, which is returned: with several workers, one allocates it while the
   * others compute the first blocks ({@link BlockLoop}).
   */
  static double[] run(double[] src, boolean srcComplex, Supplier<double[]> allocate, int lines,
      int len, int inner, LineOp op, int workers) {
    long outBytes = (long) lines * op.outLen * (op.outComplex ? 2 : 1) * Double.BYTES;
    return BlockLoop.run(kernel(src, srcComplex, lines, len, inner, op), (lines + V - 1) / V,
        allocate, outBytes, workers);
  }

  private static BlockLoop.Kernel<Buffers> kernel(double[] src, boolean srcComplex, int lines,
      int len, int inner, LineOp op) {
    Geometry g = new Geometry(lines, len, op.outLen, inner, srcComplex);
    if (op instanceof ComplexLineOp c && BlockFft.factors(c.n) == null) {
      double fi = c.forward ? c.factor : -c.factor;
      return bluestein(src, g, c.take, !c.forward, c.n, c.factor, fi, (BlockBluestein) plan(c.n));
    } else if (op instanceof RealForwardLineOp r && BlockFft.factors(r.n) == null
        && realBluestein(r.n)) {
      double fi = r.conjugate ? -r.factor : r.factor;
      return bluestein(src, g, r.take, false, r.n / 2 + 1, r.factor, fi,
          (BlockBluestein) plan(r.n));
    } else if (op instanceof RealInverseLineOp r && BlockFft.factors(r.n) == null
        && realBluestein(r.n)) {
      return bluesteinInverse(src, g, r, (BlockBluestein) plan(r.n));
    } else if (op instanceof ComplexLineOp c) {
      return complex(src, g, c);
    } else if (op instanceof RealForwardLineOp r) {
      return realForward(src, g, r);
    }
    return realInverse(src, g, (RealInverseLineOp) op);
  }

  /**
   * A worker's buffers for one block: the engine's work arrays {@code a} and {@code b}, the
   * partial block's reordered result {@code res}, a lane index map and the output lines. A block
   * starts at {@code a[ao]} and {@code b[bo]}, its arrays' {@link CacheLines} origins when it was
   * computed (the arrays have room for any origin): every Bluestein block, and the full blocks of
   * the factored kernels, whose partial last block starts at index 0.
   */
  private static final class Buffers {
    /** The kernel kind these buffers were made for: a kind relies only on what it writes. */
    final Class<?> kind;
    /** Work arrays, possibly longer than asked ({@link #padded}); the kernels index them. */
    final double[] a;
    final double[] b;
    double[] res;
    int ao;
    int bo;
    /** For {@link CacheLines#origin}: a reference slot, so that blocks allocate nothing. */
    private final Object[] slot = new Object[1];
    final int[] map = new int[V];
    final BlockFft.Lines out = new BlockFft.Lines();

    private final int aLength;
    private final int bLength;

    Buffers(Class<?> kind, int aLength, int bLength) {
      this.kind = kind;
      this.aLength = aLength;
      this.bLength = bLength;
      a = new double[padded(aLength + CacheLines.MAX_ORIGIN)];
      b = bLength == 0 ? null : new double[padded(bLength + CacheLines.MAX_ORIGIN)];
    }

    /**
     * Sets {@link #ao} and {@link #bo}: the arrays' cache-line origins when {@code onLines}, else
     * 0 (a partial last block of the factored kernels).
     */
    void place(boolean onLines) {
      ao = onLines ? CacheLines.origin(a, slot) : 0;
      bo = onLines && b != null ? CacheLines.origin(b, slot) : 0;
    }

    boolean fits(Class<?> kind, int aLength, int bLength) {
      return this.kind == kind && this.aLength == aLength && this.bLength == bLength;
    }
  }

  /** Work arrays from this length (64 KB) on are made at least {@link #SPACED_LENGTH} long. */
  static final int SPACED_FROM = 8192;

  /**
   * 1 MB: two threads' work arrays made one after the other lie at least this far apart. Kept
   * buffers that happened to lie within about 1 MB of another worker's (made in the same call,
   * and moved together by the GC) left one of the two workers 2-5x slower for the whole JVM (in 3
   * of 8 JVMs, rfft 512x4096 at two workers: 3.9-4.3 ms against 3.1); with this spacing, 3.0-3.2
   * ms in every JVM.
   */
  static final int SPACED_LENGTH = 1 << 17;

  /** The allocated length of a work array of {@code length} doubles. */
  static int padded(int length) {
    return length >= SPACED_FROM ? Math.max(length, SPACED_LENGTH) : length;
  }

  /**
   * Each thread's last buffers, reused by its next call of the same kind and size, up to
   * {@link #KEPT_BUFFER_BYTES} (softly held: the GC may take them back).
   *
   * <p>Why: two workers that make new buffers in every call get them one after the other in
   * memory, and there the second worker's copy into its buffer ran 2-3x slower than the first's
   * whenever both ran at once (fft 128x4096 at 512 bits, this AMD EPYC: 70-80 against 25-30 us
   * per block; alone, or with the buffers 1 MB further apart, both 25-30 us; the slow one was
   * whichever thread's buffer came second, on either core). Buffers kept per thread, and at
   * least {@link #SPACED_LENGTH} long, stay apart: two workers then ran 1.7-2.0x one worker
   * instead of 1.5x, and no call zeroes new buffers.
   */
  private static final ThreadLocal<SoftReference<Buffers>> KEPT = new ThreadLocal<>();

  /** The largest buffers (a and b together) a thread keeps between calls. */
  static final long KEPT_BUFFER_BYTES = 4L << 20;

  static Buffers buffers(Class<?> kind, int aLength, int bLength) {
    SoftReference<Buffers> ref = KEPT.get();
    Buffers kept = ref == null ? null : ref.get();
    if (kept != null && kept.fits(kind, aLength, bLength)) {
      return kept;
    }
    Buffers made = new Buffers(kind, aLength, bLength);
    if ((long) (aLength + bLength) * Double.BYTES <= KEPT_BUFFER_BYTES) {
      KEPT.set(new SoftReference<>(made));
    }
    return made;
  }

  /**
   * A kernel on the lines {@code g} describes whose workers hold work arrays of {@code aLength}
   * and {@code bLength} doubles. Subclasses write a computed block into lines described by any
   * geometry: the output's, or that of a staging array holding just the block's lines.
   */
  private abstract static class Kernel implements BlockLoop.Kernel<Buffers> {
    final Geometry g;
    private final int aLength;
    private final int bLength;
    /** Doubles per output element: 2 for complex outputs, 1 for real ones. */
    private final int width;

    Kernel(Geometry g, int aLength, int bLength, boolean outComplex) {
      this.g = g;
      this.aLength = aLength;
      this.bLength = bLength;
      this.width = outComplex ? 2 : 1;
    }

    @Override
    public Buffers buffers() {
      return BlockRunner.buffers(getClass(), aLength, bLength);
    }

    /** Kept buffers must not keep an output (or a partial block's result) reachable. */
    @Override
    public void release(Buffers s) {
      s.out.data = null;
      s.res = null;
    }

    /**
     * The computed block into lines {@code [first, first + V)} of {@code dst} laid out as
     * {@code o} says; {@code full}: whether the block has V lines (else it has the rest).
     */
    abstract void write(Buffers s, double[] dst, Geometry o, int first, boolean full);

    @Override
    public void write(int blk, Buffers s, double[] dst) {
      write(s, dst, g, blk * V, full(g, blk));
    }

    @Override
    public int slotLength() {
      return V * g.outLen() * width;
    }

    /**
     * The block's lines one after another in slot {@code slot} of {@code slab}: as lines
     * {@code [slot V, slot V + valid)} of a compact array of rows.
     */
    @Override
    public void stage(int blk, Buffers s, double[] slab, int slot) {
      int valid = Math.min(V, g.lines() - blk * V);
      write(s, slab, new Geometry(slot * V + valid, g.len(), g.outLen(), 1, g.srcComplex()),
          slot * V, valid == V);
    }

    @Override
    public void unstage(int blk, double[] slab, int slot, double[] dst) {
      int first = blk * V;
      int valid = Math.min(V, g.lines() - first);
      int row = g.outLen() * width;
      int from = slot * slotLength();
      if (g.inner() == 1) {
        // the block's lines are consecutive rows of the output
        System.arraycopy(slab, from, dst, (int) g.outStart(first) * width, valid * row);
        return;
      }
      int[] lanes = offsets(g, first, valid, width, true, new int[V]);
      int step = g.inner() * width;
      for (int j = 0, d = (int) g.outStart(first) * width; j < row; j += width, d += step) {
        for (int v = 0; v < valid; v++) {
          for (int e = 0; e < width; e++) {
            dst[d + lanes[v] + e] = slab[from + v * row + j + e];
          }
        }
      }
    }
  }

  /** {@code fft}/{@code ifft} of a length the engine factors. */
  private static Kernel complex(double[] src, Geometry g, ComplexLineOp c) {
    BlockFft fft = (BlockFft) plan(c.n);
    double fi = c.forward ? c.factor : -c.factor;
    return new Kernel(g, 2 * c.n * V, 0, true) {
      @Override
      public void compute(int blk, Buffers s) {
        boolean full = full(g, blk);
        s.place(full);
        gatherComplex(src, g, blk * V, c.take, c.n, !c.forward, s.a, s.ao, s.map);
        if (full) {
          fft.difAt(s.a, s.ao);
        } else {
          // only the last block may be partial: its reordering buffer is allocated once
          s.res = fft.forward(s.a, new double[2 * c.n * V]);
        }
      }

      @Override
      void write(Buffers s, double[] dst, Geometry o, int first, boolean full) {
        if (full) {
          // copy out straight from the digit-reversed result: no reordering pass
          point(s.out, dst, o, first, 2, 1);
          fft.scatterAt(s.a, s.ao, s.out, c.factor, fi);
        } else {
          scatterComplex(s.res, o, first, c.n, c.factor, fi, dst, s.map);
        }
      }
    };
  }

  /** {@code rfft}/{@code ihfft} of an even length whose half the engine factors. */
  private static Kernel realForward(double[] src, Geometry g, RealForwardLineOp r) {
    BlockReal real = (BlockReal) plan(-r.n);
    int h = r.n / 2;
    double fi = r.conjugate ? -r.factor : r.factor;
    return new Kernel(g, 2 * (h + 1) * V, 0, true) {
      @Override
      public void compute(int blk, Buffers s) {
        boolean full = full(g, blk);
        s.place(full);
        gatherReal(src, g, blk * V, r.take, r.n, s.a, s.ao, s.map);
        if (full) {
          real.half.difAt(s.a, s.ao);
        } else {
          // only the last block may be partial: unpacked in natural order into its own buffer
          real.half.dif(s.a);
          s.res = new double[2 * (h + 1) * V];
          real.unpack(s.a, s.res);
        }
      }

      @Override
      void write(Buffers s, double[] dst, Geometry o, int first, boolean full) {
        if (full) {
          // unpack straight from the digit-reversed half spectrum to the output lines
          point(s.out, dst, o, first, 2, 1);
          real.unpackOut(s.a, s.ao, s.out, r.factor, fi);
        } else {
          scatterComplex(s.res, o, first, h + 1, r.factor, fi, dst, s.map);
        }
      }
    };
  }

  /** {@code irfft}/{@code hfft} of an even length whose half the engine factors. */
  private static Kernel realInverse(double[] src, Geometry g, RealInverseLineOp r) {
    BlockReal real = (BlockReal) plan(-r.n);
    int h = r.n / 2;
    // (a pack reading the input lines with vector gathers, skipping this copy in, was 1.2-1.25x
    // slower at 8 lanes on an AMD EPYC, whose gathers load one element at a time)
    return new Kernel(g, 2 * (h + 1) * V, 2 * (h + 1) * V, false) {
      @Override
      public void compute(int blk, Buffers s) {
        boolean full = full(g, blk);
        s.place(full);
        gatherComplex(src, g, blk * V, r.take, h + 1, r.conjugate, s.a, s.ao, s.map);
        real.pack(s.a, s.ao, s.b, s.bo);
        if (full) {
          real.half.difAt(s.b, s.bo);
        } else {
          s.res = real.half.forward(s.b, s.a);
        }
      }

      @Override
      void write(Buffers s, double[] dst, Geometry o, int first, boolean full) {
        if (full) {
          // the result (x_2j, -x_2j+1) times n: real parts to even, imaginary to odd samples
          point(s.out, dst, o, first, 1, o.inner());
          real.half.scatterAt(s.b, s.bo, s.out, r.norm, -r.norm);
        } else {
          scatterReal(s.res, o, first, h, r.norm, dst, s.map);
        }
      }
    };
  }

  /**
   * A complex op, or a real forward one (real lines read as complex), of a length the engine
   * cannot factor, by {@link BlockBluestein}: {@code take} input elements (conjugated for
   * inverses), the first {@code count} outputs times {@code (fr, fi)}.
   */
  private static Kernel bluestein(double[] src, Geometry g, int take, boolean conjugate,
      int count, double fr, double fi, BlockBluestein bs) {
    return new Kernel(g, 2 * bs.m * V, 2 * bs.m * V, true) {
      @Override
      public void compute(int blk, Buffers s) {
        s.place(true);
        gatherComplex(src, g, blk * V, take, bs.n, conjugate, s.a, s.ao, s.map);
        bs.convolve(s.a, s.ao, s.b, s.bo);
        if (!full(g, blk)) {
          // the values in natural order from a[0], for scatterComplex
          bs.finish(s.b, s.bo, count, s.a);
        }
      }

      @Override
      void write(Buffers s, double[] dst, Geometry o, int first, boolean full) {
        if (full) {
          point(s.out, dst, o, first, 2, 1);
          bs.finish(s.b, s.bo, count, s.out, fr, fi);
        } else {
          scatterComplex(s.a, o, first, count, fr, fi, dst, s.map);
        }
      }
    };
  }

  /** {@code irfft}/{@code hfft} of a length the engine cannot factor, by {@link BlockBluestein}. */
  private static Kernel bluesteinInverse(double[] src, Geometry g, RealInverseLineOp r,
      BlockBluestein bs) {
    return new Kernel(g, 2 * bs.m * V, 2 * bs.m * V, false) {
      @Override
      public void compute(int blk, Buffers s) {
        s.place(true);
        gatherComplex(src, g, blk * V, r.take, r.n / 2 + 1, r.conjugate, s.a, s.ao, s.map);
        bs.hermitian(s.a, s.ao);
        bs.convolve(s.a, s.ao, s.b, s.bo);
        if (!full(g, blk)) {
          // the same real parts as the full block's, then the same product with the norm, from
          // a[0] in natural order
          bs.finish(s.b, s.bo, r.n, s.a);
        }
      }

      @Override
      void write(Buffers s, double[] dst, Geometry o, int first, boolean full) {
        if (full) {
          point(s.out, dst, o, first, 1, 0);
          s.out.step = o.inner();
          bs.finishReal(s.b, s.bo, s.out, r.norm);
          return;
        }
        int valid = Math.min(V, o.lines() - first);
        int[] lanes = offsets(o, first, valid, 1, true, s.map);
        int d = (int) o.outStart(first);
        for (int k = 0; k < r.n; k++, d += o.inner()) {
          for (int v = 0; v < valid; v++) {
            dst[d + lanes[v]] = s.a[2 * V * k + v] * r.norm;
          }
        }
      }
    };
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
   * Points {@code l} at the V output lines from {@code first} of {@code data} with {@code width}
   * doubles per line element: consecutive engine elements are {@code 2 inner} doubles apart (the
   * next complex element, or the next pair of real samples), the imaginary part {@code imOff}
   * doubles after the real part. Complex lines: width 2, imOff 1; real lines as half-length
   * complex ones: width 1, imOff inner.
   */
  private static void point(BlockFft.Lines l, double[] data, Geometry g, int first, int width,
      int imOff) {
    long base = g.outStart(first);
    for (int v = 0; v < V; v++) {
      l.map[v] = (int) (width * (g.outStart(first + v) - base));
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
   * Elements {@code [0, take)} of the block's lines, zero to {@code count}, conjugated if asked,
   * into the block at {@code a[ao]}.
   * Element-major (all lanes of one element, then the next): 8 sequential read streams are far
   * cheaper than one line at a time with 128-byte strided writes; full blocks use vector gathers.
   */
  private static void gatherComplex(double[] src, Geometry g, int first, int take, int count,
      boolean conjugate, double[] a, int ao, int[] lanes) {
    int valid = Math.min(V, g.lines() - first);
    if (take < count || valid < V) {
      Arrays.fill(a, ao, ao + 2 * count * V, 0.0);
    }
    int stride = g.inner();
    int s = (int) g.inStart(first);
    if (g.srcComplex()) {
      int[] map = offsets(g, first, valid, 2, false, lanes);
      if (valid == V) {
        LaneMoves.gather(src, 2 * s, 2 * stride, 1, map, take, conjugate, a, ao);
        return;
      }
      double sign = conjugate ? -1.0 : 1.0;
      for (int j = 0, k = ao; j < take; j++, k += 2 * V, s += stride) {
        for (int v = 0; v < valid; v++) {
          a[k + v] = src[2 * s + map[v]];
          a[k + V + v] = sign * src[2 * s + map[v] + 1];
        }
      }
    } else {
      int[] map = offsets(g, first, valid, 1, false, lanes);
      for (int j = 0, k = ao; j < take; j++, k += 2 * V, s += stride) {
        for (int v = 0; v < valid; v++) {
          a[k + v] = src[s + map[v]];
          a[k + V + v] = 0.0;
        }
      }
    }
  }

  /**
   * A real line of length n as the complex line {@code (x_2j, x_2j+1)} of length n/2, into the
   * block at {@code a[ao]}.
   */
  private static void gatherReal(double[] src, Geometry g, int first, int take, int n,
      double[] a, int ao, int[] lanes) {
    int valid = Math.min(V, g.lines() - first);
    if (take < n || valid < V) {
      Arrays.fill(a, ao, ao + n * V, 0.0);
    }
    int stride = g.inner();
    int s = (int) g.inStart(first);
    int[] map = offsets(g, first, valid, 1, false, lanes);
    if (valid == V) {
      // x_2j and x_2j+1 are the real and imaginary parts of element j
      LaneMoves.gather(src, s, 2 * stride, stride, map, take / 2, false, a, ao);
      if (take % 2 == 1) {
        int j = take - 1;
        for (int v = 0; v < V; v++) {
          a[ao + j / 2 * 2 * V + v] = src[s + j * stride + map[v]];
        }
      }
      return;
    }
    for (int j = 0; j < take; j++, s += stride) {
      int k = ao + j / 2 * 2 * V + (j % 2) * V;
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
