package dev.numspark.fft.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.numspark.array.NdArray;
import dev.numspark.fft.Fft;
import dev.numspark.fft.Norm;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link BlockLoop}: the output allocated by one worker while the others compute (and stage)
 * blocks. Engine results bit for bit equal to one worker's whatever the workers, the staging cap
 * and the allocation's speed (a slow allocator makes the other workers stage, or wait at the
 * cap); every block written exactly once; failures rethrown without hanging.
 */
@org.junit.jupiter.api.extension.ExtendWith(SpareResultsRestored.class)
class BlockLoopTest {
  private static final int V = BlockRunner.lanes();
  private long minBytes;
  private long parallelBytes;
  private long capBytes;

  /** Spares off unless a test turns them on: a ready output would leave nothing to stage. */
  @BeforeEach
  void saveKnobs() {
    minBytes = FftConfig.overlapMinBytes;
    parallelBytes = FftConfig.parallelMinBytes;
    capBytes = FftConfig.stagingCapBytes;
    FftConfig.parallelMinBytes = 0; // these small arrays must run on several workers
    FftConfig.spareResults = false;
    SpareResults.minSpareBytes = 0; // whichever collector runs the tests
  }

  @AfterEach
  void restoreKnobs() {
    FftConfig.overlapMinBytes = minBytes;
    FftConfig.parallelMinBytes = parallelBytes;
    FftConfig.stagingCapBytes = capBytes;
  }

  /** Every engine op, radix and Bluestein lengths, partial last blocks, contiguous and strided. */
  @Test
  void engineResultsAreBitwiseIdenticalForAnyWorkersAndCap() {
    FftConfig.overlapMinBytes = 0;
    Norm norm = Norm.parse(null);
    // {outer, n, inner}: outer * inner lines of length n, inner > 1 for an inner (strided) axis;
    // 1009 and 101 are Bluestein lengths
    int[][] shapes = {{13 * V + 3, 96, 1}, {5 * V, 1024, 1}, {2 * V + 5, 60, 3},
        {9 * V, 1009, 1}, {V + 1, 101, 5}};
    for (int[] sh : shapes) {
      int lines = sh[0] * sh[2];
      int n = sh[1];
      int inner = sh[2];
      double[] cx = random(2L * lines * n, lines + n);
      double[] re = random((long) lines * n, lines - n);
      int h = n / 2 + 1;
      double[] half = random(2L * lines * h, lines * n);
      LineOp[] ops = {new ComplexLineOp(n, n, true, norm), new ComplexLineOp(n, n, false, norm),
          new RealForwardLineOp(n, n, 1.0, false), new RealInverseLineOp(h, n, 1.0 / n, false)};
      for (LineOp op : ops) {
        assertTrue(BlockRunner.supports(op), op.getClass().getSimpleName() + " n=" + n);
        boolean complexIn = !(op instanceof RealForwardLineOp);
        double[] src = op instanceof RealInverseLineOp ? half : complexIn ? cx : re;
        int len = op instanceof RealInverseLineOp ? h : n;
        int outLength = lines * op.outLen * (op.outComplex ? 2 : 1);
        String what = op.getClass().getSimpleName() + " n=" + n + " lines=" + lines
            + " inner=" + inner;
        double[] expected = new double[outLength];
        BlockRunner.run(src, complexIn, expected, lines, len, inner, op, 1);
        // cap: none, about two blocks, everything
        for (long cap : new long[] {0, 2L * outLength / ((lines + V - 1) / V) * 8, 1L << 40}) {
          FftConfig.stagingCapBytes = cap;
          for (int workers = 1; workers <= 3; workers++) {
            boolean[] slowness = workers == 1 ? new boolean[] {false} : new boolean[] {false, true};
            for (boolean slow : slowness) {
              double[] got = BlockRunner.run(src, complexIn, allocator(outLength, slow), lines,
                  len, inner, op, workers);
              assertArrayEquals(expected, got,
                  what + " workers=" + workers + " cap=" + cap + " slow=" + slow);
            }
          }
        }
      }
    }
  }

  @Test
  void fftApiResultsAreBitwiseIdenticalForAnyWorkers() {
    fftApiResultsAreBitwiseIdenticalForAnyWorkers(false);
    fftApiResultsAreBitwiseIdenticalForAnyWorkers(true);
  }

