package dev.numspark.fft.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.numspark.fft.Norm;
import dev.numspark.fft.TestArrays;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@link BlockRunner}'s buffers kept per thread between calls: a thread reuses its last buffers
 * only for the same kernel kind and size, below the size cap; a result never depends on what a
 * thread ran before (bit for bit the result of a thread that never ran a transform); and kept
 * buffers do not keep an output reachable.
 */
class KeptBuffersTest {
  private static final int V = BlockRunner.lanes();

  /** A transform of {@code lines} lines of {@code len} input elements, {@code inner} apart. */
  private record Case(String name, LineOp op, double[] src, boolean complexIn, int lines,
      int len, int inner) {
    double[] run(int workers) {
      double[] out = new double[lines * op.outLen * (op.outComplex ? 2 : 1)];
      BlockRunner.run(src, complexIn, out, lines, len, inner, op, workers);
      return out;
    }
  }

  /**
   * Kinds that share a buffer size (complex length 81 and real length 160, whose half spectrum
   * has 81 elements), zero padding and truncation (input shorter or longer than n), a partial
   * last block, a strided axis and Bluestein lengths.
   */
  private static List<Case> cases() {
    Norm norm = Norm.parse(null);
    int lines = 3 * V + 1;
    List<Case> cases = new ArrayList<>();
    for (int len : new int[] {81, 70, 100}) {
      double[] cx = values(2L * lines * len, len);
      cases.add(new Case("fft 81 from " + len, new ComplexLineOp(len, 81, true, norm), cx, true,
          lines, len, 1));
      cases.add(new Case("ifft 81 from " + len, new ComplexLineOp(len, 81, false, norm), cx, true,
          lines, len, 1));
    }
    double[] re = values((long) lines * 160, 1);
    cases.add(new Case("rfft 160", new RealForwardLineOp(160, 160, 1.0, false), re, false, lines,
        160, 1));
    double[] half = values(2L * lines * 81, 2);
    cases.add(new Case("irfft 160", new RealInverseLineOp(81, 160, 1.0 / 160, false), half, true,
        lines, 81, 1));
    double[] strided = values(2L * 2 * V * 3 * 81, 3);
    cases.add(new Case("fft 81 on an inner axis", new ComplexLineOp(81, 81, true, norm), strided,
        true, 2 * V * 3, 81, 3));
    double[] blue = values(2L * lines * 101, 4);
    cases.add(new Case("fft 101 (Bluestein)", new ComplexLineOp(101, 101, true, norm), blue, true,
        lines, 101, 1));
    cases.add(new Case("ifft 101 from 90 (Bluestein)", new ComplexLineOp(90, 101, false, norm),
        blue, true, lines, 90, 1));
    return cases;
  }

  @Test
  void aResultDoesNotDependOnWhatTheThreadRanBefore() throws Exception {
    List<Case> cases = cases();
    List<double[]> fresh = new ArrayList<>();
    for (Case c : cases) {
      assertTrue(BlockRunner.supports(c.op()), c.name());
      fresh.add(onNewThread(() -> c.run(1)));
    }
    Random order = new Random(5);
    for (int round = 0; round < 4; round++) {
      List<Integer> indices = new ArrayList<>();
      for (int i = 0; i < cases.size(); i++) {
        indices.add(i);
      }
      if (round == 1) {
        Collections.reverse(indices);
      } else if (round > 1) {
        Collections.shuffle(indices, order);
      }
      for (int i : indices) {
        for (int workers = 1; workers <= 2; workers++) {
          assertArrayEquals(fresh.get(i), cases.get(i).run(workers),
              cases.get(i).name() + " round " + round + " workers=" + workers);
        }
      }
    }
  }

  @Test
  void aThreadKeepsItsLastBuffersOfTheSameKindAndSizeBelowTheCap() {
    int small = 2 * 64 * V;
    Object first = BlockRunner.buffers(String.class, small, 0);
    assertSame(first, BlockRunner.buffers(String.class, small, 0));
    assertNotSame(first, BlockRunner.buffers(Integer.class, small, 0), "another kind");
    Object other = BlockRunner.buffers(String.class, small, small);
    assertNotSame(first, other, "another size");
    assertSame(other, BlockRunner.buffers(String.class, small, small), "the last one is kept");
    int large = (int) (BlockRunner.KEPT_BUFFER_BYTES / Double.BYTES) + 1;
    assertNotSame(BlockRunner.buffers(String.class, large, 0),
        BlockRunner.buffers(String.class, large, 0), "above the cap nothing is kept");
    assertSame(other, BlockRunner.buffers(String.class, small, small),
        "buffers above the cap do not replace the kept ones");
  }

  @Test
  void keptBuffersDoNotKeepTheOutputReachable() throws Exception {
    Case c = cases().get(0);
    AtomicReference<WeakReference<double[]>> output = new AtomicReference<>();
    CountDownLatch computed = new CountDownLatch(1);
    CountDownLatch checked = new CountDownLatch(1);
    // the thread stays alive until the check, and with it its kept buffers
    Thread t = new Thread(() -> {
      output.set(transformed(c));
      computed.countDown();
      try {
        checked.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    t.start();
    try {
      computed.await();
      for (int i = 0; i < 20 && output.get().get() != null; i++) {
        System.gc();
        Thread.sleep(10);
      }
      assertTrue(output.get().get() == null, "the output is collectable once dropped");
    } finally {
      checked.countDown();
      t.join();
    }
  }

  /** The output of {@code c} into a new array, referenced weakly (no frame holds it). */
  private static WeakReference<double[]> transformed(Case c) {
    return new WeakReference<>(BlockRunner.run(c.src(), true,
        () -> new double[c.lines() * c.op().outLen * 2], c.lines(), c.len(), 1, c.op(), 1));
  }

  /** {@code length} doubles uniform in [-0.5, 0.5) from {@code seed}. */
  private static double[] values(long length, long seed) {
    return TestArrays.uniform(false, seed, (int) length).data();
  }

  /** {@code body} on a new thread, which has no kept buffers. */
  private static <T> T onNewThread(Callable<T> body) throws Exception {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Exception> failure = new AtomicReference<>();
    Thread t = new Thread(() -> {
      try {
        result.set(body.call());
      } catch (Exception e) {
        failure.set(e);
      }
    });
    t.start();
    t.join();
    if (failure.get() != null) {
      throw failure.get();
    }
    return result.get();
  }
}
