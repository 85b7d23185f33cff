package dev.numspark.fft.engine;

import dev.numspark.parallel.WorkerPool;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The complex DFT of ONE line of length {@code n = V m} on the {@link BlockFft} engine, by the
 * four-step (Bailey) decomposition: element {@code j = V j2 + j1} of the line is element j2 of
 * lane j1, which is already the engine's {@code [k][re, im][lane]} layout once the interleaved
 * {@code re, im} pairs of V consecutive elements are split (shuffles of two contiguous loads per
 * element k). The engine then runs the m-point DFT of all V sub-sequences at once; the result
 * {@code Y[j1][k2]} is multiplied by the twiddles {@code w_n^(j1 k2)}, and the V-point DFTs
 * across the lanes give {@code X[k2 + m k1] = sum_j1 Y[j1][k2] w_n^(j1 k2) w_V^(j1 k1)}.
 *
 * <p>That last step runs on tiles of V consecutive k2: a vector gather per lane j1 (straight
 * from the engine's digit-reversed result; scalar moves at 4 lanes) transposes the tile, so the
 * V-point DFT is vertical SIMD over the V values of k2 (radix 2 then radix 4), and each output
 * vector is V consecutive frequencies {@code X[m k1 + k2 ..]}: contiguous stores.
 * Lengths: {@code n} a multiple of V, at least {@code V * V}, with {@code n / V} 7-smooth
 * ({@link #supports}); V = 8, 4 or 2. When V does not divide m the last tile is partial: computed
 * whole (its missing lanes on element 0) and only its valid lanes copied out. At 2 lanes the
 * tile step is one radix 2 in scalar arithmetic ({@link #cross2}): only the m-point DFTs run on
 * vectors there.
 *
 * <p>The steps are written as small methods that pass their values through a V x V tile of
 * scratch (1 KB, L1-resident) and take and return no vectors, for the reason given in
 * {@link BlockFft}: a radix-8 butterfly in one method exceeds C2's inlining budget and leaves
 * vector operations boxed. The order of operations is fixed per length, so a line's bits do
 * not depend on {@code workers} (the steps split into independent ranges; see
 * {@link #forward}). An instance (tables) is immutable and shared by threads.
 */
final class LineFft implements LinePlan {
  static final VectorSpecies<Double> S = BlockFft.S;
  static final int V = BlockFft.V;
  private static final double H = Math.sqrt(0.5);
  /**
   * Lanes {@code 0,2,..,V-2} (real parts of V/2 interleaved pairs) or {@code 1,3,..} (imaginary
   * parts), twice: V interleaved values split by two one-vector shuffles and a blend
   * ({@link #load}), the inverse of {@link #SPREAD_LO}/{@link #SPREAD_HI}.
   */
  private static final jdk.incubator.vector.VectorShuffle<Double> PICK_EVEN;
  private static final jdk.incubator.vector.VectorShuffle<Double> PICK_ODD;
  /** The upper half of the lanes. */
  private static final jdk.incubator.vector.VectorMask<Double> UPPER;

  /** Lanes {@code 0,0,1,1,..} and {@code V/2,V/2,..}: a half of a vector spread over pairs. */
  private static final jdk.incubator.vector.VectorShuffle<Double> SPREAD_LO;
  private static final jdk.incubator.vector.VectorShuffle<Double> SPREAD_HI;
  /** The odd lanes (the imaginary parts of interleaved pairs). */
  private static final jdk.incubator.vector.VectorMask<Double> ODD;

  static {
    int[] lo = new int[V];
    int[] hi = new int[V];
    int[] even = new int[V];
    int[] oddLanes = new int[V];
    boolean[] odd = new boolean[V];
    boolean[] upper = new boolean[V];
    for (int v = 0; v < V; v++) {
      lo[v] = v / 2;
      hi[v] = V / 2 + v / 2;
      even[v] = 2 * v % V;
      oddLanes[v] = 2 * v % V + 1;
      odd[v] = v % 2 == 1;
      upper[v] = v >= V / 2;
    }
    SPREAD_LO = jdk.incubator.vector.VectorShuffle.fromArray(S, lo, 0);
    SPREAD_HI = jdk.incubator.vector.VectorShuffle.fromArray(S, hi, 0);
    ODD = jdk.incubator.vector.VectorMask.fromArray(S, odd, 0);
    PICK_EVEN = jdk.incubator.vector.VectorShuffle.fromArray(S, even, 0);
    PICK_ODD = jdk.incubator.vector.VectorShuffle.fromArray(S, oddLanes, 0);
    UPPER = jdk.incubator.vector.VectorMask.fromArray(S, upper, 0);
  }

  /** The complex length. */
  final int n;
  /** The engine's length {@code n / V}. */
  final int m;
  /** Tiles of V consecutive k2: {@code ceil(m / V)}; the last has {@link #tail} of them. */
  final int tiles;
  /** {@code m % V}: the k2 of a partial last tile (0: every tile is full). */
  private final int tail;
  final BlockFft sub;
  /** {@code 2 V perm[k2]}: where the engine leaves {@code Y[.][k2]} (gather maps by tile). */
  private final int[] at;
  /** {@code w_n^(j1 i)} at {@code [j1 V + i]}, i in [0, V): the fine twiddles of a tile. */
  private final double[] fineR;
  private final double[] fineI;
  /**
   * Lines up to this complex length keep every twiddle {@code w_n^(j1 k2)} in a table (2n
   * doubles; 1 MB at the limit): a vector load instead of the product of a fine and a coarse
   * twiddle, 6 fewer vector operations per lane and tile. Longer ones use the product.
   */
  static final int FULL_TABLE_MAX = 1 << 16;
  /** {@code w_n^(j1 k2)} at {@code [j1 m + k2]}, or null above {@link #FULL_TABLE_MAX}. */
  private final double[] fullR;
  private final double[] fullI;
  /** {@code w_n^(j1 c V)} at {@code [c V + j1]}: the coarse twiddle of lane j1 in tile c. */
  private final double[] coarseR;
  private final double[] coarseI;

  private LineFft(int n) {
    this.n = n;
    this.m = n / V;
    this.sub = BlockFft.plan(m);
    this.tiles = (m + V - 1) / V;
    this.tail = m % V;
    // a partial last tile gathers element 0 in its missing lanes (computed, never stored)
    at = new int[tiles * V];
    for (int k = 0; k < m; k++) {
      at[k] = 2 * V * sub.perm[k];
    }
    fineR = new double[V * V];
    fineI = new double[V * V];
    for (int j1 = 0; j1 < V; j1++) {
      for (int i = 0; i < V; i++) {
        double a = -2 * Math.PI * (j1 * i) / n;
        fineR[j1 * V + i] = Math.cos(a);
        fineI[j1 * V + i] = Math.sin(a);
      }
    }
    if (n <= FULL_TABLE_MAX) {
      // V spare entries: a partial last tile loads past its row
      fullR = new double[n + V];
      fullI = new double[n + V];
      for (int j1 = 0; j1 < V; j1++) {
        for (int k2 = 0; k2 < m; k2++) {
          double a = -2 * Math.PI * (j1 * k2) / n;
          fullR[j1 * m + k2] = Math.cos(a);
          fullI[j1 * m + k2] = Math.sin(a);
        }
      }
    } else {
      fullR = null;
      fullI = null;
    }
    coarseR = new double[tiles * V];
    coarseI = new double[tiles * V];
    for (int c = 0; c < tiles; c++) {
      for (int j1 = 0; j1 < V; j1++) {
        // j1 c V < n: the angle is exact before the division
        double a = -2 * Math.PI * ((long) j1 * c * V) / n;
        coarseR[c * V + j1] = Math.cos(a);
        coarseI[c * V + j1] = Math.sin(a);
      }
    }
  }

  /**
   * Whether one line of complex length n can run here: with 8 lanes (AVX-512; the tile step is
   * radix 2, then 4), 4 (AVX2; one radix 4) or 2 (128-bit, ARM NEON; one radix 2, scalar).
   * Which of these lines pay at each width is {@link LineRunner}'s choice.
   */
  static boolean supports(int n) {
    return n <= maxLength() && n >= V * V && n % V == 0 && BlockFft.factors(n / V) != null;
  }

  /**
   * The longest complex line taken at 4 lanes. Measured with {@code -XX:UseAVX=2} on an
   * AVX-512 machine, one line, against JTransforms (2026-12-05): {@code fft} 1024 to 262144
   * 1.24-1.9x faster, {@code rfft} 4096 to 262144 1.15-2.6x; {@code fft} of 2^20 0.7x and
   * {@code rfft} of 2^20 0.82x (the tiles' 4-lane gathers over a block far beyond the caches).
   * On a real AVX2 CPU (Zen 3, 2026-12-06) {@code fft} of 2^18 1.32x, of 2^19 0.98x, of 2^20
   * 0.91x; real lines there stop at 2^18 ({@link LineRunner#MAX_REAL_AT_4_LANES}).
   */
  static final int MAX_AT_4_LANES = 1 << 18;

  /**
   * The longest complex line taken at 2 lanes ({@link LineRunner#MIN_INVERSE_AT_2_LANES}: beyond
   * it JTransforms was faster).
   */
  static final int MAX_AT_2_LANES = FULL_TABLE_MAX;

  /** The longest line {@link #supports} takes at this width. */
  static int maxLength() {
    return V == 4 ? MAX_AT_4_LANES : V == 2 ? MAX_AT_2_LANES : Integer.MAX_VALUE;
  }

  static LineFft plan(int n) {
    return new LineFft(n);
  }

  /** Doubles of the engine block this plan needs as scratch ({@code a} of {@link #forward}). */
  @Override
  public int blockLength() {
    return 2 * n;
  }

  /** Doubles of the tile scratch of one worker. */
  static int tileLength() {
    return 2 * V * V;
  }

  // ------------------------------------------------------------------ the three steps

  /**
   * Step 1: the line ({@code n} interleaved complex values at {@code z[zOff]}, conjugated if
   * asked) into the engine's block {@code a}, elements {@code [from, to)} of the lanes.
   */
  void load(double[] z, int zOff, boolean conjugate, double[] a, int from, int to) {
    // shuffles of contiguous loads, not gathers: a gather is a chain of about 7 calls inside the
    // JDK, which C2 could cut, leaving it boxed and the row path twice as slow, when this ran
    // deep below a Spark query's generated code (docs/spark.md); the shuffles' chain is shorter
    // and as fast (rfft of one 4096 row 15.5 against 15.9 us, fft of 2^22 unchanged)
    if (V == 2) {
      // scalar moves: at 2 lanes JDK 17 runs a blend as a Java loop on x86 (boxed; 3x slower
      // than JTransforms with it)
      double sign = conjugate ? -1.0 : 1.0;
      for (int j2 = from, s = zOff + 4 * from, d = 4 * from; j2 < to; j2++, s += 4, d += 4) {
        a[d] = z[s];
        a[d + 1] = z[s + 2];
        a[d + 2] = sign * z[s + 1];
        a[d + 3] = sign * z[s + 3];
      }
      return;
    }
    DoubleVector sign = DoubleVector.broadcast(S, conjugate ? -1.0 : 1.0);
    if (V == 4) {
      // no shuffles at 4 lanes: lane v of the real parts is lane v of a load from z[s + v], and
      // of the imaginary parts from z[s + 1 + v], blended (JDK 17 checks each rearrange's
      // indexes inside the loop; rfft of one 4096-point line 1.1x faster, fft 1.4x in 5 JVMs of 6)
      for (int j2 = from, s = zOff + 2 * V * from; j2 < to; j2++, s += 2 * V) {
        DoubleVector x1 = DoubleVector.fromArray(S, z, s + 1);
        DoubleVector x2 = DoubleVector.fromArray(S, z, s + 2);
        DoubleVector x3 = DoubleVector.fromArray(S, z, s + 3);
        DoubleVector.fromArray(S, z, s).blend(x1, LaneMoves.LANE1).blend(x2, LaneMoves.LANE2)
            .blend(x3, LaneMoves.LANE3).intoArray(a, 2 * V * j2);
        x1.blend(x2, LaneMoves.LANE1).blend(x3, LaneMoves.LANE2)
            .blend(DoubleVector.fromArray(S, z, s + 4), LaneMoves.LANE3).mul(sign)
            .intoArray(a, 2 * V * j2 + V);
      }
      return;
    }
    for (int j2 = from, s = zOff + 2 * V * from; j2 < to; j2++, s += 2 * V) {
      DoubleVector lo = DoubleVector.fromArray(S, z, s);
      DoubleVector hi = DoubleVector.fromArray(S, z, s + V);
      lo.rearrange(PICK_EVEN).blend(hi.rearrange(PICK_EVEN), UPPER).intoArray(a, 2 * V * j2);
      lo.rearrange(PICK_ODD).blend(hi.rearrange(PICK_ODD), UPPER).mul(sign)
          .intoArray(a, 2 * V * j2 + V);
    }
  }

  /**
   * Step 1 for a real line: {@code x[xOff + j]} as element j, imaginary parts zero, elements
   * {@code [from, to)} of the lanes: plain vector copies.
   */
  void loadReal(double[] x, int xOff, double[] a, int from, int to) {
    DoubleVector zero = DoubleVector.zero(S);
    for (int j2 = from; j2 < to; j2++) {
      DoubleVector.fromArray(S, x, xOff + V * j2).intoArray(a, 2 * V * j2);
      zero.intoArray(a, 2 * V * j2 + V);
    }
  }

  /**
   * Step 1 from separate real and imaginary parts: element {@code j = V j2 + j1} at
   * {@code zr[j], zi[j]}, elements {@code [from, to)} of the lanes: whole-vector copies.
   */
  void loadSplit(double[] zr, double[] zi, double[] a, int from, int to) {
    for (int j2 = from; j2 < to; j2++) {
      DoubleVector.fromArray(S, zr, V * j2).intoArray(a, 2 * V * j2);
      DoubleVector.fromArray(S, zi, V * j2).intoArray(a, 2 * V * j2 + V);
    }
  }


  /**
   * Step 3 for tiles {@code [from, to)} of the result of {@code sub.dif(a)}: twiddles and the
   * V-point DFTs across the lanes, {@code X_k} written unscaled to {@code xr[k], xi[k]}.
   */
  void crossSplit(double[] a, double[] t, double[] xr, double[] xi, int from, int to) {
    if (V == 2) {
      cross2(a, xr, xi, 0, 1.0, 1.0, true, from, to);
      return;
    }
    for (int c = from; c < to; c++) {
      if (tail != 0 && c == tiles - 1) {
        partial(a, c, t);
        for (int p = 0; p < V; p++) {
          int k = m * k1(p) + c * V;
          for (int i = 0; i < tail; i++) {
            xr[k + i] = t[2 * V * p + i];
            xi[k + i] = t[2 * V * p + V + i];
          }
        }
        continue;
      }
      firstLevel(a, c, t);
      r4Split(t, 0, xr, xi, c * V);
      if (V == 8) {
        r4Split(t, 4, xr, xi, c * V);
      }
    }
  }

  /**
   * Step 3 writing {@code X_k} times {@code (fr, fi)} as interleaved pairs at
   * {@code dst[dOff + 2k]}: the numbers of {@link #crossSplit} times the factors.
   */
  void crossInterleaved(double[] a, double[] t, double[] dst, int dOff, double fr, double fi,
      int from, int to) {
    if (V == 2) {
      cross2(a, dst, null, dOff, fr, fi, false, from, to);
      return;
    }
    for (int c = from; c < to; c++) {
      if (tail != 0 && c == tiles - 1) {
        partial(a, c, t);
        for (int p = 0; p < V; p++) {
          int d = dOff + 2 * (m * k1(p) + c * V);
          for (int i = 0; i < tail; i++) {
            dst[d + 2 * i] = t[2 * V * p + i] * fr;
            dst[d + 2 * i + 1] = t[2 * V * p + V + i] * fi;
          }
        }
        continue;
      }
      // the radix-4 results stay in the tile; each row is interleaved by shuffles (10-15%
      // faster than storing them with two vector scatters per row)
      partial(a, c, t);
      for (int p = 0; p < V; p++) {
        interleave(t, p, dst, dOff + 2 * (m * k1(p) + c * V), fr, fi);
      }
    }
  }

  /**
   * Step 3 at 2 lanes, tiles {@code [from, to)}, in scalar arithmetic: {@code X[k2]} and
   * {@code X[m + k2]} are the sum and the difference of lane 0 and lane 1 times
   * {@code w_n^k2}, read straight from the engine's result. There the V-point DFT is one radix 2,
   * and JDK 17 on x86 runs the 2-lane tile's blends and some of its loads and stores as Java loops
   * (boxed; the single line ran at 0.3-0.5x JTransforms with them). Into {@code xr, xi} when
   * {@code split}, else as interleaved pairs times {@code (fr, fi)} into {@code xr[off ..]}.
   */
  private void cross2(double[] a, double[] xr, double[] xi, int off, double fr, double fi,
      boolean split, int from, int to) {
    for (int k2 = 2 * from, end = Math.min(m, 2 * to); k2 < end; k2++) {
      int e = at[k2];
      // w_n^k2 from the full table: 2-lane lines are at most MAX_AT_2_LANES = FULL_TABLE_MAX
      double tr = fullR[m + k2];
      double ti = fullI[m + k2];
      double ur = a[e];
      double ui = a[e + 2];
      double vr = a[e + 1];
      double vi = a[e + 3];
      double pr = vr * tr - vi * ti;
      double pi = vr * ti + vi * tr;
      if (split) {
        xr[k2] = ur + pr;
        xi[k2] = ui + pi;
        xr[m + k2] = ur - pr;
        xi[m + k2] = ui - pi;
      } else {
        int d = off + 2 * k2;
        int h = off + 2 * (m + k2);
        xr[d] = (ur + pr) * fr;
        xr[d + 1] = (ui + pi) * fi;
        xr[h] = (ur - pr) * fr;
        xr[h + 1] = (ui - pi) * fi;
      }
    }
  }

  /**
   * Tile row p (V real parts, then V imaginary parts) times {@code (fr, fi)} as V interleaved
   * pairs at {@code dst[d ..]}: one-vector shuffles spread each half over a vector, a blend
   * merges them, two contiguous stores.
   */
  private static void interleave(double[] t, int p, double[] dst, int d, double fr, double fi) {
    DoubleVector re = DoubleVector.fromArray(S, t, 2 * V * p).mul(fr);
    DoubleVector im = DoubleVector.fromArray(S, t, 2 * V * p + V).mul(fi);
    re.rearrange(SPREAD_LO).blend(im.rearrange(SPREAD_LO), ODD).intoArray(dst, d);
    re.rearrange(SPREAD_HI).blend(im.rearrange(SPREAD_HI), ODD).intoArray(dst, d + V);
  }

  /**
   * Tile c's whole arithmetic (a partial last tile with its missing lanes on element 0), the
   * results left in the tile rows (the row for k1 at {@code k1(p)}): the values that
   * {@link #r4Split} stores.
   */
  private void partial(double[] a, int c, double[] t) {
    firstLevel(a, c, t);
    r4(t, 0);
    if (V == 8) {
      r4(t, 4);
    }
  }

  /** {@link #r4Split}'s 4-point DFT of tile rows g .. g+3, left in those rows. */
  private static void r4(double[] t, int g) {
    int d = 2 * V;
    int i0 = d * g;
    DoubleVector ar = DoubleVector.fromArray(S, t, i0);
    DoubleVector ai = DoubleVector.fromArray(S, t, i0 + V);
    DoubleVector br = DoubleVector.fromArray(S, t, i0 + d);
    DoubleVector bi = DoubleVector.fromArray(S, t, i0 + d + V);
    DoubleVector cr = DoubleVector.fromArray(S, t, i0 + 2 * d);
    DoubleVector ci = DoubleVector.fromArray(S, t, i0 + 2 * d + V);
    DoubleVector dr = DoubleVector.fromArray(S, t, i0 + 3 * d);
    DoubleVector di = DoubleVector.fromArray(S, t, i0 + 3 * d + V);
    DoubleVector apcr = ar.add(cr);
    DoubleVector apci = ai.add(ci);
    DoubleVector amcr = ar.sub(cr);
    DoubleVector amci = ai.sub(ci);
    DoubleVector bpdr = br.add(dr);
    DoubleVector bpdi = bi.add(di);
    DoubleVector bmdr = br.sub(dr);
    DoubleVector bmdi = bi.sub(di);
    apcr.add(bpdr).intoArray(t, i0);
    apci.add(bpdi).intoArray(t, i0 + V);
    amcr.add(bmdi).intoArray(t, i0 + d);
    amci.sub(bmdr).intoArray(t, i0 + d + V);
    apcr.sub(bpdr).intoArray(t, i0 + 2 * d);
    apci.sub(bpdi).intoArray(t, i0 + 2 * d + V);
    amcr.sub(bmdi).intoArray(t, i0 + 3 * d);
    amci.add(bmdr).intoArray(t, i0 + 3 * d + V);
  }

  /**
   * The frequency index k1 left at tile row p: at 8 lanes radix 2 (halves s = p / 4), then radix
   * 4 (output q = p % 4), k1 = 2q + s; at 4 lanes the one radix 4 leaves k1 = p.
   */
  private static int k1(int p) {
    return V == 8 ? 2 * (p % 4) + p / 4 : p;
  }

  /**
   * Tile c up to the radix-4 DFTs: the twiddled gathers of the lanes and the first radix-2
   * level of the 8-point DFT ({@code w_8^j} on the differences).
   */
  private void firstLevel(double[] a, int c, double[] t) {
    if (V == 4) {
      transposeIn4(a, c, t);
      for (int j = 0; j < 4; j++) {
        twiddled(c, j, t);
      }
      return;
    }
    pair(a, c, 0, t, 1.0, 0.0);
    pair(a, c, 1, t, H, -H);
    pair(a, c, 2, t, 0.0, -1.0);
    pair(a, c, 3, t, -H, -H);
  }

  /**
   * At 4 lanes, the V consecutive k2 of tile c from the engine's result into the tile, transposed:
   * lane j of element {@code k2 = cV + q} to lane q of row j. Scalar moves: the vector gathers
   * they replace check their four indexes on every call, and took a third of {@code rfft} of one
   * 4096-point line (async-profiler; 30 against 18 us with JDK 17's checks switched off, as with
   * these moves). At 8192 points the gathers were not slow (C2 compiled them otherwise; why is
   * not known), and these moves are as fast there.
   */
  private void transposeIn4(double[] a, int c, double[] t) {
    for (int q = 0, g = c * V; q < 4; q++) {
      int e = at[g + q];
      t[q] = a[e];
      t[8 + q] = a[e + 1];
      t[16 + q] = a[e + 2];
      t[24 + q] = a[e + 3];
      t[4 + q] = a[e + 4];
      t[12 + q] = a[e + 5];
      t[20 + q] = a[e + 6];
      t[28 + q] = a[e + 7];
    }
  }

  /**
   * At 4 lanes, the whole first level: tile row j (lane j of the V consecutive k2 of tile c,
   * {@link #transposeIn4}) times {@code w_n^(j k2)}, in place (the radix 4 follows). The same
   * arithmetic as each lane of {@link #pair}, which keeps its two lanes in registers: making pair
   * two calls of this and a radix 2 through the tile gave the same bits but {@code fft} of one
   * 65536-point line at 8 lanes went from 0.42-0.45 ms to 0.54 (2026-12-05).
   */
  private void twiddled(int c, int j, double[] t) {
    int g = c * V;
    DoubleVector ur = DoubleVector.fromArray(S, t, 2 * V * j);
    DoubleVector ui = DoubleVector.fromArray(S, t, 2 * V * j + V);
    if (j != 0) {
      DoubleVector tr;
      DoubleVector ti;
      if (fullR != null) {
        tr = DoubleVector.fromArray(S, fullR, j * m + g);
        ti = DoubleVector.fromArray(S, fullI, j * m + g);
      } else {
        DoubleVector fr = DoubleVector.fromArray(S, fineR, j * V);
        DoubleVector fi = DoubleVector.fromArray(S, fineI, j * V);
        double cr = coarseR[g + j];
        double ci = coarseI[g + j];
        tr = fr.mul(cr).sub(fi.mul(ci));
        ti = fr.mul(ci).add(fi.mul(cr));
      }
      DoubleVector pr = ur.fma(tr, ui.mul(ti).neg());
      ui = ur.fma(ti, ui.mul(tr));
      ur = pr;
    }
    ur.intoArray(t, 2 * V * j);
    ui.intoArray(t, 2 * V * j + V);
  }

  /**
   * Lanes j and j + 4 of the V consecutive k2 of tile c, gathered from the engine's result, each
   * times {@code w_n^(j1 k2)} (a fine table vector times the tile's coarse twiddle); their sum to
   * tile row j, their difference times {@code (wr, wi)} to row j + 4. One method, so the tile
   * is written once; its size stays near {@link BlockFft}'s radix-4 butterfly (inlined).
   */
  private void pair(double[] a, int c, int j, double[] t, double wr, double wi) {
    int g = c * V;
    DoubleVector ur = DoubleVector.fromArray(S, a, j, at, g);
    DoubleVector ui = DoubleVector.fromArray(S, a, V + j, at, g);
    if (j != 0) {
      DoubleVector tr;
      DoubleVector ti;
      if (fullR != null) {
        tr = DoubleVector.fromArray(S, fullR, j * m + g);
        ti = DoubleVector.fromArray(S, fullI, j * m + g);
      } else {
        DoubleVector fr = DoubleVector.fromArray(S, fineR, j * V);
        DoubleVector fi = DoubleVector.fromArray(S, fineI, j * V);
        double cr = coarseR[g + j];
        double ci = coarseI[g + j];
        tr = fr.mul(cr).sub(fi.mul(ci));
        ti = fr.mul(ci).add(fi.mul(cr));
      }
      DoubleVector pr = ur.fma(tr, ui.mul(ti).neg());
      ui = ur.fma(ti, ui.mul(tr));
      ur = pr;
    }
    int k = j + 4;
    DoubleVector vr = DoubleVector.fromArray(S, a, k, at, g);
    DoubleVector vi = DoubleVector.fromArray(S, a, V + k, at, g);
    DoubleVector tr;
    DoubleVector ti;
    if (fullR != null) {
      tr = DoubleVector.fromArray(S, fullR, k * m + g);
      ti = DoubleVector.fromArray(S, fullI, k * m + g);
    } else {
      DoubleVector fr = DoubleVector.fromArray(S, fineR, k * V);
      DoubleVector fi = DoubleVector.fromArray(S, fineI, k * V);
      double cr = coarseR[g + k];
      double ci = coarseI[g + k];
      tr = fr.mul(cr).sub(fi.mul(ci));
      ti = fr.mul(ci).add(fi.mul(cr));
    }
    DoubleVector pr = vr.fma(tr, vi.mul(ti).neg());
    vi = vr.fma(ti, vi.mul(tr));
    vr = pr;
    int i0 = 2 * V * j;
    int i1 = 2 * V * k;
    ur.add(vr).intoArray(t, i0);
    ui.add(vi).intoArray(t, i0 + V);
    DoubleVector dr = ur.sub(vr);
    DoubleVector di = ui.sub(vi);
    if (wi == 0.0) {
      dr.intoArray(t, i1);
      di.intoArray(t, i1 + V);
    } else if (wr == 0.0) {
      // times -i: exact
      di.intoArray(t, i1);
      dr.neg().intoArray(t, i1 + V);
    } else {
      DoubleVector w1 = DoubleVector.broadcast(S, wr);
      DoubleVector w2 = DoubleVector.broadcast(S, wi);
      dr.fma(w1, di.mul(w2).neg()).intoArray(t, i1);
      dr.fma(w2, di.mul(w1)).intoArray(t, i1 + V);
    }
  }

  /**
   * The 4-point DFT of tile rows g .. g+3 (natural order: {@code y1 = (a - c) - i (b - d)},
   * {@code y2 = (a + c) - (b + d)}, {@code y3 = (a - c) + i (b - d)}), row g + q being
   * {@code X[m k1(g + q) + k2 ..]}: stored there in {@code xr, xi}.
   */
  private void r4Split(double[] t, int g, double[] xr, double[] xi, int k2) {
    int d = 2 * V;
    int i0 = d * g;
    DoubleVector ar = DoubleVector.fromArray(S, t, i0);
    DoubleVector ai = DoubleVector.fromArray(S, t, i0 + V);
    DoubleVector br = DoubleVector.fromArray(S, t, i0 + d);
    DoubleVector bi = DoubleVector.fromArray(S, t, i0 + d + V);
    DoubleVector cr = DoubleVector.fromArray(S, t, i0 + 2 * d);
    DoubleVector ci = DoubleVector.fromArray(S, t, i0 + 2 * d + V);
    DoubleVector dr = DoubleVector.fromArray(S, t, i0 + 3 * d);
    DoubleVector di = DoubleVector.fromArray(S, t, i0 + 3 * d + V);
    DoubleVector apcr = ar.add(cr);
    DoubleVector apci = ai.add(ci);
    DoubleVector amcr = ar.sub(cr);
    DoubleVector amci = ai.sub(ci);
    DoubleVector bpdr = br.add(dr);
    DoubleVector bpdi = bi.add(di);
    DoubleVector bmdr = br.sub(dr);
    DoubleVector bmdi = bi.sub(di);
    int o0 = m * k1(g) + k2;
    int o1 = m * k1(g + 1) + k2;
    int o2 = m * k1(g + 2) + k2;
    int o3 = m * k1(g + 3) + k2;
    apcr.add(bpdr).intoArray(xr, o0);
    apci.add(bpdi).intoArray(xi, o0);
    amcr.add(bmdi).intoArray(xr, o1);
    amci.sub(bmdr).intoArray(xi, o1);
    apcr.sub(bpdr).intoArray(xr, o2);
    apci.sub(bpdi).intoArray(xi, o2);
    amcr.sub(bmdi).intoArray(xr, o3);
    amci.add(bmdr).intoArray(xi, o3);
  }

  // ------------------------------------------------------------------ whole transforms

  /**
   * The DFT of the complex line at {@code z[zOff ..]} ({@code n} interleaved values, conjugated
   * first if asked) times {@code (fr, fi)} into {@code dst[dOff ..]} (interleaved; not
   * {@code z}). {@code a}: scratch of {@link #blockLength()}, {@code tiles}: one tile of
   * {@link #tileLength()} per worker. With {@code workers > 1} the load, the engine's levels
   * ({@link BlockFft#dif(double[], int)}) and the tiles are shared out by index ranges; every
   * value is computed by the same operations as with one worker.
   */
  @Override
  public void forward(double[] z, int zOff, boolean conjugate, double[] dst, int dOff, double fr,
      double fi, double[] a, int workers) {
    if (workers <= 1) {
      load(z, zOff, conjugate, a, 0, m);
      sub.dif(a);
      crossInterleaved(a, new double[tileLength()], dst, dOff, fr, fi, 0, tiles);
      return;
    }
    WorkerPool.parallelFor(workers, m, (from, to) -> load(z, zOff, conjugate, a, from, to));
    sub.dif(a, workers);
    WorkerPool.parallelFor(workers, tiles, (from, to) ->
        crossInterleaved(a, new double[tileLength()], dst, dOff, fr, fi, from, to));
  }
}