  /** With {@code spares}, repeated shapes run on results allocated ahead. */
  private static void fftApiResultsAreBitwiseIdenticalForAnyWorkers(boolean spares) {
    FftConfig.spareResults = spares;
    FftConfig.overlapMinBytes = 0;
    FftConfig.stagingCapBytes = 1 << 16;
    NdArray x = NdArray.complex(random(2L * (11 * V + 3) * 512, 7), 11 * V + 3, 512);
    NdArray r = NdArray.real(random((long) (6 * V + 1) * 1000, 8), 6 * V + 1, 1000);
    NdArray m = NdArray.complex(random(2L * 64 * (3 * V + 1), 9), 64, 3 * V + 1);
    NdArray b = NdArray.complex(random(2L * 9 * V * 1009, 10), 9 * V, 1009);
    double[] fft = Fft.fft(x, null, -1, null, 1).data();
    double[] rfft = Fft.rfft(r, null, -1, null, 1).data();
    double[] irfft = Fft.irfft(Fft.rfft(r), 1000, -1, null, 1).data();
    double[] fft2 = Fft.fft2(m, null, null, null, 1).data();
    double[] blue = Fft.fft(b, null, -1, null, 1).data();
    double[] axis0 = Fft.fft(x, null, 0, null, 1).data();
    for (int w = 2; w <= 3; w++) {
      assertArrayEquals(fft, Fft.fft(x, null, -1, null, w).data(), "fft workers=" + w);
      assertArrayEquals(rfft, Fft.rfft(r, null, -1, null, w).data(), "rfft workers=" + w);
      assertArrayEquals(irfft, Fft.irfft(Fft.rfft(r), 1000, -1, null, w).data(),
          "irfft workers=" + w);
      assertArrayEquals(fft2, Fft.fft2(m, null, null, null, w).data(), "fft2 workers=" + w);
      assertArrayEquals(blue, Fft.fft(b, null, -1, null, w).data(), "bluestein workers=" + w);
      assertArrayEquals(axis0, Fft.fft(x, null, 0, null, w).data(), "axis 0 workers=" + w);
    }
  }

  @Test
  void everyBlockIsWrittenOnceAndTheCapHolds() {
    FftConfig.overlapMinBytes = 0;
    int blocks = 40;
    int per = 16;
    for (int capBlocks : new int[] {0, 1, 5, blocks}) {
      FftConfig.stagingCapBytes = (long) capBlocks * per * Double.BYTES;
      for (int workers = 2; workers <= 3; workers++) {
        CountingKernel k = new CountingKernel(blocks, per);
        double[] out = BlockLoop.run(k, blocks, allocator(blocks * per, true),
            (long) blocks * per * Double.BYTES, workers);
        for (int blk = 0; blk < blocks; blk++) {
          assertEquals(1, k.computed.get(blk), "computed blk " + blk);
          for (int i = 0; i < per; i++) {
            assertEquals(blk + 0.5, out[blk * per + i], "blk " + blk);
          }
        }
        String what = "cap " + capBlocks + " workers " + workers;
        // the slow allocation leaves the other workers time for all blocks: the cap binds
        assertTrue(k.maxStaged.get() <= capBlocks, what + ": staged " + k.maxStaged.get());
        if (capBlocks > 0) {
          assertTrue(k.maxStaged.get() > 0, what + ": nothing staged");
        }
      }
    }
  }

  /**
   * A size asked for twice in a row gets its next result allocated ahead by a worker, and the
   * next call of that size (any workers) uses it: a new zero array, handed out once, so the
   * results are what new arrays give. Other sizes, and no spares when turned off.
   */
  @Test
  void aRepeatedSizeGetsItsNextResultAllocatedAhead() {
    FftConfig.spareResults = true;
    FftConfig.overlapMinBytes = 0;
    int blocks = 24;
    int per = 16;
    long bytes = (long) blocks * per * Double.BYTES;
    java.util.List<double[]> made = new java.util.ArrayList<>();
    Supplier<double[]> allocate = () -> {
      double[] a = new double[blocks * per];
      synchronized (made) {
        made.add(a);
      }
      return a;
    };
    double[][] results = new double[5][];
    int[] workers = {2, 2, 2, 1, 2};
    for (int run = 0; run < results.length; run++) {
      CountingKernel k = new CountingKernel(blocks, per);
      results[run] = BlockLoop.run(k, blocks, allocate, bytes, workers[run]);
      for (int blk = 0; blk < blocks; blk++) {
        assertEquals(1, k.computed.get(blk), "run " + run + " blk " + blk);
        assertEquals(blk + 0.5, results[run][blk * per], "run " + run + " blk " + blk);
      }
    }
    // run 0: its result; run 1 (same size again): its result and a spare; run 2: the spare, and
    // the next spare; run 3 (one worker): that spare, nothing made; run 4: its result (no spare
    // left) and a spare
    assertEquals(6, made.size());
    assertSame(made.get(0), results[0]);
    assertSame(made.get(1), results[1]);
    assertSame(made.get(2), results[2]);
    assertSame(made.get(3), results[3]);
    assertSame(made.get(4), results[4]);
    assertNull(SpareResults.take(blocks * per + 1), "a spare of another size is not handed out");
    assertSame(made.get(5), SpareResults.take(blocks * per));
    assertNull(SpareResults.take(blocks * per), "a spare is handed out once");
    FftConfig.spareResults = false;
    for (int run = 0; run < 3; run++) {
      BlockLoop.run(new CountingKernel(blocks, per), blocks, allocate, bytes, 2);
    }
    assertEquals(9, made.size(), "off: one allocation per call");
    FftConfig.spareResults = true;
    int huge = (int) (SpareResults.MAX_SPARE_BYTES / Double.BYTES) + 1;
    SpareResults.repeated(huge);
    assertTrue(!SpareResults.repeated(huge), "no spare for results over the limit");
    SpareResults.repeated(huge - 1);
    assertTrue(SpareResults.repeated(huge - 1), "at the limit, a repeat asks for a spare");
  }

