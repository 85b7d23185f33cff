package dev.numspark.fft.engine;

import dev.numspark.parallel.WorkerPool;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Runs a {@link Kernel} over blocks {@code [0, blocks)} on {@code workers} threads, into a given
 * output or into one it allocates while the other workers already compute.
 *
 * <p>Why the second form: the JVM zeroes a new array on the allocating thread (about 12 GB/s
 * here; a 64 MB result takes 5 ms of a 26 ms batched FFT), even when every element is written
 * afterwards, and no JDK API skips that for large arrays. NumPy's result comes from {@code
 * malloc}: fresh pages are zeroed lazily by whichever thread first writes them, so SciPy's
 * workers share that cost. Here the first worker allocates while the others compute blocks;
 * until the output exists, they write finished blocks into small staging arrays laid out like
 * the output (up to {@link FftConfig#stagingCapBytes}, then they wait), copied into place once
 * it is published. The staging memory is kept for the next run ({@link StagingSlabs}). (Staging
 * the engine's buffers instead, for the final scatter later, costs as much as computing the blocks
 * again: the scatter then reads them from memory in permuted order.)
 *
 * <p>Every block is computed by the same {@link Kernel#compute} and written by the same code
 * whichever thread runs it, into the output or a staging array (whose values are then only
 * copied), so results do not depend on {@code workers}. Only the {@code workers} threads of
 * {@link WorkerPool#parallelFor} take part (the caller and {@code workers - 1} pool threads); a
 * failure stops the others and is rethrown.
 */
final class BlockLoop {
  private BlockLoop() {}

  /**
   * The work on one block in two steps: {@link #compute} everything up to the output (gather,
   * transform) into a worker's buffers, then {@link #write} the block's lines into the output,
   * or {@link #stage} them (the same values) into a slot of a staging slab, from which
   * {@link #unstage} copies them into the output later.
   */
  interface Kernel<S> {
    /**
     * A worker's buffers for one block at a time: new, or ones this thread used before (which
     * every block overwrites as far as it reads them).
     */
    S buffers();

    /** The worker is done with {@code buffers} for now: drop what they point at. */
    void release(S buffers);

    void compute(int blk, S buffers);

    void write(int blk, S buffers, double[] dst);

    /** Doubles one staging slot holds: a full block's output lines. */
    int slotLength();

    /**
     * The block's output lines, as {@link #write} computes them, compactly into slot
     * {@code slot} of {@code slab}.
     */
    void stage(int blk, S buffers, double[] slab, int slot);

    /** Copies a block {@link #stage}d in slot {@code slot} of {@code slab} into place. */
    void unstage(int blk, double[] slab, int slot, double[] dst);
  }

  /** {@code kernel} on every block into {@code dst}. */
  static <S> void run(Kernel<S> kernel, int blocks, double[] dst, int workers) {
    if ((long) dst.length * Double.BYTES < FftConfig.parallelMinBytes) {
      workers = 1;
    }
    // buffers once per worker, not per range: a block's buffers are zeroed arrays as large as
    // the block's lines, which per range cost small batches more than a second worker saves
    WorkerPool.parallelFor(workers, blocks, kernel::buffers, (s, from, to) -> {
      try {
        for (int blk = from; blk < to; blk++) {
          kernel.compute(blk, s);
          kernel.write(blk, s, dst);
        }
      } finally {
        kernel.release(s);
      }
    });
  }

  /**
   * {@code kernel} on every block into the array {@code allocate} returns ({@code outBytes}
   * large, all zero), which is returned. With several workers and a large output, one worker
   * allocates it while the others compute; otherwise it is allocated first. When the previous call
   * had an output of the same size, that worker also allocates the next call's output ahead, and a
   * call that finds one ready uses it ({@link SpareResults}).
   */
  static <S> double[] run(Kernel<S> kernel, int blocks, Supplier<double[]> allocate,
      long outBytes, int workers) {
    if (outBytes < FftConfig.parallelMinBytes) {
      workers = 1;
    }
    if (blocks < 2 || outBytes < FftConfig.overlapMinBytes) {
      double[] dst = allocate.get();
      run(kernel, blocks, dst, workers);
      return dst;
    }
    int length = (int) (outBytes / Double.BYTES);
    double[] ready = SpareResults.take(length);
    boolean ahead = SpareResults.repeated(length) && workers >= 2;
    if (workers < 2 || ready != null && !ahead) {
      double[] dst = ready != null ? ready : allocate.get();
      run(kernel, blocks, dst, workers);
      return dst;
    }
    long slotBytes = Math.max(1, (long) kernel.slotLength() * Double.BYTES);
    long capBytes = Math.min(FftConfig.stagingCapBytes, outBytes / 8 * 3);
    int capBlocks = (int) Math.min(blocks, capBytes / slotBytes);
    Overlap<S> o = new Overlap<>(kernel, blocks, capBlocks, ready);
    try {
      // one range per worker: whoever takes range 0 (the caller, unless a pool thread is
      // quicker) allocates; a range is only handed out to a running thread, so nobody waits for
      // an allocation that has not started
      WorkerPool.parallelFor(workers, workers, 1,
          (w, end) -> o.work(w == 0 ? allocate : null, ahead));
    } finally {
      // every worker is done with it, failed or not
      StagingSlabs.give(o.slab);
    }
    return o.dst;
  }

  /** The shared state of one overlapped run. */
  private static final class Overlap<S> {
    private final Kernel<S> kernel;
    private final int capBlocks;
    /** Blocks not yet taken, {@code [front, back)}, as {@code front << 32 | back}. */
    private final AtomicLong range;
    private final Object lock = new Object();
    private volatile double[] dst;
    private volatile boolean failed;
    // guarded by lock
    private final ArrayDeque<Staged> staged = new ArrayDeque<>();
    private int stagedBlocks;
    /** Room for {@code capBlocks} staged blocks, taken when the first block is staged. */
    private volatile double[] slab;

    private record Staged(int blk, int slot) {}

    /** {@code ready}: the output if it exists already (a spare), else null. */
    Overlap(Kernel<S> kernel, int blocks, int capBlocks, double[] ready) {
      this.kernel = kernel;
      this.capBlocks = capBlocks;
      this.range = new AtomicLong(blocks);
      this.dst = ready;
    }

    /**
     * One worker: if {@code allocate} is given, allocates the output first unless it exists, and
     * with {@code ahead} the next call's output (kept as {@link SpareResults}); then computes
     * blocks until none are left. The allocating worker takes blocks from the front, the others
     * from the back, so each writes a contiguous run of the output (no cache lines shared between
     * threads at every block border of strided outputs).
     */
    void work(Supplier<double[]> allocate, boolean ahead) {
      S s = null; // made on the first block: a late worker may find none left
      try {
        boolean front = allocate != null;
        if (front && dst == null) {
          double[] d = allocate.get();
          synchronized (lock) {
            dst = d;
            lock.notifyAll();
          }
          // the others keep computing meanwhile (the copies are memory bound, they are not)
          unstage(d);
        }
        if (front && ahead) {
          SpareResults.keep(allocate.get());
        }
        while (!failed) {
          int blk = take(front);
          if (blk < 0) {
            return;
          }
          if (s == null) {
            s = kernel.buffers();
          }
          kernel.compute(blk, s);
          int slot = dst != null ? -1 : reserveOrAwait();
          if (slot >= 0) {
            stage(blk, s, slot);
          } else if (!failed) {
            kernel.write(blk, s, dst);
          }
        }
      } catch (Throwable t) {
        synchronized (lock) {
          failed = true;
          lock.notifyAll(); // no worker waits for an output that will not come
        }
        throw t;
      } finally {
        if (s != null) {
          kernel.release(s);
        }
      }
    }

    /** The next block from the front or the back, or -1 when none is left. */
    private int take(boolean front) {
      while (true) {
        long r = range.get();
        int lo = (int) (r >>> 32);
        int hi = (int) r;
        if (lo >= hi) {
          return -1;
        }
        long next = front ? r + (1L << 32) : r - 1;
        if (range.compareAndSet(r, next)) {
          return front ? lo : hi - 1;
        }
      }
    }

    /** Stages a computed block, or copies it in if the output was published meanwhile. */
    private void stage(int blk, S s, int slot) {
      double[] room = slab();
      kernel.stage(blk, s, room, slot);
      synchronized (lock) {
        if (dst == null) {
          staged.add(new Staged(blk, slot));
          return;
        }
      }
      kernel.unstage(blk, room, slot, dst);
    }

    /**
     * The staging slab, taken from {@link StagingSlabs} by the first worker to stage (outside
     * {@link #lock}: a new slab's zeroing must not hold up the output's publication).
     */
    private double[] slab() {
      double[] room = slab;
      if (room == null) {
        synchronized (this) {
          room = slab;
          if (room == null) {
            slab = room = StagingSlabs.take(capBlocks * kernel.slotLength());
          }
        }
      }
      return room;
    }

    /** Copies the blocks staged before the output was published into it. */
    private void unstage(double[] d) {
      while (true) {
        Staged st;
        synchronized (lock) {
          st = staged.poll();
          if (st == null) {
            return;
          }
        }
        kernel.unstage(st.blk(), slab, st.slot(), d);
      }
    }

    /**
     * Before the output exists: reserves a staging slot if the cap allows and returns it, else
     * waits for the output and returns -1 (also when another worker failed: see {@link #failed}).
     */
    private int reserveOrAwait() {
      boolean interrupted = false;
      try {
        synchronized (lock) {
          while (dst == null && !failed) {
            if (stagedBlocks < capBlocks) {
              return stagedBlocks++;
            }
            try {
              lock.wait();
            } catch (InterruptedException e) {
              // the allocation is under way on a running worker: wait for it
              interrupted = true;
            }
          }
          return -1;
        }
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
