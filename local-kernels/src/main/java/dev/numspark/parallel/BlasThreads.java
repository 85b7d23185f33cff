package dev.numspark.parallel;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The process-wide arbiter of native BLAS threads. The thread count of a native BLAS is one
 * global of the process, so calls that want different counts cannot overlap without one of them
 * running at the other's count (or a save-and-restore undoing another caller's setting).
 *
 * <ul>
 *   <li>Calls that need n native threads share an <em>epoch</em> at n ({@link #acquire(int)}).
 *       A caller that needs another count waits until the running epoch drains; while it waits,
 *       no later caller joins that epoch, and epochs follow the callers' order of arrival, so no
 *       caller is starved. The count never changes under a running call.
 *   <li>When no call runs, the count is the <em>standing</em> setting: the innermost open
 *       {@link #stand(int)} scope (the executor plugin's budget, a user's {@link ThreadLimits}
 *       scope), else the library's own default (OpenBLAS: every core).
 *   <li>A call with {@code workers} unset runs at {@link #defaultCount()}, SciPy's default: the
 *       standing setting, inside a Spark task without a standing scope the task's CPUs.
 * </ul>
 *
 * <p>A call made while the same thread holds a lease joins that lease's epoch (a kernel inside a
 * kernel), so nesting never waits on itself. Without a native BLAS every lease is a no-op.
 */
public final class BlasThreads {

  private static final Object LOCK = new Object();
  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);
  private static final Lease NONE = new Lease(false);
  /** Open standing scopes, oldest first; the last is in force (closing may happen in any order). */
  private static final List<Standing> STANDINGS = new ArrayList<>();
  /** Callers waiting to enter an epoch, oldest first: each is its wanted count in a box. */
  private static final ArrayDeque<int[]> QUEUE = new ArrayDeque<>();
  private static int epochCount;
  private static int running;
  /** The count last given to the libraries, so that an unchanged count costs no native call. */
  private static int applied;
  private static long epochsStarted;

  private BlasThreads() {}

  /** The controlled libraries (numspark's BLAS and any other BLAS loaded), found once. */
  private static final class Libraries {
    static final List<LibController> BLAS;
    static final int LIBRARY_DEFAULT;

    static {
      List<LibController> blas = new ArrayList<>();
      for (LibController controller : ThreadLimits.knownControllers()) {
        if (controller.userApi() == UserApi.BLAS) {
          blas.add(controller);
        }
      }
      BLAS = List.copyOf(blas);
      LIBRARY_DEFAULT = BLAS.isEmpty() ? 1 : BLAS.get(0).getNumThreads();
      applied = LIBRARY_DEFAULT;
    }
  }

  /** Whether a native BLAS with a thread count is loaded (else every lease is a no-op). */
  public static boolean controlsNative() {
    return !Libraries.BLAS.isEmpty();
  }

  /** The count numspark's BLAS had before numspark set any: the library's own default. */
  public static int libraryDefault() {
    return Libraries.LIBRARY_DEFAULT;
  }

  /**
   * SciPy's default for a call with {@code workers} unset: the innermost standing scope, else the
   * context's budget (a Spark task's CPUs), else the library's default.
   */
  public static int defaultCount() {
    synchronized (LOCK) {
      if (!STANDINGS.isEmpty()) {
        return STANDINGS.get(STANDINGS.size() - 1).count;
      }
    }
    return Workers.contextBudget().orElse(libraryDefault());
  }

  /** The count the native BLAS returns to when no call runs. */
  public static int standingCount() {
    synchronized (LOCK) {
      return standingLocked();
    }
  }

  private static int standingLocked() {
    return STANDINGS.isEmpty() ? libraryDefault() : STANDINGS.get(STANDINGS.size() - 1).count;
  }

  /** How many epochs have started (a count changed or the BLAS went from idle to busy). */
  public static long epochsStarted() {
    synchronized (LOCK) {
      return epochsStarted;
    }
  }

  /** Whether the calling thread holds a lease (its calls join that lease's epoch). */
  public static boolean holding() {
    return DEPTH.get()[0] > 0;
  }

  /** A lease at {@link #defaultCount()}. */
  public static Lease acquireDefault() {
    return acquire(defaultCount());
  }

  /**
   * Runs the caller in an epoch of {@code threads} native threads until the lease is closed,
   * waiting first for a running epoch of another count to drain. Close it on the same thread.
   */
  public static Lease acquire(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("thread limit must be at least 1, got " + threads);
    }
    if (!controlsNative()) {
      return NONE;
    }
    int[] depth = DEPTH.get();
    if (depth[0] > 0) {
      depth[0]++;
      return new Lease(true);
    }
    boolean interrupted = false;
    synchronized (LOCK) {
      // First come, first served by count: a caller enters when every caller queued before it
      // wants the same count and the running epoch (if any) is at that count.
      int[] me = {threads};
      QUEUE.addLast(me);
      try {
        while (!admissible(me)) {
          try {
            LOCK.wait();
          } catch (InterruptedException e) {
            interrupted = true; // a native call in flight cannot be stopped: keep waiting
          }
        }
      } finally {
        QUEUE.remove(me);
      }
      if (running == 0) {
        setNative(threads);
        epochCount = threads;
        epochsStarted++;
      }
      running++;
      LOCK.notifyAll(); // callers queued behind for this count may join
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    depth[0] = 1;
    return new Lease(true);
  }

  private static boolean admissible(int[] caller) {
    if (running > 0 && epochCount != caller[0]) {
      return false;
    }
    for (int[] ahead : QUEUE) {
      if (ahead == caller) {
        return true;
      }
      if (ahead[0] != caller[0]) {
        return false;
      }
    }
    throw new IllegalStateException("caller not queued");
  }

  private static void release() {
    synchronized (LOCK) {
      running--;
      if (running == 0) {
        setNative(standingLocked());
        LOCK.notifyAll();
      }
    }
  }

  private static void setNative(int threads) {
    if (threads != applied) {
      for (LibController controller : Libraries.BLAS) {
        controller.setNumThreads(threads);
      }
      applied = threads;
    }
  }

  /**
   * Makes {@code threads} the standing setting until the scope is closed. It takes effect at
   * once when no call runs, else when the running epoch drains. Scopes may close in any order:
   * the most recent one still open is in force.
   */
  public static Standing stand(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("thread limit must be at least 1, got " + threads);
    }
    if (!controlsNative()) {
      return new Standing(threads, false);
    }
    synchronized (LOCK) {
      Standing standing = new Standing(threads, standingLocked() != threads);
      STANDINGS.add(standing);
      if (running == 0) {
        setNative(threads);
      }
      return standing;
    }
  }

  /** A call's place in an epoch; closing leaves it (the last one out restores the standing). */
  public static final class Lease implements AutoCloseable {
    private final boolean counted;
    private boolean closed;

    private Lease(boolean counted) {
      this.counted = counted;
    }

    @Override
    public void close() {
      if (closed || !counted) {
        return;
      }
      closed = true;
      int[] depth = DEPTH.get();
      if (--depth[0] == 0) {
        DEPTH.remove();
        release();
      }
    }
  }

  /** A standing-setting scope (see {@link #stand(int)}). */
  public static final class Standing implements AutoCloseable {
    private final int count;
    private final boolean changed;
    private boolean closed;

    private Standing(int count, boolean changed) {
      this.count = count;
      this.changed = changed;
    }

    /** Whether opening it changed the standing setting. */
    public boolean changed() {
      return changed;
    }

    @Override
    public void close() {
      synchronized (LOCK) {
        if (closed) {
          return;
        }
        closed = true;
        STANDINGS.remove(this);
        if (running == 0 && controlsNative()) {
          setNative(standingLocked());
        }
      }
    }
  }
}
