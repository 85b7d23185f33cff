package dev.numspark.fft.engine;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The complex DFT of length {@code n} of {@link #V} lines at once, with the JDK Vector API: each
 * vector holds the same element of every line of the block, so one vector operation advances V
 * transforms. Layout {@code [k][re, im][line]}: the real part of element {@code k} of line
 * {@code v} is at {@code 2 k V + v}, its imaginary part at {@code 2 k V + V + v}. (Keeping re and
 * im of one k together halves the memory streams of a pass; with separate re and im arrays the
 * power-of-two strides of 16 streams collided in the same L1 sets: 25% slower.)
 *
 * <p>The algorithm is an in-place decimation-in-frequency Cooley-Tukey FFT with radix-4, 2, 3, 5
 * and 7 butterflies, run depth first: after a level's butterflies over a sub-block of length L, the
 * r sub-blocks of length L/r are independent transforms, and once a sub-block fits in L1
 * ({@link #LEAF}) all its remaining levels run there. A pass over an L2-resident block costs
 * about twice as much per element as over an L1-resident one, so this takes half the time of
 * the Stockham form (a ping-pong between two arrays, every pass over the whole block) it
 * replaced. It is the same dataflow (butterflies, twiddles, order of operations) stored
 * differently, and gave the Stockham version's bits in every comparison we ran. The output is in
 * digit-reversed order ({@link #perm}); the copies out read it in that order. Each radix (2, 3,
 * 4, 5, 7, 8) is one method with its loops, calling the Vector API directly: too big for C2 to
 * inline into its callers, it is compiled alone, and there every vector operation is
 * intrinsified ({@link #dif5} says why this matters). Radix 8 takes the powers of two at 2 lanes
 * only ({@link #RADIX8}); for powers of two it was slower than radix 4 at 8 and 4 lanes on 4096
 * and 8192 points (2026-12-07; a pass split in two halves through an L1 scratch was slower too).
 *
 * <p>Hand-written because no Maven library offers a batched SIMD FFT for Java; it follows
 * pocketfft's multi-line transforms (SciPy's {@code vlen} lines per SIMD vector). Loaded only
 * when the {@code jdk.incubator.vector} module is present ({@link FftConfig#VECTOR_ENGINE}). An
 * instance (twiddle tables) is immutable and shared by threads; callers own the arrays.
 */
final class BlockFft {
  static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  static final int V = S.length();

  static {
    // before any transform, so that C2 never compiles the JDK's shared vector methods on a
    // narrow profile (ProfilePriming says why)
    ProfilePriming.prime();
  }

  private static final double S3 = Math.sqrt(0.75);
  private static final double R12 = Math.sqrt(0.5);
  // cos and sin of 2 pi / 5 and 4 pi / 5, for dif5
  private static final double C51 = Math.cos(2 * Math.PI / 5);
  private static final double C52 = Math.cos(4 * Math.PI / 5);
  private static final double S51 = Math.sin(2 * Math.PI / 5);
  private static final double S52 = Math.sin(4 * Math.PI / 5);
  // cos and sin of 2 pi k / 7, k = 1, 2, 3, for dif7
  private static final double C71 = Math.cos(2 * Math.PI / 7);
  private static final double C72 = Math.cos(4 * Math.PI / 7);
  private static final double C73 = Math.cos(6 * Math.PI / 7);
  private static final double S71 = Math.sin(2 * Math.PI / 7);
  private static final double S72 = Math.sin(4 * Math.PI / 7);
  private static final double S73 = Math.sin(6 * Math.PI / 7);

  final int n;
  /** The radices of the levels, first level first ({@link #factors}). */
  final int[] radix;
  /**
   * Per level (sub-blocks of length {@code L = r m}), twiddles {@code exp(-2 pi i p j / L)} at
   * {@code [(p (r-1) + j-1)]}; at {@code [(p (r-1) + j-1) V + lane]} for radix-8 levels
   * ({@link #lanes}).
   */
  private final double[][] twRe;
  private final double[][] twIm;
  /** {@code perm[k]}: the element of the block where {@link #dif} leaves {@code X_k}. */
  final int[] perm;

  private BlockFft(int n, int[] radix) {
    this.n = n;
    this.radix = radix;
    twRe = new double[radix.length][];
    twIm = new double[radix.length][];
    int cur = n;
    for (int pass = 0; pass < radix.length; pass++) {
      int r = radix[pass];
      int m = cur / r;
      double[] tr = new double[m * (r - 1)];
      double[] ti = new double[m * (r - 1)];
      twiddles(cur, r, tr, ti);
      // radix 8 (2 lanes) loads its twiddles as vectors: C2 broadcasts a double to 2 lanes with
      // two instructions (vmovq, vpshufd), a load of V copies is one
      twRe[pass] = r == 8 ? lanes(tr) : tr;
      twIm[pass] = r == 8 ? lanes(ti) : ti;
      cur = m;
    }
    perm = new int[n];
    for (int k = 0; k < n; k++) {
      // level by level X_k goes to sub-block k mod r, as output k / r of that sub-transform
      int pos = 0;
      int rem = k;
      int len = n;
      for (int r : radix) {
        len /= r;
        pos += (rem % r) * len;
        rem /= r;
      }
      perm[k] = pos;
    }
  }

  /**
   * {@code exp(-2 pi i p j / len)} for p in {@code [0, len / r)} and j in {@code [1, r)} at
   * {@code [p (r-1) + j-1]} of {@code tr} (cosines) and {@code ti} (sines): the twiddles of a
   * radix-r step over length len (also {@link LineSplit}'s).
   */
  static void twiddles(int len, int r, double[] tr, double[] ti) {
    for (int p = 0; p < len / r; p++) {
      for (int j = 1; j < r; j++) {
        // exact reduction of the angle keeps every twiddle within an ulp or so
        long e = (long) p * j % len;
        double a = -2 * Math.PI * e / len;
        tr[p * (r - 1) + j - 1] = Math.cos(a);
        ti[p * (r - 1) + j - 1] = Math.sin(a);
      }
    }
  }

  /** Each element of {@code a} V times in a row: a twiddle table read by vector loads. */
  static double[] lanes(double[] a) {
    double[] w = new double[a.length * V];
    for (int i = 0; i < w.length; i++) {
      w[i] = a[i / V];
    }
    return w;
  }

  /** The plan for {@code n}, or null when n has a prime factor above 7. */
  static BlockFft plan(int n) {
    int[] f = factors(n);
    return f == null ? null : new BlockFft(n, f);
  }

  /**
   * Radices (4s, then at most one 2, then 3s, 5s, 7s; at 2 lanes the power of two as 8s first,
   * then at most two 4s or one 2, {@link #RADIX8}); null when n is not 7-smooth. The odd radices
   * come last, so that their levels run inside L1-resident sub-blocks.
   */
  static int[] factors(int n) {
    if (n < 1) {
      return null;
    }
    int[] out = new int[64];
    int count = 0;
    int rest = n;
    int fours = 0;
    while (rest % 4 == 0) {
      fours++;
      rest /= 4;
    }
    boolean two = rest % 2 == 0;
    if (two) {
      rest /= 2;
    }
    if (RADIX8) {
      // 2^e as radix-8 levels first, the exponent left over as 4s and a 2; e = 3q + 1 takes
      // one 8 fewer, 2^4 as two 4s (a radix-2 pass costs about what a radix-4 pass does)
      int e = 2 * fours + (two ? 1 : 0);
      int eights = e / 3;
      int left = e % 3;
      if (left == 1 && eights > 0) {
        eights--;
        left += 3;
      }
      while (eights-- > 0) {
        out[count++] = 8;
      }
      fours = left / 2;
      two = left % 2 == 1;
    }
    while (fours-- > 0) {
      out[count++] = 4;
    }
    if (two) {
      out[count++] = 2;
    }
    while (rest % 3 == 0) {
      out[count++] = 3;
      rest /= 3;
    }
    while (rest % 5 == 0) {
      out[count++] = 5;
      rest /= 5;
    }
    while (rest % 7 == 0) {
      out[count++] = 7;
      rest /= 7;
    }
    return rest == 1 ? java.util.Arrays.copyOf(out, count) : null;
  }

  /**
   * The forward DFT of the block in {@code a} ({@code 2 n V} doubles: for each k, the V real
   * parts, then the V imaginary parts) into {@code b} (same size), in natural order; {@code a} is
   * overwritten. Returns {@code b}. The inverse DFT is {@code conj(forward(conj(x)))}, which
   * callers fold into their copies in and out. Full blocks skip the reordering: {@link #dif} and
   * copies out through {@link #perm}.
   */
  double[] forward(double[] a, double[] b) {
    dif(a);
    for (int k = 0; k < n; k++) {
      int i = 2 * V * perm[k];
      DoubleVector.fromArray(S, a, i).intoArray(b, 2 * V * k);
      DoubleVector.fromArray(S, a, i + V).intoArray(b, 2 * V * k + V);
    }
    return b;
  }

  /**
   * Where the V lines of a block live in a caller's array: element {@code e} of lane {@code v}
   * has its real part at {@code data[base + e * step + map[v]]} and its imaginary part
   * {@code imOff} further. Mutable and reused by a worker for all its blocks, so that blocks
   * allocate nothing.
   */
  static final class Lines {
    double[] data;
    int base;
    int step;
    int imOff;
    final int[] map = new int[V];
  }

  /**
   * Whether powers of two take radix-8 levels ({@link #dif8}): at 2 lanes only. First for a
   * length with an odd power of two, one radix-8 level in place of a radix-4 and the radix-2
   * level. A radix-2 pass costs about what a radix-4 pass does (a full pass through the block
   * either way): at 2 lanes it was 10-16% of
   * {@code fft} 256x1000 and {@code irfft} 256x1280 (async-profiler). One warm block at 2 lanes
   * (this AMD EPYC, {@code -XX:MaxVectorSize=16}, JVMs alternated, two a side): n = 1000
   * 1.26-1.34x faster, 640 1.35-1.43x, 200 1.35-1.38x, 2400 1.07-1.11x; end to end, one worker,
   * three pairs: {@code fft} 256x1000 1.05-1.24x, {@code rfft} 256x1280 1.08-1.28x,
   * {@code irfft} 256x1280 1.15-1.30x, {@code rfft} 256x1008 1.13-1.18x, 128x4800 0.98-1.18x.
   * At 8 lanes one block was slower (n = 1000 11.7-11.8 to 13.2-14.0 us) and at 4 mixed
   * (0.92-1.35x; end to end at 256 bits, three pairs, {@code fft} 256x1000 0.81-0.95x, the
   * real transforms within the noise). The 2-lane results therefore round differently from the
   * other widths' on these lengths (within the same tolerances).
   *
   * <p>At 2 lanes every power of two takes as many radix-8 levels as it can (4096 = 8^4 in place
   * of 4^6, 1024 = 8 8 4 4), since powers of two run on the blocks there too: one JVM switching
   * between the two factorizations every round (ten rounds, median of the rounds' ratios, one
   * worker, {@code -XX:MaxVectorSize=16}, 2026-12-08): {@code fft} 128x4096 1.07x faster,
   * 512x512 1.08x, 4096x64 1.08x, {@code rfft} 512x4096 1.03x; lengths it does not change
   * 0.995-1.008x ({@code fft} 256x1000, {@code rfft} 64x44100).
   */
  static final boolean RADIX8 = V == 2;

  /** Sub-block lengths up to which the remaining levels run breadth first in L1 (32 KB). */
  static final int LEAF = 32768 / (16 * V);

  /** The in-place forward DFT of the block, {@code X_k} left at element {@code perm[k]}. */
  void dif(double[] x) {
    difAt(x, 0);
  }

  /**
   * {@link #dif(double[])} of the block that starts at {@code x[o]} (its {@link CacheLines}
   * origin).
   */
  void difAt(double[] x, int o) {
    dif(x, o, 0, 0, n);
  }

  private void dif(double[] x, int o, int level, int base, int len) {
    if (len <= LEAF) {
      // breadth first inside the L1-resident sub-block: each level's twiddles broadcast once
      for (int lv = level, l = len; lv < radix.length; l /= radix[lv], lv++) {
        difPass(x, o, base, len, l, radix[lv], twRe[lv], twIm[lv], 0, l / radix[lv]);
      }
      return;
    }
    int r = radix[level];
    difPass(x, o, base, len, len, r, twRe[level], twIm[level], 0, len / r);
    for (int sub = 0; sub < r; sub++) {
      dif(x, o, level + 1, base + sub * (len / r), len / r);
    }
  }

  /**
   * {@link #dif(double[])} shared among {@code workers} threads: the first level's butterflies
   * split by their index j, then the r sub-blocks it leaves shared out. Every butterfly is the
   * same operation on the same data as in the one-thread order (they are independent within a
   * level), so the bits are those of {@link #dif(double[])} for any {@code workers}. For one huge
   * line ({@link LineFft}); a block of many lines is already parallel across blocks.
   */
  void dif(double[] x, int workers) {
    if (workers <= 1 || n <= LEAF) {
      dif(x);
      return;
    }
    int r = radix[0];
    int m = n / r;
    double[] tr = twRe[0];
    double[] ti = twIm[0];
    dev.numspark.parallel.WorkerPool.parallelFor(workers, m,
        (from, to) -> difPass(x, 0, 0, n, n, r, tr, ti, from, to));
    dev.numspark.parallel.WorkerPool.parallelFor(workers, r, 1, (from, to) -> {
      for (int sub = from; sub < to; sub++) {
        dif(x, 0, 1, sub * m, m);
      }
    });
  }

  /**
   * One level's butterflies {@code j in [jFrom, jTo)} (of {@code len / r}) over the sub-blocks of
   * length len in {@code [base, base+total)} of the block at {@code x[o]}.
   */
  private static void difPass(double[] x, int o, int base, int total, int len, int r,
      double[] tr, double[] ti, int jFrom, int jTo) {
    if (r != 7 && jTo - jFrom >= total / len) { // no more sub-blocks than j: see "Loop order"
      switch (r) {
        case 4 -> dif4j(x, o, base, total, len, tr, ti, jFrom, jTo);
        case 2 -> dif2j(x, o, base, total, len, tr, ti, jFrom, jTo);
        case 3 -> dif3j(x, o, base, total, len, tr, ti, jFrom, jTo);
        case 5 -> dif5j(x, o, base, total, len, tr, ti, jFrom, jTo);
        default -> dif8j(x, o, base, total, len, tr, ti, jFrom, jTo);
      }
      return;
    }
    switch (r) {
      case 4 -> dif4(x, o, base, total, len, tr, ti, jFrom, jTo);
      case 2 -> dif2(x, o, base, total, len, tr, ti, jFrom, jTo);
      case 3 -> dif3(x, o, base, total, len, tr, ti, jFrom, jTo);
      case 5 -> dif5(x, o, base, total, len, tr, ti, jFrom, jTo);
      case 8 -> dif8(x, o, base, total, len, tr, ti, jFrom, jTo);
      default -> dif7(x, o, base, total, len, tr, ti, jFrom, jTo);
    }
  }

  /**
   * The {@link #dif} result in x, times {@code (fr, fi)}, to the caller's output lines in
   * natural order ({@link LaneMoves#copyOutPairs8} for interleaved lines at 8 lanes,
   * {@link LaneMoves#scatterPairs} otherwise): the same values as {@link #forward} and a scaled
   * copy out.
   */
  void scatter(double[] x, Lines out, double fr, double fi) {
    scatterAt(x, 0, out, fr, fi);
  }

  /** {@link #scatter(double[], Lines, double, double)} of the block that starts at {@code x[o]}. */
  void scatterAt(double[] x, int o, Lines out, double fr, double fi) {
    if (LaneMoves.PAIRS && out.imOff == 1) {
      LaneMoves.copyOutPairs(x, o, perm, fr, fi, out.data, out.base, out.step, out.map);
      return;
    }
    DoubleVector vr = DoubleVector.broadcast(S, fr);
    DoubleVector vi = DoubleVector.broadcast(S, fi);
    double[] dst = out.data;
    int[] map = out.map;
    int im = out.imOff;
    double[] tile = new double[2 * V];
    for (int k = 0, d = out.base; k < n; k++, d += out.step) {
      int i = o + 2 * V * perm[k];
      LaneMoves.scatterPairs(DoubleVector.fromArray(S, x, i).mul(vr),
          DoubleVector.fromArray(S, x, i + V).mul(vi), tile, dst, d, im, map);
    }
  }

  // The butterflies: element j of each sub-block (length len = r m) with j + m, .., j + (r-1) m,
  // in place; output k (the sub-block of X_{r k' + k}) times W_len^(j k).
  //
  // Loop order. Where a level has at least as many butterflies per sub-block as sub-blocks (the
  // first levels of a block), the loop over j is innermost and each butterfly broadcasts its
  // twiddles: that loop steps by a constant (2 V doubles, 1 twiddle), which lets C2 hoist the
  // bounds checks and address arithmetic out of it; the loop over the sub-blocks steps by len, a
  // variable (written as a counted loop it measured no gain: the stride is what matters).
  // Elsewhere (the last levels: many short sub-blocks) the loop over the sub-blocks is innermost
  // and the twiddles are broadcast once per j. Measured end to end against the sub-block loop
  // innermost everywhere (2026-12-07, AMD EPYC Zen 4, JDK 17, one worker, two JVM pairs a width,
  // fft 256x1000, 256x1280, 128x4096, 16x1024, 256x4800, rfft 256x1280, 128x4800, irfft
  // 256x1280): 1.07-1.19x faster at 512 bits, 1.02-1.09x at 128, and at 256 1.02-1.17x in one
  // pair and 0.93-1.21x in the other (docs/fft-widths.md, "Loop order"); the j loop innermost at
  // every level was 0.84-1.0x. So radices 2, 3, 4, 5 and 8 write their butterfly twice, in two
  // methods (difNj, the j loop innermost), each compiled alone: one method with both orders made
  // dif8 at 2 lanes box after other lengths had run (the size limits below), and a helper shared
  // by both would have to pass vectors. Radix 7 keeps one order: a dif7j measured no gain on
  // lengths with a factor 7 (rfft 64x44100, fft 256x1764, 128x2744, rfft 256x1470: 0.67-1.03x).
  //
  // They call the Vector API directly, with no helper of ours that takes or returns a vector
  // (they once loaded through ld(x, i), broadcast through bc(t, i) and stored products through
  // mulStore(...)). C2 stops inlining ordinary methods into a compilation whose graph has reached
  // NodeCountInliningCutoff (18000 nodes), and a helper left as a call boxes every vector it
  // passes; the JDK's own @ForceInline vector methods are inlined later instead. Which
  // compilation reaches the cutoff depends on what ran first: after any fft of 4096 points (only
  // radix 4), Bluestein's convolve() and dif() inlined more, the helpers became calls, and
  // fft 128x1009 took 4.8-7.4 ms against 2.2 ms in a JVM that had not run 4096 first, for the
  // rest of the JVM's life (async-profiler: BlockBluestein.ld and BlockFft.ld compiled alone;
  // -XX:+PrintInlining: "NodeCountInliningCutoff"). Without the helpers: 2.2-2.5 ms either way.

  private static void dif4(double[] x, int o, int base, int total, int len, double[] tr,
      double[] ti, int jFrom, int jTo) {
    int m = len / 4;
    int d = 2 * m * V;
    for (int j = jFrom; j < jTo; j++) {
      int t = 3 * j;
      DoubleVector w1r = DoubleVector.broadcast(S, tr[t]);
      DoubleVector w1i = DoubleVector.broadcast(S, ti[t]);
      DoubleVector w2r = DoubleVector.broadcast(S, tr[t + 1]);
      DoubleVector w2i = DoubleVector.broadcast(S, ti[t + 1]);
      DoubleVector w3r = DoubleVector.broadcast(S, tr[t + 2]);
      DoubleVector w3i = DoubleVector.broadcast(S, ti[t + 2]);
      for (int g = base; g < base + total; g += len) {
        int i0 = o + 2 * (g + j) * V;
        DoubleVector ar = DoubleVector.fromArray(S, x, i0);
        DoubleVector ai = DoubleVector.fromArray(S, x, i0 + V);
        DoubleVector br = DoubleVector.fromArray(S, x, i0 + d);
        DoubleVector bi = DoubleVector.fromArray(S, x, i0 + d + V);
        DoubleVector cr = DoubleVector.fromArray(S, x, i0 + 2 * d);
        DoubleVector ci = DoubleVector.fromArray(S, x, i0 + 2 * d + V);
        DoubleVector dr = DoubleVector.fromArray(S, x, i0 + 3 * d);
        DoubleVector di = DoubleVector.fromArray(S, x, i0 + 3 * d + V);
        DoubleVector apcr = ar.add(cr);
        DoubleVector apci = ai.add(ci);
        DoubleVector amcr = ar.sub(cr);
        DoubleVector amci = ai.sub(ci);
        DoubleVector bpdr = br.add(dr);
        DoubleVector bpdi = bi.add(di);
        DoubleVector bmdr = br.sub(dr);
        DoubleVector bmdi = bi.sub(di);
        apcr.add(bpdr).intoArray(x, i0);
        apci.add(bpdi).intoArray(x, i0 + V);
        // y1 = (a - c) - i (b - d), y3 = (a - c) + i (b - d)
        DoubleVector y1r = amcr.add(bmdi);
        DoubleVector y1i = amci.sub(bmdr);
        y1r.fma(w1r, y1i.mul(w1i).neg()).intoArray(x, i0 + d);
        y1r.fma(w1i, y1i.mul(w1r)).intoArray(x, i0 + d + V);
        DoubleVector y2r = apcr.sub(bpdr);
        DoubleVector y2i = apci.sub(bpdi);
        y2r.fma(w2r, y2i.mul(w2i).neg()).intoArray(x, i0 + 2 * d);
        y2r.fma(w2i, y2i.mul(w2r)).intoArray(x, i0 + 2 * d + V);
        DoubleVector y3r = amcr.sub(bmdi);
        DoubleVector y3i = amci.add(bmdr);
        y3r.fma(w3r, y3i.mul(w3i).neg()).intoArray(x, i0 + 3 * d);
        y3r.fma(w3i, y3i.mul(w3r)).intoArray(x, i0 + 3 * d + V);
      }
    }
  }

  /** {@link #dif4} with the loop over j innermost (see "Loop order" above). */
  private static void dif4j(double[] x, int o, int base, int total, int len, double[] tr,
      double[] ti, int jFrom, int jTo) {
    int m = len / 4;
    int d = 2 * m * V;
    for (int g = base; g < base + total; g += len) {
      int gb = o + 2 * g * V;
      for (int j = jFrom; j < jTo; j++) {
        int i0 = gb + 2 * j * V;
        int t = 3 * j;
        DoubleVector w1r = DoubleVector.broadcast(S, tr[t]);
        DoubleVector w1i = DoubleVector.broadcast(S, ti[t]);
        DoubleVector w2r = DoubleVector.broadcast(S, tr[t + 1]);
        DoubleVector w2i = DoubleVector.broadcast(S, ti[t + 1]);
        DoubleVector w3r = DoubleVector.broadcast(S, tr[t + 2]);
        DoubleVector w3i = DoubleVector.broadcast(S, ti[t + 2]);
        DoubleVector ar = DoubleVector.fromArray(S, x, i0);
        DoubleVector ai = DoubleVector.fromArray(S, x, i0 + V);
        DoubleVector br = DoubleVector.fromArray(S, x, i0 + d);
        DoubleVector bi = DoubleVector.fromArray(S, x, i0 + d + V);
        DoubleVector cr = DoubleVector.fromArray(S, x, i0 + 2 * d);
        DoubleVector ci = DoubleVector.fromArray(S, x, i0 + 2 * d + V);
        DoubleVector dr = DoubleVector.fromArray(S, x, i0 + 3 * d);
        DoubleVector di = DoubleVector.fromArray(S, x, i0 + 3 * d + V);
        DoubleVector apcr = ar.add(cr);
        DoubleVector apci = ai.add(ci);
        DoubleVector amcr = ar.sub(cr);
        DoubleVector amci = ai.sub(ci);
        DoubleVector bpdr = br.add(dr);
        DoubleVector bpdi = bi.add(di);
        DoubleVector bmdr = br.sub(dr);
        DoubleVector bmdi = bi.sub(di);
        apcr.add(bpdr).intoArray(x, i0);
        apci.add(bpdi).intoArray(x, i0 + V);
        // y1 = (a - c) - i (b - d), y3 = (a - c) + i (b - d)
        DoubleVector y1r = amcr.add(bmdi);
        DoubleVector y1i = amci.sub(bmdr);
        y1r.fma(w1r, y1i.mul(w1i).neg()).intoArray(x, i0 + d);
        y1r.fma(w1i, y1i.mul(w1r)).intoArray(x, i0 + d + V);
        DoubleVector y2r = apcr.sub(bpdr);
        DoubleVector y2i = apci.sub(bpdi);
        y2r.fma(w2r, y2i.mul(w2i).neg()).intoArray(x, i0 + 2 * d);
        y2r.fma(w2i, y2i.mul(w2r)).intoArray(x, i0 + 2 * d + V);
        DoubleVector y3r = amcr.sub(bmdi);
        DoubleVector y3i = amci.add(bmdr);
        y3r.fma(w3r, y3i.mul(w3i).neg()).intoArray(x, i0 + 3 * d);
        y3r.fma(w3i, y3i.mul(w3r)).intoArray(x, i0 + 3 * d + V);
      }
    }
  }

  /**
   * Radix 8 in one pass ({@link #RADIX8}: at 2 lanes, in place of a radix 4 and a radix 2): with
   * {@code a_n = x_n + x_n+4} and {@code b_n = (x_n - x_n+4) W_8^n} (n = 0..3), the even outputs
   * {@code y_2k} are the 4-point DFT of a and the odd outputs {@code y_2k+1} that of b, each but
   * y0 times its twiddle. Written with the Vector API alone, as {@link #dif5}.
   */
  private static void dif8(double[] x, int o, int base, int total, int len, double[] tr,
      double[] ti, int jFrom, int jTo) {
    int d = 2 * (len / 8) * V;
    DoubleVector h = DoubleVector.broadcast(S, R12);
    DoubleVector nh = DoubleVector.broadcast(S, -R12);
    for (int j = jFrom; j < jTo; j++) {
      int t = 7 * j;
      DoubleVector w1r = DoubleVector.fromArray(S, tr, t * V);
      DoubleVector w1i = DoubleVector.fromArray(S, ti, t * V);
      DoubleVector w2r = DoubleVector.fromArray(S, tr, (t + 1) * V);
      DoubleVector w2i = DoubleVector.fromArray(S, ti, (t + 1) * V);
      DoubleVector w3r = DoubleVector.fromArray(S, tr, (t + 2) * V);
      DoubleVector w3i = DoubleVector.fromArray(S, ti, (t + 2) * V);
      DoubleVector w4r = DoubleVector.fromArray(S, tr, (t + 3) * V);
      DoubleVector w4i = DoubleVector.fromArray(S, ti, (t + 3) * V);
      DoubleVector w5r = DoubleVector.fromArray(S, tr, (t + 4) * V);
      DoubleVector w5i = DoubleVector.fromArray(S, ti, (t + 4) * V);
      DoubleVector w6r = DoubleVector.fromArray(S, tr, (t + 5) * V);
      DoubleVector w6i = DoubleVector.fromArray(S, ti, (t + 5) * V);
      DoubleVector w7r = DoubleVector.fromArray(S, tr, (t + 6) * V);
      DoubleVector w7i = DoubleVector.fromArray(S, ti, (t + 6) * V);
      for (int g = base; g < base + total; g += len) {
        int i0 = o + 2 * (g + j) * V;
        DoubleVector x0r = DoubleVector.fromArray(S, x, i0);
        DoubleVector x0i = DoubleVector.fromArray(S, x, i0 + V);
        DoubleVector x4r = DoubleVector.fromArray(S, x, i0 + 4 * d);
        DoubleVector x4i = DoubleVector.fromArray(S, x, i0 + 4 * d + V);
        DoubleVector a0r = x0r.add(x4r);
        DoubleVector a0i = x0i.add(x4i);
        DoubleVector b0r = x0r.sub(x4r);
        DoubleVector b0i = x0i.sub(x4i);
        DoubleVector x1r = DoubleVector.fromArray(S, x, i0 + d);
        DoubleVector x1i = DoubleVector.fromArray(S, x, i0 + d + V);
        DoubleVector x5r = DoubleVector.fromArray(S, x, i0 + 5 * d);
        DoubleVector x5i = DoubleVector.fromArray(S, x, i0 + 5 * d + V);
        DoubleVector a1r = x1r.add(x5r);
        DoubleVector a1i = x1i.add(x5i);
        DoubleVector d1r = x1r.sub(x5r);
        DoubleVector d1i = x1i.sub(x5i);
        // b1 = d1 W_8 = (d1r + d1i) / sqrt 2 + i (d1i - d1r) / sqrt 2
        DoubleVector b1r = d1r.add(d1i).mul(h);
        DoubleVector b1i = d1i.sub(d1r).mul(h);
        DoubleVector x2r = DoubleVector.fromArray(S, x, i0 + 2 * d);
        DoubleVector x2i = DoubleVector.fromArray(S, x, i0 + 2 * d + V);
        DoubleVector x6r = DoubleVector.fromArray(S, x, i0 + 6 * d);
        DoubleVector x6i = DoubleVector.fromArray(S, x, i0 + 6 * d + V);
        DoubleVector a2r = x2r.add(x6r);
        DoubleVector a2i = x2i.add(x6i);
        // b2 = d2 W_8^2 = -i d2
        DoubleVector b2r = x2i.sub(x6i);
        DoubleVector b2i = x6r.sub(x2r);
        DoubleVector x3r = DoubleVector.fromArray(S, x, i0 + 3 * d);
        DoubleVector x3i = DoubleVector.fromArray(S, x, i0 + 3 * d + V);
        DoubleVector x7r = DoubleVector.fromArray(S, x, i0 + 7 * d);
        DoubleVector x7i = DoubleVector.fromArray(S, x, i0 + 7 * d + V);
        DoubleVector a3r = x3r.add(x7r);
        DoubleVector a3i = x3i.add(x7i);
        DoubleVector d3r = x3r.sub(x7r);
        DoubleVector d3i = x3i.sub(x7i);
        // b3 = d3 W_8^3 = (d3i - d3r) / sqrt 2 - i (d3r + d3i) / sqrt 2
        DoubleVector b3r = d3i.sub(d3r).mul(h);
        DoubleVector b3i = d3r.add(d3i).mul(nh);
        // even outputs: the 4-point DFT of a
        DoubleVector sr = a0r.add(a2r);
        DoubleVector si = a0i.add(a2i);
        DoubleVector mr = a0r.sub(a2r);
        DoubleVector mi = a0i.sub(a2i);
        DoubleVector tr2 = a1r.add(a3r);
        DoubleVector ti2 = a1i.add(a3i);
        DoubleVector ur = a1r.sub(a3r);
        DoubleVector ui = a1i.sub(a3i);
        sr.add(tr2).intoArray(x, i0);
        si.add(ti2).intoArray(x, i0 + V);
        DoubleVector yr = mr.add(ui);
        DoubleVector yi = mi.sub(ur);
        yr.fma(w2r, yi.mul(w2i).neg()).intoArray(x, i0 + 2 * d);
        yr.fma(w2i, yi.mul(w2r)).intoArray(x, i0 + 2 * d + V);
        yr = sr.sub(tr2);
        yi = si.sub(ti2);
        yr.fma(w4r, yi.mul(w4i).neg()).intoArray(x, i0 + 4 * d);
        yr.fma(w4i, yi.mul(w4r)).intoArray(x, i0 + 4 * d + V);
        yr = mr.sub(ui);
        yi = mi.add(ur);
        yr.fma(w6r, yi.mul(w6i).neg()).intoArray(x, i0 + 6 * d);
        yr.fma(w6i, yi.mul(w6r)).intoArray(x, i0 + 6 * d + V);
        // odd outputs: the 4-point DFT of b
        sr = b0r.add(b2r);
        si = b0i.add(b2i);
        mr = b0r.sub(b2r);
        mi = b0i.sub(b2i);
        tr2 = b1r.add(b3r);
        ti2 = b1i.add(b3i);
        ur = b1r.sub(b3r);
        ui = b1i.sub(b3i);
        yr = sr.add(tr2);
        yi = si.add(ti2);
        yr.fma(w1r, yi.mul(w1i).neg()).intoArray(x, i0 + d);
        yr.fma(w1i, yi.mul(w1r)).intoArray(x, i0 + d + V);
        yr = mr.add(ui);
        yi = mi.sub(ur);
        yr.fma(w3r, yi.mul(w3i).neg()).intoArray(x, i0 + 3 * d);
        yr.fma(w3i, yi.mul(w3r)).intoArray(x, i0 + 3 * d + V);
        yr = sr.sub(tr2);
        yi = si.sub(ti2);
        yr.fma(w5r, yi.mul(w5i).neg()).intoArray(x, i0 + 5 * d);
        yr.fma(w5i, yi.mul(w5r)).intoArray(x, i0 + 5 * d + V);
        yr = mr.sub(ui);
        yi = mi.add(ur);
        yr.fma(w7r, yi.mul(w7i).neg()).intoArray(x, i0 + 7 * d);
        yr.fma(w7i, yi.mul(w7r)).intoArray(x, i0 + 7 * d + V);
      }
    }
  }

  /** {@link #dif8} with the loop over j innermost (see "Loop order" above). */
  private static void dif8j(double[] x, int o, int base, int total, int len, double[] tr,
      double[] ti, int jFrom, int jTo) {
    int d = 2 * (len / 8) * V;
    DoubleVector h = DoubleVector.broadcast(S, R12);
    DoubleVector nh = DoubleVector.broadcast(S, -R12);
    for (int g = base; g < base + total; g += len) {
      int gb = o + 2 * g * V;
      for (int j = jFrom; j < jTo; j++) {
        int i0 = gb + 2 * j * V;
        int t = 7 * j;
        DoubleVector w1r = DoubleVector.fromArray(S, tr, t * V);
        DoubleVector w1i = DoubleVector.fromArray(S, ti, t * V);
        DoubleVector w2r = DoubleVector.fromArray(S, tr, (t + 1) * V);
        DoubleVector w2i = DoubleVector.fromArray(S, ti, (t + 1) * V);
        DoubleVector w3r = DoubleVector.fromArray(S, tr, (t + 2) * V);
        DoubleVector w3i = DoubleVector.fromArray(S, ti, (t + 2) * V);
        DoubleVector w4r = DoubleVector.fromArray(S, tr, (t + 3) * V);
        DoubleVector w4i = DoubleVector.fromArray(S, ti, (t + 3) * V);
        DoubleVector w5r = DoubleVector.fromArray(S, tr, (t + 4) * V);
        DoubleVector w5i = DoubleVector.fromArray(S, ti, (t + 4) * V);
        DoubleVector w6r = DoubleVector.fromArray(S, tr, (t + 5) * V);
        DoubleVector w6i = DoubleVector.fromArray(S, ti, (t + 5) * V);
        DoubleVector w7r = DoubleVector.fromArray(S, tr, (t + 6) * V);
        DoubleVector w7i = DoubleVector.fromArray(S, ti, (t + 6) * V);
        DoubleVector x0r = DoubleVector.fromArray(S, x, i0);
        DoubleVector x0i = DoubleVector.fromArray(S, x, i0 + V);
        DoubleVector x4r = DoubleVector.fromArray(S, x, i0 + 4 * d);
        DoubleVector x4i = DoubleVector.fromArray(S, x, i0 + 4 * d + V);
        DoubleVector a0r = x0r.add(x4r);
        DoubleVector a0i = x0i.add(x4i);
        DoubleVector b0r = x0r.sub(x4r);
        DoubleVector b0i = x0i.sub(x4i);
        DoubleVector x1r = DoubleVector.fromArray(S, x, i0 + d);
        DoubleVector x1i = DoubleVector.fromArray(S, x, i0 + d + V);
        DoubleVector x5r = DoubleVector.fromArray(S, x, i0 + 5 * d);
        DoubleVector x5i = DoubleVector.fromArray(S, x, i0 + 5 * d + V);
        DoubleVector a1r = x1r.add(x5r);
        DoubleVector a1i = x1i.add(x5i);
        DoubleVector d1r = x1r.sub(x5r);
        DoubleVector d1i = x1i.sub(x5i);
        // b1 = d1 W_8 = (d1r + d1i) / sqrt 2 + i (d1i - d1r) / sqrt 2
        DoubleVector b1r = d1r.add(d1i).mul(h);
        DoubleVector b1i = d1i.sub(d1r).mul(h);
        DoubleVector x2r = DoubleVector.fromArray(S, x, i0 + 2 * d);
        DoubleVector x2i = DoubleVector.fromArray(S, x, i0 + 2 * d + V);
        DoubleVector x6r = DoubleVector.fromArray(S, x, i0 + 6 * d);
        DoubleVector x6i = DoubleVector.fromArray(S, x, i0 + 6 * d + V);
        DoubleVector a2r = x2r.add(x6r);
        DoubleVector a2i = x2i.add(x6i);
        // b2 = d2 W_8^2 = -i d2
        DoubleVector b2r = x2i.sub(x6i);
        DoubleVector b2i = x6r.sub(x2r);
        DoubleVector x3r = DoubleVector.fromArray(S, x, i0 + 3 * d);
        DoubleVector x3i = DoubleVector.fromArray(S, x, i0 + 3 * d + V);
        DoubleVector x7r = DoubleVector.fromArray(S, x, i0 + 7 * d);
        DoubleVector x7i = DoubleVector.fromArray(S, x, i0 + 7 * d + V);
        DoubleVector a3r = x3r.add(x7r);
        DoubleVector a3i = x3i.add(x7i);
        DoubleVector d3r = x3r.sub(x7r);
        DoubleVector d3i = x3i.sub(x7i);
        // b3 = d3 W_8^3 = (d3i - d3r) / sqrt 2 - i (d3r + d3i) / sqrt 2
        DoubleVector b3r = d3i.sub(d3r).mul(h);
        DoubleVector b3i = d3r.add(d3i).mul(nh);
        // even outputs: the 4-point DFT of a
        DoubleVector sr = a0r.add(a2r);
        DoubleVector si = a0i.add(a2i);
        DoubleVector mr = a0r.sub(a2r);
        DoubleVector mi = a0i.sub(a2i);
        DoubleVector tr2 = a1r.add(a3r);
        DoubleVector ti2 = a1i.add(a3i);
        DoubleVector ur = a1r.sub(a3r);
        DoubleVector ui = a1i.sub(a3i);
        sr.add(tr2).intoArray(x, i0);
        si.add(ti2).intoArray(x, i0 + V);
        DoubleVector yr = mr.add(ui);
        DoubleVector yi = mi.sub(ur);
        yr.fma(w2r, yi.mul(w2i).neg()).intoArray(x, i0 + 2 * d);
        yr.fma(w2i, yi.mul(w2r)).intoArray(x, i0 + 2 * d + V);
        yr = sr.sub(tr2);
        yi = si.sub(ti2);
        yr.fma(w4r, yi.mul(w4i).neg()).intoArray(x, i0 + 4 * d);
        yr.fma(w4i, yi.mul(w4r)).intoArray(x, i0 + 4 * d + V);
        yr = mr.sub(ui);
        yi = mi.add(ur);
        yr.fma(w6r, yi.mul(w6i).neg()).intoArray(x, i0 + 6 * d);
        yr.fma(w6i, yi.mul(w6r)).intoArray(x, i0 + 6 * d + V);
        // odd outputs: the 4-point DFT of b
        sr = b0r.add(b2r);
        si = b0i.add(b2i);
        mr = b0r.sub(b2r);
        mi = b0i.sub(b2i);
        tr2 = b1r.add(b3r);
        ti2 = b1i.add(b3i);
        ur = b1r.sub(b3r);
        ui = b1i.sub(b3i);
        yr = sr.add(tr2);
        yi = si.add(ti2);
        yr.fma(w1r, yi.mul(w1i).neg()).intoArray(x, i0 + d);
        yr.fma(w1i, yi.mul(w1r)).intoArray(x, i0 + d + V);
        yr = mr.add(ui);
        yi = mi.sub(ur);
        yr.fma(w3r, yi.mul(w3i).neg()).intoArray(x, i0 + 3 * d);
        yr.fma(w3i, yi.mul(w3r)).intoArray(x, i0 + 3 * d + V);
        yr = sr.sub(tr2);
        yi = si.sub(ti2);
        yr.fma(w5r, yi.mul(w5i).neg()).intoArray(x, i0 + 5 * d);
        yr.fma(w5i, yi.mul(w5r)).intoArray(x, i0 + 5 * d + V);
        yr = mr.sub(ui);
        yi = mi.add(ur);
        yr.fma(w7r, yi.mul(w7i).neg()).intoArray(x, i0 + 7 * d);
        yr.fma(w7i, yi.mul(w7r)).intoArray(x, i0 + 7 * d + V);
      }
    }
  }

  private static void dif2(double[] x, int o, int base, int total, int len, double[] tr,
      double[] ti, int jFrom, int jTo) {
    int m = len / 2;
    int d = 2 * m * V;
    for (int j = jFrom; j < jTo; j++) {
      DoubleVector w1r = DoubleVector.broadcast(S, tr[j]);
      DoubleVector w1i = DoubleVector.broadcast(S, ti[j]);
      for (int g = base; g < base + total; g += len) {
        int i0 = o + 2 * (g + j) * V;
        DoubleVector ar = DoubleVector.fromArray(S, x, i0);
        DoubleVector ai = DoubleVector.fromArray(S, x, i0 + V);
        DoubleVector br = DoubleVector.fromArray(S, x, i0 + d);
        DoubleVector bi = DoubleVector.fromArray(S, x, i0 + d + V);
        ar.add(br).intoArray(x, i0);
        ai.add(bi).intoArray(x, i0 + V);
        DoubleVector y1r = ar.sub(br);
        DoubleVector y1i = ai.sub(bi);
        y1r.fma(w1r, y1i.mul(w1i).neg()).intoArray(x, i0 + d);
        y1r.fma(w1i, y1i.mul(w1r)).intoArray(x, i0 + d + V);
      }
    }
  }

  /** {@link #dif2} with the loop over j innermost (see "Loop order" above). */
  private static void dif2j(double[] x, int o, int base, int total, int len, double[] tr,
      double[] ti, int jFrom, int jTo) {
    int m = len / 2;
    int d = 2 * m * V;
    for (int g = base; g < base + total; g += len) {
      int gb = o + 2 * g * V;
      for (int j = jFrom; j < jTo; j++) {
        int i0 = gb + 2 * j * V;
        DoubleVector w1r = DoubleVector.broadcast(S, tr[j]);
        DoubleVector w1i = DoubleVector.broadcast(S, ti[j]);
        DoubleVector ar = DoubleVector.fromArray(S, x, i0);
        DoubleVector ai = DoubleVector.fromArray(S, x, i0 + V);
        DoubleVector br = DoubleVector.fromArray(S, x, i0 + d);
        DoubleVector bi = DoubleVector.fromArray(S, x, i0 + d + V);
        ar.add(br).intoArray(x, i0);
        ai.add(bi).intoArray(x, i0 + V);
        DoubleVector y1r = ar.sub(br);
        DoubleVector y1i = ai.sub(bi);
        y1r.fma(w1r, y1i.mul(w1i).neg()).intoArray(x, i0 + d);
        y1r.fma(w1i, y1i.mul(w1r)).intoArray(x, i0 + d + V);
      }
    }
  }

  private static void dif3(double[] x, int o, int base, int total, int len, double[] tr,
      double[] ti, int jFrom, int jTo) {
    int m = len / 3;
    int d = 2 * m * V;
    for (int j = jFrom; j < jTo; j++) {
      int t = 2 * j;
      DoubleVector w1r = DoubleVector.broadcast(S, tr[t]);
      DoubleVector w1i = DoubleVector.broadcast(S, ti[t]);
      DoubleVector w2r = DoubleVector.broadcast(S, tr[t + 1]);
      DoubleVector w2i = DoubleVector.broadcast(S, ti[t + 1]);
      for (int g = base; g < base + total; g += len) {
        int i0 = o + 2 * (g + j) * V;
        DoubleVector ar = DoubleVector.fromArray(S, x, i0);
        DoubleVector ai = DoubleVector.fromArray(S, x, i0 + V);
        DoubleVector br = DoubleVector.fromArray(S, x, i0 + d);
        DoubleVector bi = DoubleVector.fromArray(S, x, i0 + d + V);
        DoubleVector cr = DoubleVector.fromArray(S, x, i0 + 2 * d);
        DoubleVector ci = DoubleVector.fromArray(S, x, i0 + 2 * d + V);
        DoubleVector sr = br.add(cr);
        DoubleVector si = bi.add(ci);
        DoubleVector hr = ar.sub(sr.mul(0.5));
        DoubleVector hi = ai.sub(si.mul(0.5));
        DoubleVector dr = br.sub(cr).mul(S3);
        DoubleVector di = bi.sub(ci).mul(S3);
        ar.add(sr).intoArray(x, i0);
        ai.add(si).intoArray(x, i0 + V);
        // y1 = h - i (sqrt3/2)(b - c), y2 = h + i (sqrt3/2)(b - c)
        DoubleVector y1r = hr.add(di);
        DoubleVector y1i = hi.sub(dr);
        y1r.fma(w1r, y1i.mul(w1i).neg()).intoArray(x, i0 + d);
        y1r.fma(w1i, y1i.mul(w1r)).intoArray(x, i0 + d + V);
        DoubleVector y2r = hr.sub(di);
        DoubleVector y2i = hi.add(dr);
        y2r.fma(w2r, y2i.mul(w2i).neg()).intoArray(x, i0 + 2 * d);
        y2r.fma(w2i, y2i.mul(w2r)).intoArray(x, i0 + 2 * d + V);
      }
    }
  }

  /** {@link #dif3} with the loop over j innermost (see "Loop order" above). */
  private static void dif3j(double[] x, int o, int base, int total, int len, double[] tr,
      double[] ti, int jFrom, int jTo) {
    int m = len / 3;
    int d = 2 * m * V;
    for (int g = base; g < base + total; g += len) {
      int gb = o + 2 * g * V;
      for (int j = jFrom; j < jTo; j++) {
        int i0 = gb + 2 * j * V;
        int t = 2 * j;
        DoubleVector w1r = DoubleVector.broadcast(S, tr[t]);
        DoubleVector w1i = DoubleVector.broadcast(S, ti[t]);
        DoubleVector w2r = DoubleVector.broadcast(S, tr[t + 1]);
        DoubleVector w2i = DoubleVector.broadcast(S, ti[t + 1]);
        DoubleVector ar = DoubleVector.fromArray(S, x, i0);
        DoubleVector ai = DoubleVector.fromArray(S, x, i0 + V);
        DoubleVector br = DoubleVector.fromArray(S, x, i0 + d);
        DoubleVector bi = DoubleVector.fromArray(S, x, i0 + d + V);
        DoubleVector cr = DoubleVector.fromArray(S, x, i0 + 2 * d);
        DoubleVector ci = DoubleVector.fromArray(S, x, i0 + 2 * d + V);
        DoubleVector sr = br.add(cr);
        DoubleVector si = bi.add(ci);
        DoubleVector hr = ar.sub(sr.mul(0.5));
        DoubleVector hi = ai.sub(si.mul(0.5));
        DoubleVector dr = br.sub(cr).mul(S3);
        DoubleVector di = bi.sub(ci).mul(S3);
        ar.add(sr).intoArray(x, i0);
        ai.add(si).intoArray(x, i0 + V);
        // y1 = h - i (sqrt3/2)(b - c), y2 = h + i (sqrt3/2)(b - c)
        DoubleVector y1r = hr.add(di);
        DoubleVector y1i = hi.sub(dr);
        y1r.fma(w1r, y1i.mul(w1i).neg()).intoArray(x, i0 + d);
        y1r.fma(w1i, y1i.mul(w1r)).intoArray(x, i0 + d + V);
        DoubleVector y2r = hr.sub(di);
        DoubleVector y2i = hi.add(dr);
        y2r.fma(w2r, y2i.mul(w2i).neg()).intoArray(x, i0 + 2 * d);
        y2r.fma(w2i, y2i.mul(w2r)).intoArray(x, i0 + 2 * d + V);
      }
    }
  }

  /**
   * Radix 5, one pass in registers like {@link #dif4}: with {@code a..e} the five elements,
   * {@code t1 = b + e}, {@code t2 = c + d}, {@code t3 = b - e}, {@code t4 = c - d},
   * {@code y0 = a + (t1 + t2)}, and {@code y1,4 = p1 -/+ i q1}, {@code y2,3 = p2 -/+ i q2} with
   * {@code p1 = a + c1 t1 + c2 t2}, {@code p2 = a + c2 t1 + c1 t2}, {@code q1 = s1 t3 + s2 t4},
   * {@code q2 = s2 t3 - s1 t4} ({@code ck + i sk = exp(2 pi i k / 5)}), each output but y0 then
   * times its twiddle. The imaginary part of a twiddle is broadcast negated for the real part of
   * the product ({@code y_i (-w_i)} is exactly {@code -(y_i w_i)}).
   *
   * <p>At 1004 bytes of bytecode C2 never inlines this method into its callers ("hot method too
   * big" in {@code -XX:+PrintInlining}), so it is always compiled alone, where every vector
   * operation in it is intrinsified (no boxing; {@code BlockFftTest} checks that a warm radix-5
   * block allocates nothing). It replaced two sweeps of smaller steps that passed p and q
   * through the block (five extra stores and loads a butterfly), written when a one-method
   * radix 5 still went through helper methods and boxed; same operations in the same order, so
   * the same bits. One warm block, 2026-12-07, AMD EPYC Zen 4: n = 1000 1.25-1.4x faster at 8
   * lanes, 1.2-1.45x at 2, about the same at 4; 3125 (radix-5 levels over L2) 1.45x at 8 lanes
   * and 2 (docs/fft.md, "Radix 5 in one pass").
   */
  private static void dif5(double[] x, int o, int base, int total, int len, double[] tr,
      double[] ti, int jFrom, int jTo) {
    int d = 2 * (len / 5) * V;
    DoubleVector c1 = DoubleVector.broadcast(S, C51);
    DoubleVector c2 = DoubleVector.broadcast(S, C52);
    DoubleVector s1 = DoubleVector.broadcast(S, S51);
    DoubleVector s2 = DoubleVector.broadcast(S, S52);
    DoubleVector ns1 = DoubleVector.broadcast(S, -S51);
    for (int j = jFrom; j < jTo; j++) {
      int t = 4 * j;
      DoubleVector w1r = DoubleVector.broadcast(S, tr[t]);
      DoubleVector w1i = DoubleVector.broadcast(S, ti[t]);
      DoubleVector n1i = DoubleVector.broadcast(S, -ti[t]);
      DoubleVector w2r = DoubleVector.broadcast(S, tr[t + 1]);
      DoubleVector w2i = DoubleVector.broadcast(S, ti[t + 1]);
      DoubleVector n2i = DoubleVector.broadcast(S, -ti[t + 1]);
      DoubleVector w3r = DoubleVector.broadcast(S, tr[t + 2]);
      DoubleVector w3i = DoubleVector.broadcast(S, ti[t + 2]);
      DoubleVector n3i = DoubleVector.broadcast(S, -ti[t + 2]);
      DoubleVector w4r = DoubleVector.broadcast(S, tr[t + 3]);
      DoubleVector w4i = DoubleVector.broadcast(S, ti[t + 3]);
      DoubleVector n4i = DoubleVector.broadcast(S, -ti[t + 3]);
      for (int g = base; g < base + total; g += len) {
        int i0 = o + 2 * (g + j) * V;
        DoubleVector ar = DoubleVector.fromArray(S, x, i0);
        DoubleVector br = DoubleVector.fromArray(S, x, i0 + d);
        DoubleVector cr = DoubleVector.fromArray(S, x, i0 + 2 * d);
        DoubleVector dr = DoubleVector.fromArray(S, x, i0 + 3 * d);
        DoubleVector er = DoubleVector.fromArray(S, x, i0 + 4 * d);
        DoubleVector ai = DoubleVector.fromArray(S, x, i0 + V);
        DoubleVector bi = DoubleVector.fromArray(S, x, i0 + d + V);
        DoubleVector ci = DoubleVector.fromArray(S, x, i0 + 2 * d + V);
        DoubleVector di = DoubleVector.fromArray(S, x, i0 + 3 * d + V);
        DoubleVector ei = DoubleVector.fromArray(S, x, i0 + 4 * d + V);
        DoubleVector t1r = br.add(er);
        DoubleVector t2r = cr.add(dr);
        DoubleVector t3r = br.sub(er);
        DoubleVector t4r = cr.sub(dr);
        DoubleVector t1i = bi.add(ei);
        DoubleVector t2i = ci.add(di);
        DoubleVector t3i = bi.sub(ei);
        DoubleVector t4i = ci.sub(di);
        ar.add(t1r.add(t2r)).intoArray(x, i0);
        ai.add(t1i.add(t2i)).intoArray(x, i0 + V);
        DoubleVector p1r = t2r.fma(c2, t1r.fma(c1, ar));
        DoubleVector p1i = t2i.fma(c2, t1i.fma(c1, ai));
        DoubleVector q1r = t4r.fma(s2, t3r.mul(s1));
        DoubleVector q1i = t4i.fma(s2, t3i.mul(s1));
        DoubleVector y1r = p1r.add(q1i);
        DoubleVector y1i = p1i.sub(q1r);
        y1r.fma(w1r, y1i.mul(n1i)).intoArray(x, i0 + d);
        y1r.fma(w1i, y1i.mul(w1r)).intoArray(x, i0 + d + V);
        DoubleVector y4r = p1r.sub(q1i);
        DoubleVector y4i = p1i.add(q1r);
        y4r.fma(w4r, y4i.mul(n4i)).intoArray(x, i0 + 4 * d);
        y4r.fma(w4i, y4i.mul(w4r)).intoArray(x, i0 + 4 * d + V);
        DoubleVector p2r = t2r.fma(c1, t1r.fma(c2, ar));
        DoubleVector p2i = t2i.fma(c1, t1i.fma(c2, ai));
        DoubleVector q2r = t4r.fma(ns1, t3r.mul(s2));
        DoubleVector q2i = t4i.fma(ns1, t3i.mul(s2));
        DoubleVector y2r = p2r.add(q2i);
        DoubleVector y2i = p2i.sub(q2r);
        y2r.fma(w2r, y2i.mul(n2i)).intoArray(x, i0 + 2 * d);
        y2r.fma(w2i, y2i.mul(w2r)).intoArray(x, i0 + 2 * d + V);
        DoubleVector y3r = p2r.sub(q2i);
        DoubleVector y3i = p2i.add(q2r);
        y3r.fma(w3r, y3i.mul(n3i)).intoArray(x, i0 + 3 * d);
        y3r.fma(w3i, y3i.mul(w3r)).intoArray(x, i0 + 3 * d + V);
      }
    }
  }

  /** {@link #dif5} with the loop over j innermost (see "Loop order" above). */
  private static void dif5j(double[] x, int o, int base, int total, int len, double[] tr,
      double[] ti, int jFrom, int jTo) {
    int d = 2 * (len / 5) * V;
    DoubleVector c1 = DoubleVector.broadcast(S, C51);
    DoubleVector c2 = DoubleVector.broadcast(S, C52);
    DoubleVector s1 = DoubleVector.broadcast(S, S51);
    DoubleVector s2 = DoubleVector.broadcast(S, S52);
    DoubleVector ns1 = DoubleVector.broadcast(S, -S51);
    for (int g = base; g < base + total; g += len) {
      int gb = o + 2 * g * V;
      for (int j = jFrom; j < jTo; j++) {
        int i0 = gb + 2 * j * V;
        int t = 4 * j;
        DoubleVector w1r = DoubleVector.broadcast(S, tr[t]);
        DoubleVector w1i = DoubleVector.broadcast(S, ti[t]);
        DoubleVector n1i = DoubleVector.broadcast(S, -ti[t]);
        DoubleVector w2r = DoubleVector.broadcast(S, tr[t + 1]);
        DoubleVector w2i = DoubleVector.broadcast(S, ti[t + 1]);
        DoubleVector n2i = DoubleVector.broadcast(S, -ti[t + 1]);
        DoubleVector w3r = DoubleVector.broadcast(S, tr[t + 2]);
        DoubleVector w3i = DoubleVector.broadcast(S, ti[t + 2]);
        DoubleVector n3i = DoubleVector.broadcast(S, -ti[t + 2]);
        DoubleVector w4r = DoubleVector.broadcast(S, tr[t + 3]);
        DoubleVector w4i = DoubleVector.broadcast(S, ti[t + 3]);
        DoubleVector n4i = DoubleVector.broadcast(S, -ti[t + 3]);
        DoubleVector ar = DoubleVector.fromArray(S, x, i0);
        DoubleVector br = DoubleVector.fromArray(S, x, i0 + d);
        DoubleVector cr = DoubleVector.fromArray(S, x, i0 + 2 * d);
        DoubleVector dr = DoubleVector.fromArray(S, x, i0 + 3 * d);
        DoubleVector er = DoubleVector.fromArray(S, x, i0 + 4 * d);
        DoubleVector ai = DoubleVector.fromArray(S, x, i0 + V);
        DoubleVector bi = DoubleVector.fromArray(S, x, i0 + d + V);
        DoubleVector ci = DoubleVector.fromArray(S, x, i0 + 2 * d + V);
        DoubleVector di = DoubleVector.fromArray(S, x, i0 + 3 * d + V);
        DoubleVector ei = DoubleVector.fromArray(S, x, i0 + 4 * d + V);
        DoubleVector t1r = br.add(er);
        DoubleVector t2r = cr.add(dr);
        DoubleVector t3r = br.sub(er);
        DoubleVector t4r = cr.sub(dr);
        DoubleVector t1i = bi.add(ei);
        DoubleVector t2i = ci.add(di);
        DoubleVector t3i = bi.sub(ei);
        DoubleVector t4i = ci.sub(di);
        ar.add(t1r.add(t2r)).intoArray(x, i0);
        ai.add(t1i.add(t2i)).intoArray(x, i0 + V);
        DoubleVector p1r = t2r.fma(c2, t1r.fma(c1, ar));
        DoubleVector p1i = t2i.fma(c2, t1i.fma(c1, ai));
        DoubleVector q1r = t4r.fma(s2, t3r.mul(s1));
        DoubleVector q1i = t4i.fma(s2, t3i.mul(s1));
        DoubleVector y1r = p1r.add(q1i);
        DoubleVector y1i = p1i.sub(q1r);
        y1r.fma(w1r, y1i.mul(n1i)).intoArray(x, i0 + d);
        y1r.fma(w1i, y1i.mul(w1r)).intoArray(x, i0 + d + V);
        DoubleVector y4r = p1r.sub(q1i);
        DoubleVector y4i = p1i.add(q1r);
        y4r.fma(w4r, y4i.mul(n4i)).intoArray(x, i0 + 4 * d);
        y4r.fma(w4i, y4i.mul(w4r)).intoArray(x, i0 + 4 * d + V);
        DoubleVector p2r = t2r.fma(c1, t1r.fma(c2, ar));
        DoubleVector p2i = t2i.fma(c1, t1i.fma(c2, ai));
        DoubleVector q2r = t4r.fma(ns1, t3r.mul(s2));
        DoubleVector q2i = t4i.fma(ns1, t3i.mul(s2));
        DoubleVector y2r = p2r.add(q2i);
        DoubleVector y2i = p2i.sub(q2r);
        y2r.fma(w2r, y2i.mul(n2i)).intoArray(x, i0 + 2 * d);
        y2r.fma(w2i, y2i.mul(w2r)).intoArray(x, i0 + 2 * d + V);
        DoubleVector y3r = p2r.sub(q2i);
        DoubleVector y3i = p2i.add(q2r);
        y3r.fma(w3r, y3i.mul(n3i)).intoArray(x, i0 + 3 * d);
        y3r.fma(w3i, y3i.mul(w3r)).intoArray(x, i0 + 3 * d + V);
      }
    }
  }

  /**
   * Radix 7 in one pass, as {@link #dif5}: with {@code a..g} the seven elements, the sums
   * {@code t_k} and differences {@code u_k} of the pairs (b, g), (c, f), (d, e),
   * {@code y0 = a + ((t1 + t2) + t3)} and, for k = 1, 2, 3, {@code y_k, y_7-k = p_k -/+ i q_k}
   * with {@code p_k = a + sum_j cos(2 pi jk / 7) t_j} and {@code q_k = sum_j sin(2 pi jk / 7) u_j},
   * each output but y0 times its twiddle. Lengths with a factor 7 (44100 = 2^2 3^2 5^2 7^2,
   * 7 2^k) otherwise ran on JTransforms, whose radix 7 is a generic pass. 1550 bytes of bytecode,
   * compiled alone like {@link #dif5}; it replaced five sweeps of smaller steps through the
   * block (the same operations in the same order, so the same bits): one warm block 1.6-1.8x
   * faster at n = 343 and 1764 at 8 lanes, 1.0-1.3x at 4, 1.2-2x at 2 (docs/fft.md, "Radix 5 in
   * one pass").
   */
  private static void dif7(double[] x, int o, int base, int total, int len, double[] tr,
      double[] ti, int jFrom, int jTo) {
    int d = 2 * (len / 7) * V;
    DoubleVector c1 = DoubleVector.broadcast(S, C71);
    DoubleVector c2 = DoubleVector.broadcast(S, C72);
    DoubleVector c3 = DoubleVector.broadcast(S, C73);
    DoubleVector s1 = DoubleVector.broadcast(S, S71);
    DoubleVector s2 = DoubleVector.broadcast(S, S72);
    DoubleVector s3 = DoubleVector.broadcast(S, S73);
    DoubleVector ns1 = DoubleVector.broadcast(S, -S71);
    DoubleVector ns3 = DoubleVector.broadcast(S, -S73);
    for (int j = jFrom; j < jTo; j++) {
      int t = 6 * j;
      DoubleVector w1r = DoubleVector.broadcast(S, tr[t]);
      DoubleVector w1i = DoubleVector.broadcast(S, ti[t]);
      DoubleVector n1i = DoubleVector.broadcast(S, -ti[t]);
      DoubleVector w2r = DoubleVector.broadcast(S, tr[t + 1]);
      DoubleVector w2i = DoubleVector.broadcast(S, ti[t + 1]);
      DoubleVector n2i = DoubleVector.broadcast(S, -ti[t + 1]);
      DoubleVector w3r = DoubleVector.broadcast(S, tr[t + 2]);
      DoubleVector w3i = DoubleVector.broadcast(S, ti[t + 2]);
      DoubleVector n3i = DoubleVector.broadcast(S, -ti[t + 2]);
      DoubleVector w4r = DoubleVector.broadcast(S, tr[t + 3]);
      DoubleVector w4i = DoubleVector.broadcast(S, ti[t + 3]);
      DoubleVector n4i = DoubleVector.broadcast(S, -ti[t + 3]);
      DoubleVector w5r = DoubleVector.broadcast(S, tr[t + 4]);
      DoubleVector w5i = DoubleVector.broadcast(S, ti[t + 4]);
      DoubleVector n5i = DoubleVector.broadcast(S, -ti[t + 4]);
      DoubleVector w6r = DoubleVector.broadcast(S, tr[t + 5]);
      DoubleVector w6i = DoubleVector.broadcast(S, ti[t + 5]);
      DoubleVector n6i = DoubleVector.broadcast(S, -ti[t + 5]);
      for (int g = base; g < base + total; g += len) {
        int i0 = o + 2 * (g + j) * V;
        DoubleVector ar = DoubleVector.fromArray(S, x, i0);
        DoubleVector ai = DoubleVector.fromArray(S, x, i0 + V);
        DoubleVector br = DoubleVector.fromArray(S, x, i0 + d);
        DoubleVector bi = DoubleVector.fromArray(S, x, i0 + d + V);
        DoubleVector cr = DoubleVector.fromArray(S, x, i0 + 2 * d);
        DoubleVector ci = DoubleVector.fromArray(S, x, i0 + 2 * d + V);
        DoubleVector dr = DoubleVector.fromArray(S, x, i0 + 3 * d);
        DoubleVector di = DoubleVector.fromArray(S, x, i0 + 3 * d + V);
        DoubleVector er = DoubleVector.fromArray(S, x, i0 + 4 * d);
        DoubleVector ei = DoubleVector.fromArray(S, x, i0 + 4 * d + V);
        DoubleVector fr = DoubleVector.fromArray(S, x, i0 + 5 * d);
        DoubleVector fi = DoubleVector.fromArray(S, x, i0 + 5 * d + V);
        DoubleVector gr = DoubleVector.fromArray(S, x, i0 + 6 * d);
        DoubleVector gi = DoubleVector.fromArray(S, x, i0 + 6 * d + V);
        DoubleVector t1r = br.add(gr), t1i = bi.add(gi);
        DoubleVector t2r = cr.add(fr), t2i = ci.add(fi);
        DoubleVector t3r = dr.add(er), t3i = di.add(ei);
        DoubleVector u3r = dr.sub(er), u3i = di.sub(ei);
        DoubleVector u2r = cr.sub(fr), u2i = ci.sub(fi);
        DoubleVector u1r = br.sub(gr), u1i = bi.sub(gi);
        ar.add(t1r.add(t2r).add(t3r)).intoArray(x, i0);
        ai.add(t1i.add(t2i).add(t3i)).intoArray(x, i0 + V);
        // k = 1 and 6
        DoubleVector pr = t3r.fma(c3, t2r.fma(c2, t1r.fma(c1, ar)));
        DoubleVector pi = t3i.fma(c3, t2i.fma(c2, t1i.fma(c1, ai)));
        DoubleVector qr = u3r.fma(s3, u2r.fma(s2, u1r.mul(s1)));
        DoubleVector qi = u3i.fma(s3, u2i.fma(s2, u1i.mul(s1)));
        DoubleVector yr = pr.add(qi), yi = pi.sub(qr);
        yr.fma(w1r, yi.mul(n1i)).intoArray(x, i0 + d);
        yr.fma(w1i, yi.mul(w1r)).intoArray(x, i0 + d + V);
        yr = pr.sub(qi);
        yi = pi.add(qr);
        yr.fma(w6r, yi.mul(n6i)).intoArray(x, i0 + 6 * d);
        yr.fma(w6i, yi.mul(w6r)).intoArray(x, i0 + 6 * d + V);
        // k = 2 and 5
        pr = t3r.fma(c1, t2r.fma(c3, t1r.fma(c2, ar)));
        pi = t3i.fma(c1, t2i.fma(c3, t1i.fma(c2, ai)));
        qr = u3r.fma(ns1, u2r.fma(ns3, u1r.mul(s2)));
        qi = u3i.fma(ns1, u2i.fma(ns3, u1i.mul(s2)));
        yr = pr.add(qi);
        yi = pi.sub(qr);
        yr.fma(w2r, yi.mul(n2i)).intoArray(x, i0 + 2 * d);
        yr.fma(w2i, yi.mul(w2r)).intoArray(x, i0 + 2 * d + V);
        yr = pr.sub(qi);
        yi = pi.add(qr);
        yr.fma(w5r, yi.mul(n5i)).intoArray(x, i0 + 5 * d);
        yr.fma(w5i, yi.mul(w5r)).intoArray(x, i0 + 5 * d + V);
        // k = 3 and 4
        pr = t3r.fma(c2, t2r.fma(c1, t1r.fma(c3, ar)));
        pi = t3i.fma(c2, t2i.fma(c1, t1i.fma(c3, ai)));
        qr = u3r.fma(s2, u2r.fma(ns1, u1r.mul(s3)));
        qi = u3i.fma(s2, u2i.fma(ns1, u1i.mul(s3)));
        yr = pr.add(qi);
        yi = pi.sub(qr);
        yr.fma(w3r, yi.mul(n3i)).intoArray(x, i0 + 3 * d);
        yr.fma(w3i, yi.mul(w3r)).intoArray(x, i0 + 3 * d + V);
        yr = pr.sub(qi);
        yi = pi.add(qr);
        yr.fma(w4r, yi.mul(n4i)).intoArray(x, i0 + 4 * d);
        yr.fma(w4i, yi.mul(w4r)).intoArray(x, i0 + 4 * d + V);
      }
    }
  }
}
