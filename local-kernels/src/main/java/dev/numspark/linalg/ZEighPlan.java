package dev.numspark.linalg;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.numspark.linalg.ZLapack.Z;
import java.util.concurrent.ConcurrentHashMap;

/**
 * zheevr's arguments for one order and job, in native memory allocated once and reused for every
 * matrix of that shape: one LAPACK call per matrix and no Java objects per matrix. At the orders
 * of sensor arrays (8 x 8) the call itself takes a few microseconds, so a workspace query and some
 * twenty JNA pointers per matrix cost as much as the decomposition did.
 *
 * <p>Workspace sizes are queried once per process and key: zheevr's optimal sizes depend on n,
 * jobz and range (through ilaenv's block size for zhetrd/zunmtr), not on the matrix or on il/iu.
 * Small plans are kept per thread ({@link #forThread}), so a batch, and the next call on the same
 * worker thread, allocate nothing; a plan sits at a 64-byte-aligned address as {@link ZWork}'s
 * regions do, so results do not depend on the thread that computes a matrix.
 */
final class ZEighPlan {
  /** The largest order whose plan a thread keeps between calls (its native memory ~ 40 n² bytes). */
  static final int KEPT_ORDER = 64;

  private static final long ALIGN = 64;
  private static final ConcurrentHashMap<Key, int[]> WORKSPACE = new ConcurrentHashMap<>();
  private static final ThreadLocal<ZEighPlan> KEPT = new ThreadLocal<>();

  private record Key(int n, boolean vectors, boolean subset) {}

  private final int n;
  private final boolean lower;
  private final int lo;
  private final int hi;
  private final boolean subset;
  private final boolean vectors;
  private final Memory memory;
  private final Pointer a;
  private final Pointer w;
  private final Pointer z;
  private final Pointer pn;
  private final Pointer lda;
  private final Pointer il;
  private final Pointer iu;
  private final Pointer found;
  private final Pointer ldz;
  private final Pointer info;
  private final Pointer lwork;
  private final Pointer lrwork;
  private final Pointer liwork;
  private final Pointer zero;
  private final Pointer isuppz;
  private final Pointer work;
  private final Pointer rwork;
  private final Pointer iwork;
  private final Pointer jobz;
  private final Pointer range;
  private final Pointer uplo;
  private final double[] tmp;

  private ZEighPlan(int n, boolean lower, int lo, int hi, boolean subset, boolean vectors) {
    this.n = n;
    this.lower = lower;
    this.lo = lo;
    this.hi = hi;
    this.subset = subset;
    this.vectors = vectors;
    int count = hi - lo + 1;
    int[] sizes = WORKSPACE.computeIfAbsent(new Key(n, vectors, subset), ZEighPlan::query);
    long[] offsets = new long[9];
    long[] bytes = {16L * n * n, 8L * n, vectors ? 16L * n * count : 16, 4L * 16, 8, 8L * n,
        16L * sizes[0], 8L * sizes[1], 4L * sizes[2]};
    long total = 0;
    for (int i = 0; i < bytes.length; i++) {
      offsets[i] = total;
      total += (Math.max(bytes[i], 1) + ALIGN - 1) / ALIGN * ALIGN;
    }
    memory = new Memory(total + ALIGN);
    Pointer base = memory.align((int) ALIGN);
    a = base.share(offsets[0]);
    w = base.share(offsets[1]);
    z = base.share(offsets[2]);
    Pointer ints = base.share(offsets[3]);
    zero = base.share(offsets[4]);
    isuppz = base.share(offsets[5]);
    work = base.share(offsets[6]);
    rwork = base.share(offsets[7]);
    iwork = base.share(offsets[8]);
    zero.setDouble(0, 0.0);
    pn = integer(ints, 0, n);
    lda = integer(ints, 1, Math.max(1, n));
    il = integer(ints, 2, lo + 1);
    iu = integer(ints, 3, hi + 1);
    found = integer(ints, 4, 0);
    ldz = integer(ints, 5, vectors ? Math.max(1, n) : 1);
    info = integer(ints, 6, 0);
    lwork = integer(ints, 7, sizes[0]);
    lrwork = integer(ints, 8, sizes[1]);
    liwork = integer(ints, 9, sizes[2]);
    jobz = ZLapack.ch(vectors ? 'V' : 'N');
    range = ZLapack.ch(subset ? 'I' : 'A');
    uplo = ZLapack.ch(lower ? 'L' : 'U');
    tmp = new double[2 * n * Math.max(n, 1)];
  }