  /** The staging memory of one run serves the next (see {@link StagingSlabs}). */
  @Test
  void theStagingSlabIsKeptForTheNextRun() {
    FftConfig.overlapMinBytes = 0;
    FftConfig.stagingCapBytes = 1 << 20;
    int blocks = 40;
    int per = 16;
    double[][] used = new double[2][];
    for (int run = 0; run < 2; run++) {
      StagingSlabs.clear(); // only this run's slab can be kept afterwards
      if (run == 1) {
        StagingSlabs.give(used[0]);
      }
      CountingKernel k = new CountingKernel(blocks, per);
      BlockLoop.run(k, blocks, allocator(blocks * per, true), (long) blocks * per * 8, 2);
      assertTrue(k.maxStaged.get() > 0, "the slow allocation makes the other worker stage");
      used[run] = k.slab;
      assertEquals(1, StagingSlabs.kept(), "run " + run + " gave its slab back");
    }
    assertSame(used[0], used[1], "the second run staged in the first one's slab");
  }

  @Test
  void aFailingWorkerIsRethrownWithoutHanging() {
    FftConfig.overlapMinBytes = 0;
    FftConfig.stagingCapBytes = 0;
    int blocks = 12;
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      for (int bad : new int[] {0, blocks / 2, blocks - 1}) {
        CountingKernel k = new CountingKernel(blocks, 4) {
          @Override
          public void compute(int blk, int[] s) {
            if (blk == bad) {
              throw new IllegalStateException("block " + blk);
            }
            super.compute(blk, s);
          }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> BlockLoop.run(k, blocks, allocator(blocks * 4, true), 1 << 20, 2));
        assertEquals("block " + bad, e.getMessage());
      }
      // the allocation fails while the other worker waits at the cap
      OutOfMemoryError oom = new OutOfMemoryError("test");
      Supplier<double[]> failing = () -> {
        sleep(50);
        throw oom;
      };
      assertSame(oom, assertThrows(OutOfMemoryError.class,
          () -> BlockLoop.run(new CountingKernel(blocks, 4), blocks, failing, 1 << 20, 2)));
    });
  }

  /** Block {@code blk} writes {@code blk + 0.5} into its {@code per} elements. */
  private static class CountingKernel implements BlockLoop.Kernel<int[]> {
    final AtomicIntegerArray computed;
    final AtomicInteger staged = new AtomicInteger();
    final AtomicInteger maxStaged = new AtomicInteger();
    volatile double[] slab;
    private final int per;

    CountingKernel(int blocks, int per) {
      this.computed = new AtomicIntegerArray(blocks);
      this.per = per;
    }

    @Override
    public int[] buffers() {
      return new int[1];
    }

    @Override
    public void release(int[] s) {}

    @Override
    public void compute(int blk, int[] s) {
      computed.incrementAndGet(blk);
      s[0] = blk;
    }

    @Override
    public void write(int blk, int[] s, double[] dst) {
      assertEquals(blk, s[0]);
      java.util.Arrays.fill(dst, blk * per, (blk + 1) * per, blk + 0.5);
    }

    @Override
    public int slotLength() {
      return per;
    }

    @Override
    public void stage(int blk, int[] s, double[] slab, int slot) {
      maxStaged.accumulateAndGet(staged.incrementAndGet(), Math::max);
      this.slab = slab;
      java.util.Arrays.fill(slab, slot * per, (slot + 1) * per, s[0] + 0.5);
    }

    @Override
    public void unstage(int blk, double[] slab, int slot, double[] dst) {
      staged.decrementAndGet();
      System.arraycopy(slab, slot * per, dst, blk * per, per);
    }
  }

  /** A zero array; a slow one takes 20 ms, so that the other workers stage blocks meanwhile. */
  private static Supplier<double[]> allocator(int length, boolean slow) {
    return () -> {
      if (slow) {
        sleep(20);
      }
      return new double[length];
    };
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static double[] random(long length, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] d = new double[(int) length];
    for (int i = 0; i < d.length; i++) {
      d[i] = rnd.nextDouble(-1, 1);
    }
    return d;
  }
}
