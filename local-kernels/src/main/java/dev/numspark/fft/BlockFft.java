package dev.numspark.fft;

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
 * <p>The algorithm is Stockham's self-sorting FFT (decimation in frequency) with radix-4, 2 and 3
 * passes ping-ponging between two arrays. Radix 8 and 5 butterflies are not used: with the Vector
 * API each operation costs C2 a few hundred IR nodes while parsing, and a butterfly that big
 * exceeds C2's inlining node budget, leaving vector operations un-inlined (boxed, allocating, 5x
 * slower).
 *
 * <p>Hand-written because no Maven library offers a batched SIMD FFT for Java; it follows
 * pocketfft's multi-line transforms (SciPy's {@code vlen} lines per SIMD vector). Loaded only
 * when the {@code jdk.incubator.vector} module is present ({@link VectorSupport}). An instance
 * (twiddle tables) is immutable and shared by threads; callers own the arrays.
 */
final class BlockFft {
  static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  static final int V = S.length();
  private static final double S3 = Math.sqrt(0.75);

  final int n;
  private final int[] radix;
  /** Per pass, twiddles {@code exp(-2 pi i p j / (r m))} at {@code [(p (r-1) + j-1)]}. */
  private final double[][] twRe;
  private final double[][] twIm;

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
      for (int p = 0; p < m; p++) {
        for (int j = 1; j < r; j++) {
          // exact reduction of the angle keeps every twiddle within an ulp or so
          long e = (long) p * j % cur;
          double a = -2 * Math.PI * e / cur;
          tr[p * (r - 1) + j - 1] = Math.cos(a);
          ti[p * (r - 1) + j - 1] = Math.sin(a);
        }
      }
      twRe[pass] = tr;
      twIm[pass] = ti;
      cur = m;
    }
  }

  /** The plan for {@code n}, or null when n has a prime factor above 3. */
  static BlockFft plan(int n) {
    int[] f = factors(n);
    return f == null ? null : new BlockFft(n, f);
  }

  /** Radices (4s, then at most one 2, then 3s); null when n is not 3-smooth. */
  static int[] factors(int n) {
    if (n < 1) {
      return null;
    }
    int[] out = new int[64];
    int count = 0;
    int rest = n;
    while (rest % 4 == 0) {
      out[count++] = 4;
      rest /= 4;
    }
    while (rest % 2 == 0) {
      out[count++] = 2;
      rest /= 2;
    }
    while (rest % 3 == 0) {
      out[count++] = 3;
      rest /= 3;
    }
    return rest == 1 ? java.util.Arrays.copyOf(out, count) : null;
  }

  /**
   * The forward DFT of the block in {@code a} ({@code 2 n V} doubles: for each k, the V real
   * parts, then the V imaginary parts) using the scratch {@code b} of the same size; returns the
   * array holding the result ({@code a} or {@code b}). The inverse DFT is
   * {@code conj(forward(conj(x)))}, which callers fold into their copies in and out.
   */
  double[] forward(double[] a, double[] b) {
    return passes(0, radix.length, a, b);
  }

  /** Passes {@code [from, to)} ping-ponging from x; returns the array holding their result. */
  private double[] passes(int from, int to, double[] a, double[] b) {
    double[] x = a;
    double[] y = b;
    int s = 1;
    for (int pass = 0; pass < from; pass++) {
      s *= radix[pass];
    }
    int cur = n / s;
    for (int pass = from; pass < to; pass++) {
      int r = radix[pass];
      int m = cur / r;
      double[] tr = twRe[pass];
      double[] ti = twIm[pass];
      switch (r) {
        case 4 -> pass4(m, s, x, y, tr, ti);
        case 2 -> pass2(m, s, x, y, tr, ti);
        default -> pass3(m, s, x, y, tr, ti);
      }
      double[] t = x;
      x = y;
      y = t;
      cur = m;
      s *= r;
    }
    return x;
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
   * Whether {@link #forward(Lines, double, Lines, double, double, double[], double[], double[])} may read
   * or write the caller's lines directly: the first pass is radix 4 and the last radix 4 or 2
   * (and they are different passes). Other plans copy in and out separately.
   */
  boolean fusable() {
    int last = radix.length - 1;
    return last >= 1 && radix[0] == 4 && radix[last] != 3;
  }

  /**
   * {@link #forward(double[], double[])} with the copies in and out fused into the first and
   * last passes: with {@code in} the first pass gathers the block straight from the caller's
   * lines (imaginary parts times {@code sign}, -1 conjugating) instead of from {@code a}; with
   * {@code out} the last pass scatters the result times {@code (fr, fi)} straight to the output
   * lines (and null is returned) instead of into the block. This saves two full passes over the
   * block (a gather into it and a scatter out of it) per transform, which cost about as much as
   * the kernel for long lines. The arithmetic is exactly that of the separate copies and passes,
   * so a line gets the same bits on either route (full blocks fuse, a partial last block does
   * not). {@code w} is a scratch of {@link #SCRATCH} doubles. Only when {@link #fusable()}.
   */
  double[] forward(Lines in, double sign, Lines out, double fr, double fi, double[] a,
      double[] b, double[] w) {
    int first = 0;
    if (in != null) {
      pass4In(n / 4, in, sign, w, a, twRe[0], twIm[0]);
      first = 1;
    }
    int last = radix.length - (out == null ? 0 : 1);
    double[] x = passes(first, last, a, b);
    if (out == null) {
      return x;
    }
    // the last pass has m = 1 (twiddles 1) and stride s = n / r
    int r = radix[last];
    passOut(r, n / r, x, out, fr, fi, w, twRe[last], twIm[last]);
    return null;
  }

  private static DoubleVector ld(double[] a, int i) {
    return DoubleVector.fromArray(S, a, i);
  }

  /** Stores {@code (xr + i xi) * (wr + i wi)}. */
  private static void mulStore(DoubleVector xr, DoubleVector xi, DoubleVector wr, DoubleVector wi,
      double[] y, int o) {
    xr.fma(wr, xi.mul(wi).neg()).intoArray(y, o);
    xr.fma(wi, xi.mul(wr)).intoArray(y, o + V);
  }

  private static void pass2(int m, int s, double[] x, double[] y,
      double[] tr, double[] ti) {
    int d = 2 * s * m * V;
    int od = 2 * s * V;
    for (int p = 0; p < m; p++) {
      DoubleVector w1r = DoubleVector.broadcast(S, tr[p]);
      DoubleVector w1i = DoubleVector.broadcast(S, ti[p]);
      for (int q = 0; q < s; q++) {
        int i0 = 2 * (q + s * p) * V;
        int o0 = 2 * (q + s * 2 * p) * V;
        DoubleVector ar = ld(x, i0);
        DoubleVector ai = ld(x, i0 + V);
        DoubleVector br = ld(x, i0 + d);
        DoubleVector bi = ld(x, i0 + d + V);
        ar.add(br).intoArray(y, o0);
        ai.add(bi).intoArray(y, o0 + V);
        mulStore(ar.sub(br), ai.sub(bi), w1r, w1i, y, o0 + od);
      }
    }
  }

  private static void pass4(int m, int s, double[] x, double[] y,
      double[] tr, double[] ti) {
    int d = 2 * s * m * V;
    int od = 2 * s * V;
    for (int p = 0; p < m; p++) {
      int t = 3 * p;
      DoubleVector w1r = DoubleVector.broadcast(S, tr[t]);
      DoubleVector w1i = DoubleVector.broadcast(S, ti[t]);
      DoubleVector w2r = DoubleVector.broadcast(S, tr[t + 1]);
      DoubleVector w2i = DoubleVector.broadcast(S, ti[t + 1]);
      DoubleVector w3r = DoubleVector.broadcast(S, tr[t + 2]);
      DoubleVector w3i = DoubleVector.broadcast(S, ti[t + 2]);
      for (int q = 0; q < s; q++) {
        int i0 = 2 * (q + s * p) * V;
        int o0 = 2 * (q + s * 4 * p) * V;
        DoubleVector ar = ld(x, i0);
        DoubleVector ai = ld(x, i0 + V);
        DoubleVector br = ld(x, i0 + d);
        DoubleVector bi = ld(x, i0 + d + V);
        DoubleVector cr = ld(x, i0 + 2 * d);
        DoubleVector ci = ld(x, i0 + 2 * d + V);
        DoubleVector dr = ld(x, i0 + 3 * d);
        DoubleVector di = ld(x, i0 + 3 * d + V);
        DoubleVector apcr = ar.add(cr);
        DoubleVector apci = ai.add(ci);
        DoubleVector amcr = ar.sub(cr);
        DoubleVector amci = ai.sub(ci);
        DoubleVector bpdr = br.add(dr);
        DoubleVector bpdi = bi.add(di);
        DoubleVector bmdr = br.sub(dr);
        DoubleVector bmdi = bi.sub(di);
        apcr.add(bpdr).intoArray(y, o0);
        apci.add(bpdi).intoArray(y, o0 + V);
        // y1 = (a - c) - i (b - d), y3 = (a - c) + i (b - d)
        mulStore(amcr.add(bmdi), amci.sub(bmdr), w1r, w1i, y, o0 + od);
        mulStore(apcr.sub(bpdr), apci.sub(bpdi), w2r, w2i, y, o0 + 2 * od);
        mulStore(amcr.sub(bmdi), amci.add(bmdr), w3r, w3i, y, o0 + 3 * od);
      }
    }
  }

  private static DoubleVector bc(double[] t, int i) {
    return DoubleVector.broadcast(S, t[i]);
  }

  private static void pass3(int m, int s, double[] x, double[] y,
      double[] tr, double[] ti) {
    int d = 2 * s * m * V;
    int od = 2 * s * V;
    for (int p = 0; p < m; p++) {
      int t = 2 * p;
      DoubleVector w1r = bc(tr, t);
      DoubleVector w1i = bc(ti, t);
      DoubleVector w2r = bc(tr, t + 1);
      DoubleVector w2i = bc(ti, t + 1);
      for (int q = 0; q < s; q++) {
        int i0 = 2 * (q + s * p) * V;
        int o0 = 2 * (q + s * 3 * p) * V;
        DoubleVector ar = ld(x, i0);
        DoubleVector ai = ld(x, i0 + V);
        DoubleVector br = ld(x, i0 + d);
        DoubleVector bi = ld(x, i0 + d + V);
        DoubleVector cr = ld(x, i0 + 2 * d);
        DoubleVector ci = ld(x, i0 + 2 * d + V);
        DoubleVector sr = br.add(cr);
        DoubleVector si = bi.add(ci);
        DoubleVector hr = ar.sub(sr.mul(0.5));
        DoubleVector hi = ai.sub(si.mul(0.5));
        DoubleVector dr = br.sub(cr).mul(S3);
        DoubleVector di = bi.sub(ci).mul(S3);
        ar.add(sr).intoArray(y, o0);
        ai.add(si).intoArray(y, o0 + V);
        // y1 = h - i (sqrt3/2)(b - c), y2 = h + i (sqrt3/2)(b - c)
        mulStore(hr.add(di), hi.sub(dr), w1r, w1i, y, o0 + od);
        mulStore(hr.sub(di), hi.add(dr), w2r, w2i, y, o0 + 2 * od);
      }
    }
  }

  /**
   * Elements per chunk of the fused first and last passes: a chunk's gathered inputs (or its
   * outputs awaiting the scatter) take {@code 4 CHUNK} complex vectors of scratch, 8 KB for V = 8,
   * which stay in L1 between the copy and the butterflies.
   */
  static final int CHUNK = 16;

  /** Scratch doubles {@link #forward(Lines, double, Lines, double, double, double[], double[], double[])} needs. */
  static final int SCRATCH = 4 * 2 * CHUNK * V;

  /**
   * {@link #pass4} with s = 1 reading its input from the caller's lines, a chunk of butterflies
   * at a time: the chunk's four input runs are gathered into {@code w} (in their own small
   * method: the Vector API's gathers are too big for C2 to inline many of them into the
   * butterfly loop without leaving vector operations un-inlined) and then transformed. The same
   * gather and arithmetic as the separate copy and {@link #pass4}: the same bits.
   */
  private static void pass4In(int m, Lines in, double sign, double[] w, double[] y, double[] tr,
      double[] ti) {
    for (int p0 = 0; p0 < m; p0 += CHUNK) {
      int count = Math.min(CHUNK, m - p0);
      for (int j = 0; j < 4; j++) {
        gather(in.data, in.base + (p0 + j * m) * in.step, in.step, in.imOff, in.map, count,
            sign, w, j * 2 * CHUNK * V);
      }
      butterflies4(p0, count, w, 2 * CHUNK * V, y, tr, ti);
    }
  }

  /**
   * Vector gathers of {@code count} elements of the V lines into the block layout at
   * {@code off}: element j of lane v has its real part at {@code src[start + j step + map[v]]}
   * and its imaginary part (times {@code sign}) {@code imOffset} further.
   */
  static void gather(double[] src, int start, int step, int imOffset, int[] map, int count,
      double sign, double[] a, int off) {
    DoubleVector sg = DoubleVector.broadcast(S, sign);
    for (int j = 0, s = start; j < count; j++, s += step) {
      DoubleVector.fromArray(S, src, s, map, 0).intoArray(a, off + 2 * V * j);
      DoubleVector.fromArray(S, src, s + imOffset, map, 0).mul(sg).intoArray(a, off + 2 * V * j + V);
    }
  }

  /** The butterflies {@code p0 .. p0+count-1} of a first (s = 1) radix-4 pass, inputs in x. */
  private static void butterflies4(int p0, int count, double[] x, int d, double[] y, double[] tr,
      double[] ti) {
    int od = 2 * V;
    for (int c = 0; c < count; c++) {
      int p = p0 + c;
      int t = 3 * p;
      DoubleVector w1r = DoubleVector.broadcast(S, tr[t]);
      DoubleVector w1i = DoubleVector.broadcast(S, ti[t]);
      DoubleVector w2r = DoubleVector.broadcast(S, tr[t + 1]);
      DoubleVector w2i = DoubleVector.broadcast(S, ti[t + 1]);
      DoubleVector w3r = DoubleVector.broadcast(S, tr[t + 2]);
      DoubleVector w3i = DoubleVector.broadcast(S, ti[t + 2]);
      int i0 = 2 * c * V;
      int o0 = 2 * 4 * p * V;
      DoubleVector ar = ld(x, i0);
      DoubleVector ai = ld(x, i0 + V);
      DoubleVector br = ld(x, i0 + d);
      DoubleVector bi = ld(x, i0 + d + V);
      DoubleVector cr = ld(x, i0 + 2 * d);
      DoubleVector ci = ld(x, i0 + 2 * d + V);
      DoubleVector dr = ld(x, i0 + 3 * d);
      DoubleVector di = ld(x, i0 + 3 * d + V);
      DoubleVector apcr = ar.add(cr);
      DoubleVector apci = ai.add(ci);
      DoubleVector amcr = ar.sub(cr);
      DoubleVector amci = ai.sub(ci);
      DoubleVector bpdr = br.add(dr);
      DoubleVector bpdi = bi.add(di);
      DoubleVector bmdr = br.sub(dr);
      DoubleVector bmdi = bi.sub(di);
      apcr.add(bpdr).intoArray(y, o0);
      apci.add(bpdi).intoArray(y, o0 + V);
      mulStore(amcr.add(bmdi), amci.sub(bmdr), w1r, w1i, y, o0 + od);
      mulStore(apcr.sub(bpdr), apci.sub(bpdi), w2r, w2i, y, o0 + 2 * od);
      mulStore(amcr.sub(bmdi), amci.add(bmdr), w3r, w3i, y, o0 + 3 * od);
    }
  }

  /**
   * The last pass (radix r = 4 or 2, m = 1, stride s = n / r) writing to the caller's lines, a
   * chunk of butterflies at a time: {@link #pass4} / {@link #pass2} restricted to
   * {@code q in [q0, q0 + count)} write the chunk's r output runs into {@code w}, which are then
   * scattered with the factors (in their own method, for the same reason as the gathers).
   */
  private static void passOut(int r, int s, double[] x, Lines out, double fr, double fi,
      double[] w, double[] tr, double[] ti) {
    int len = 2 * CHUNK * V;
    for (int q0 = 0; q0 < s; q0 += CHUNK) {
      int count = Math.min(CHUNK, s - q0);
      if (r == 4) {
        lastButterflies4(q0, count, s, x, w, len, tr, ti);
      } else {
        lastButterflies2(q0, count, s, x, w, len, tr, ti);
      }
      for (int j = 0; j < r; j++) {
        scatter(w, j * len, count, out.data, out.base + (q0 + j * s) * out.step, out.step,
            out.imOff, out.map, fr, fi);
      }
    }
  }

  /**
   * Vector scatters of {@code count} block elements at {@code off} of {@code a}, times
   * {@code (fr, fi)}, to the V lines (the layout of {@link #gather}).
   */
  static void scatter(double[] a, int off, int count, double[] dst, int start, int step,
      int imOffset, int[] map, double fr, double fi) {
    DoubleVector vr = DoubleVector.broadcast(S, fr);
    DoubleVector vi = DoubleVector.broadcast(S, fi);
    for (int j = 0, d = start; j < count; j++, d += step) {
      ld(a, off + 2 * V * j).mul(vr).intoArray(dst, d, map, 0);
      ld(a, off + 2 * V * j + V).mul(vi).intoArray(dst, d + imOffset, map, 0);
    }
  }

  /** Butterflies {@code q0 .. q0+count-1} of a last (m = 1) radix-4 pass, output runs in y. */
  private static void lastButterflies4(int q0, int count, int s, double[] x, double[] y,
      int od, double[] tr, double[] ti) {
    int d = 2 * s * V;
    DoubleVector w1r = DoubleVector.broadcast(S, tr[0]);
    DoubleVector w1i = DoubleVector.broadcast(S, ti[0]);
    DoubleVector w2r = DoubleVector.broadcast(S, tr[1]);
    DoubleVector w2i = DoubleVector.broadcast(S, ti[1]);
    DoubleVector w3r = DoubleVector.broadcast(S, tr[2]);
    DoubleVector w3i = DoubleVector.broadcast(S, ti[2]);
    for (int c = 0; c < count; c++) {
      int i0 = 2 * (q0 + c) * V;
      int o0 = 2 * c * V;
      DoubleVector ar = ld(x, i0);
      DoubleVector ai = ld(x, i0 + V);
      DoubleVector br = ld(x, i0 + d);
      DoubleVector bi = ld(x, i0 + d + V);
      DoubleVector cr = ld(x, i0 + 2 * d);
      DoubleVector ci = ld(x, i0 + 2 * d + V);
      DoubleVector dr = ld(x, i0 + 3 * d);
      DoubleVector di = ld(x, i0 + 3 * d + V);
      DoubleVector apcr = ar.add(cr);
      DoubleVector apci = ai.add(ci);
      DoubleVector amcr = ar.sub(cr);
      DoubleVector amci = ai.sub(ci);
      DoubleVector bpdr = br.add(dr);
      DoubleVector bpdi = bi.add(di);
      DoubleVector bmdr = br.sub(dr);
      DoubleVector bmdi = bi.sub(di);
      apcr.add(bpdr).intoArray(y, o0);
      apci.add(bpdi).intoArray(y, o0 + V);
      mulStore(amcr.add(bmdi), amci.sub(bmdr), w1r, w1i, y, o0 + od);
      mulStore(apcr.sub(bpdr), apci.sub(bpdi), w2r, w2i, y, o0 + 2 * od);
      mulStore(amcr.sub(bmdi), amci.add(bmdr), w3r, w3i, y, o0 + 3 * od);
    }
  }

  /** Butterflies {@code q0 .. q0+count-1} of a last (m = 1) radix-2 pass, output runs in y. */
  private static void lastButterflies2(int q0, int count, int s, double[] x, double[] y,
      int od, double[] tr, double[] ti) {
    int d = 2 * s * V;
    DoubleVector w1r = DoubleVector.broadcast(S, tr[0]);
    DoubleVector w1i = DoubleVector.broadcast(S, ti[0]);
    for (int c = 0; c < count; c++) {
      int i0 = 2 * (q0 + c) * V;
      int o0 = 2 * c * V;
      DoubleVector ar = ld(x, i0);
      DoubleVector ai = ld(x, i0 + V);
      DoubleVector br = ld(x, i0 + d);
      DoubleVector bi = ld(x, i0 + d + V);
      ar.add(br).intoArray(y, o0);
      ai.add(bi).intoArray(y, o0 + V);
      mulStore(ar.sub(br), ai.sub(bi), w1r, w1i, y, o0 + od);
    }
  }
}