  /**
   * The calling thread's plan for this shape and job: its kept plan when that fits, else a new
   * one (kept when small).
   */
  static ZEighPlan forThread(int n, boolean lower, int lo, int hi, boolean subset,
      boolean vectors) {
    ZEighPlan kept = KEPT.get();
    if (kept != null && kept.fits(n, lower, lo, hi, subset, vectors)) {
      return kept;
    }
    ZEighPlan plan = new ZEighPlan(n, lower, lo, hi, subset, vectors);
    if (n <= KEPT_ORDER) {
      KEPT.set(plan);
    }
    return plan;
  }

  private boolean fits(int n, boolean lower, int lo, int hi, boolean subset, boolean vectors) {
    return this.n == n && this.lower == lower && this.lo == lo && this.hi == hi
        && this.subset == subset && this.vectors == vectors;
  }

  /** The Fortran integer at int index i of {@code ints}, set to value. */
  private static Pointer integer(Pointer ints, int i, int value) {
    Pointer p = ints.share(4L * i, 4);
    p.setInt(0, value);
    return p;
  }

  /**
   * {lwork, lrwork, liwork}: zheevr's workspace query (lwork = lrwork = liwork = -1), which reads
   * only the scalars and writes the optimal sizes into work(1), rwork(1) and iwork(1).
   */
  private static int[] query(Key key) {
    int n = key.n();
    Memory m = new Memory(16 * 64);
    Pointer ints = m.share(0, 64);
    Pointer pn = integer(ints, 0, n);
    Pointer ld = integer(ints, 1, Math.max(1, n));
    Pointer il = integer(ints, 2, 1);
    Pointer iu = integer(ints, 3, Math.max(1, n));
    Pointer found = integer(ints, 4, 0);
    Pointer info = integer(ints, 5, 0);
    Pointer minus1 = integer(ints, 6, -1);
    Pointer zero = m.share(128, 8);
    zero.setDouble(0, 0.0);
    Pointer scratch = m.share(256, 64);
    Pointer q = m.share(384, 16);
    Pointer rq = m.share(512, 8);
    Pointer iq = m.share(640, 4);
    Z.zheevr_(ZLapack.ch(key.vectors() ? 'V' : 'N'), ZLapack.ch(key.subset() ? 'I' : 'A'),
        ZLapack.ch('L'), pn, scratch, ld, zero, zero, il, iu, zero, found, scratch, scratch, ld,
        scratch, q, minus1, rq, minus1, iq, minus1, info, 1, 1, 1);
    return new int[] {Math.max(1, (int) q.getDouble(0)), Math.max(1, (int) rq.getDouble(0)),
        Math.max(1, iq.getInt(0))};
  }

  /**
   * Eigenvalues lo..hi of the Hermitian matrix at {@code src[2 * off]} (row-major) into
   * {@code w[wOff..]} and, with vectors, the row-major n x (hi-lo+1) eigenvectors into
   * {@code v[2 * vOff..]}; returns LAPACK's info.
   */
  int run(double[] src, int off, double[] wOut, int wOff, double[] v, int vOff) {
    int count = hi - lo + 1;
    ZWork.toColumns(src, off, n, n, a, n, tmp);
    Z.zheevr_(jobz, range, uplo, pn, a, lda, zero, zero, il, iu, zero, found, w, z, ldz, isuppz,
        work, lwork, rwork, lrwork, iwork, liwork, info, 1, 1, 1);
    int result = info.getInt(0);
    if (result != 0) {
      return result;
    }
    w.read(0, wOut, wOff, count);
    if (vectors) {
      ZWork.fromColumns(z, n, n, count, v, vOff, tmp);
    }
    return 0;
  }
}
