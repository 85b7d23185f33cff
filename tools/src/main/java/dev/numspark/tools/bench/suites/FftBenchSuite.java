package dev.numspark.tools.bench.suites;

import dev.numspark.fft.Fft;
import dev.numspark.array.NdArray;
import dev.numspark.tools.bench.BenchCase;
import dev.numspark.tools.bench.BenchSuite;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.jtransforms.fft.DoubleFFT_1D;
import pl.edu.icm.jlargearrays.ConcurrencyUtils;

/**
 * {@code bin/numspark bench --suite fft}: batched transforms along the last axis, each at workers
 * 1 and 2, against {@code scipy.fft} with the same workers and, as a second peer, JTransforms
 * called directly (one plan, rows split over plain threads; JTransforms' own threads stay off).
 *
 * <ul>
 *   <li>powers of two from 16 rows of 1024 (256 KB) to 128 MB: {@code fft} 4096 x 2048,
 *       {@code rfft} 4096 x 4096;
 *   <li>{@code irfft} back to 512 x 4096 and 256 x 1280 real samples (from n/2 + 1 complex
 *       values per row);
 *   <li>5-smooth lengths (1000, 1280, 4800) and the prime 1009 (Bluestein);
 *   <li>7-smooth lengths (radix 7): {@code fft} 256 x 1008, {@code rfft} 64 x 44100 (a second of
 *       CD-rate audio a row);
 *   <li>one {@code fft} of length 2^22 (one line: its steps shared among the workers, see
 *       {@code LineFft}); {@code fft2} of 2048 x 2048;
 *   <li>the two largest batched cases again with {@code out=} (a result array reused from call
 *       to call, as numpy 2 allows), against JTransforms transforming in place in a reused
 *       array: the kernels without the JVM's single-threaded zeroing of a new result.
 * </ul>
 * {@code quick}: five cases per worker count (16 x 1024, 128 x 4096, rfft 512 x 4096, 128 x
 * 1009, rfft 128 x 4800; an irfft case took it to 2 min 59 s, so irfft is in the full suite
 * only). {@code --widths} repeats them at 256 and 128 bits.
 */
public final class FftBenchSuite implements BenchSuite {

  @Override
  public String name() {
    return "fft";
  }

  @Override
  public List<BenchCase> cases(boolean quick) {
    List<BenchCase> cases = new ArrayList<>();
    for (int workers : new int[] {1, 2}) {
      if (quick) {
        // one case per kind of length and size class, each against SciPy (and the mid-size
        // powers of two against JTransforms too): about a minute and a half per width
        cases.addAll(scipyOnly(batched("fft", 16, 1024, true, workers)));
        cases.addAll(batched("fft", 128, 4096, true, workers));
        cases.addAll(batched("rfft", 512, 4096, false, workers));
        cases.addAll(scipyOnly(batched("fft", 128, 1009, true, workers)));
        cases.addAll(scipyOnly(batched("rfft", 128, 4800, false, workers)));
        continue;
      }
      // powers of two from 16 rows (256 KB) to 128 MB
      cases.addAll(batched("fft", 16, 1024, true, workers));
      cases.addAll(batched("fft", 128, 4096, true, workers));
      cases.addAll(batched("fft", 1024, 4096, true, workers));
      cases.addAll(batched("fft", 4096, 2048, true, workers));
      cases.addAll(batched("rfft", 16, 4096, false, workers));
      cases.addAll(batched("rfft", 512, 4096, false, workers));
      cases.addAll(batched("rfft", 4096, 4096, false, workers));
      cases.addAll(inverseReal(512, 4096, workers));
      cases.addAll(inverseReal(256, 1280, workers));
      // 5-smooth and prime lengths
      cases.addAll(batched("fft", 256, 1000, true, workers));
      cases.addAll(batched("rfft", 256, 1280, false, workers));
      cases.addAll(batched("fft", 256, 4800, true, workers));
      cases.addAll(batched("fft", 1024, 1009, true, workers));
      cases.addAll(batched("rfft", 256, 1009, false, workers));
      // 7-smooth lengths (radix 7)
      cases.addAll(batched("fft", 256, 1008, true, workers));
      cases.addAll(batched("rfft", 64, 44100, false, workers));
      // one long line, 2-d, and into a reused out=
      cases.addAll(batched("fft", 1, 1 << 22, true, workers));
      cases.addAll(fft2(2048, 2048, workers));
      cases.add(batchedInto("fft", 1024, 4096, true, workers));
      cases.add(batchedInto("rfft", 4096, 4096, false, workers));
    }
    return cases;
  }

  /** The SciPy comparison of a {@link #batched} pair (its first case) alone. */
  private static List<BenchCase> scipyOnly(List<BenchCase> pair) {
    return List.of(pair.get(0));
  }

  private static double[] randomData(int length, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] d = new double[length];
    for (int i = 0; i < d.length; i++) {
      d[i] = r.nextDouble() - 0.5;
    }
    return d;
  }

  private static double log2(int n) {
    return Math.log(n) / Math.log(2);
  }

  private static String pythonData(int rows, int n, boolean complex) {
    String shape = "(" + rows + ", " + n + ")";
    return "import numpy as np, scipy.fft\n"
        + "rng = np.random.default_rng(0)\n"
        + "x = rng.standard_normal(" + shape + ")"
        + (complex ? " + 1j * rng.standard_normal(" + shape + ")" : "") + "\n";
  }

  /** {@code op} along the last axis of rows x n, vs scipy and vs JTransforms directly. */
  private static List<BenchCase> batched(String op, int rows, int n, boolean complex,
      int workers) {
    String size = rows == 1 ? String.valueOf(n) : rows + "x" + n;
    BenchCase scipy = new BenchCase(op, size, workers, rowsWork(rows, n, complex),
        () -> rowsAction(rows, n, complex, workers, false), "scipy", null,
        pythonData(rows, n, complex), "scipy.fft." + op + "(x, workers=" + workers + ")");
    BenchCase direct = new BenchCase(op, size, workers, scipy.work(), scipy.setup(),
        "jtransforms", () -> jtransformsRows(rows, n, complex, workers, false), null, null);
    return List.of(scipy, direct);
  }

  /**
   * {@code irfft} of rows x (n/2 + 1) complex values to rows x n real samples, vs scipy and vs
   * JTransforms' {@code realInverse} on each row (packed as it expects, then transformed in
   * place), as {@link #batched}.
   */
  private static List<BenchCase> inverseReal(int rows, int n, int workers) {
    int m = n / 2 + 1;
    String python = pythonData(rows, m, true);
    BenchCase scipy = new BenchCase("irfft", rows + "x" + n, workers, rowsWork(rows, n, false),
        () -> {
          NdArray x = NdArray.complex(randomData(2 * rows * m, 1), rows, m);
          return () -> Fft.irfft(x, n, -1, null, workers);
        }, "scipy", null, python, "scipy.fft.irfft(x, n=" + n + ", workers=" + workers + ")");
    BenchCase direct = new BenchCase("irfft", rows + "x" + n, workers, scipy.work(),
        scipy.setup(), "jtransforms", () -> jtransformsInverseRows(rows, n, workers), null, null);
    return List.of(scipy, direct);
  }

  /**
   * JTransforms' {@code realInverse} (scaled by 1/n, as irfft) on each row of a new array per
   * call, packed from the rows' n/2 + 1 complex values (real parts of X_0 and X_n/2 first).
   */
  private static Runnable jtransformsInverseRows(int rows, int n, int workers) {
    int m = n / 2 + 1;
    double[] input = randomData(2 * rows * m, 1);
    DoubleFFT_1D plan = jtransforms(n);
    return () -> {
      double[] work = new double[rows * n];
      onThreads(workers, rows, row -> {
        int in = row * 2 * m;
        int off = row * n;
        work[off] = input[in];
        work[off + 1] = input[in + n];
        System.arraycopy(input, in + 2, work, off + 2, n - 2);
        plan.realInverse(work, off, true);
      });
    };
  }

  /** {@link #batched} into a reused {@code out}, vs JTransforms in place in a reused array. */
  private static BenchCase batchedInto(String op, int rows, int n, boolean complex,
      int workers) {
    return new BenchCase(op + " out=", rows + "x" + n, workers, rowsWork(rows, n, complex),
        () -> rowsAction(rows, n, complex, workers, true), "jtransforms",
        () -> jtransformsRows(rows, n, complex, workers, true), null, null);
  }

  /** Flops of {@code fft} (complex) or {@code rfft} of rows x n. */
  private static double rowsWork(int rows, int n, boolean complex) {
    return rows * (complex ? 5.0 : 2.5) * n * log2(n);
  }

  /**
   * {@code fft} (complex) or {@code rfft} along the last axis of random rows x n, into a new
   * result each call or, with {@code reuse}, into one {@code out}.
   */
  private static Runnable rowsAction(int rows, int n, boolean complex, int workers,
      boolean reuse) {
    NdArray x = complex
        ? NdArray.complex(randomData(2 * rows * n, 1), rows, n)
        : NdArray.real(randomData(rows * n, 1), rows, n);
    NdArray out = reuse ? NdArray.zeros(true, rows, complex ? n : n / 2 + 1) : null;
    return complex
        ? () -> Fft.fft(x, null, -1, null, workers, out)
        : () -> Fft.rfft(x, null, -1, null, workers, out);
  }

  /** fft2 of an n x m complex array, vs scipy and vs JTransforms rows-then-columns directly. */
  private static List<BenchCase> fft2(int n, int m, int workers) {
    String size = n + "x" + m;
    double work = 5.0 * n * m * (log2(n) + log2(m));
    BenchCase scipy = new BenchCase("fft2", size, workers, work, () -> {
      NdArray x = NdArray.complex(randomData(2 * n * m, 2), n, m);
      return () -> Fft.fft2(x, null, null, null, workers);
    }, "scipy", null, pythonData(n, m, true), "scipy.fft.fft2(x, workers=" + workers + ")");
    BenchCase direct = new BenchCase("fft2", size, workers, work, scipy.setup(), "jtransforms",
        () -> jtransforms2d(n, m, workers), null, null);
    return List.of(scipy, direct);
  }

  /**
   * JTransforms on each row of a copy of the input, rows split over {@code workers} threads; the
   * copy is a new array each call, or with {@code reuse} one array for every call.
   */
  private static Runnable jtransformsRows(int rows, int n, boolean complex, int workers,
      boolean reuse) {
    double[] input = randomData((complex ? 2 : 1) * rows * n, 1);
    DoubleFFT_1D plan = jtransforms(n);
    // rfft output needs room for n/2+1 complex values per row, as numspark returns them
    int width = complex ? 2 * n : n + 2;
    double[] kept = reuse ? new double[rows * width] : null;
    return () -> {
      double[] work = reuse ? kept : new double[rows * width];
      onThreads(workers, rows, row -> {
        int off = row * width;
        if (complex) {
          System.arraycopy(input, row * 2 * n, work, off, 2 * n);
          plan.complexForward(work, off);
        } else {
          System.arraycopy(input, row * n, work, off, n);
          plan.realForward(work, off);
        }
      });
    };
  }

  /** JTransforms fft2 by hand: rows, then columns gathered one at a time. */
  private static Runnable jtransforms2d(int n, int m, int workers) {
    double[] input = randomData(2 * n * m, 2);
    DoubleFFT_1D rowPlan = jtransforms(m);
    DoubleFFT_1D colPlan = jtransforms(n);
    return () -> {
      double[] a = input.clone();
      onThreads(workers, n, row -> rowPlan.complexForward(a, 2 * row * m));
      onThreads(workers, m, col -> {
        double[] c = new double[2 * n];
        for (int i = 0; i < n; i++) {
          c[2 * i] = a[2 * (i * m + col)];
          c[2 * i + 1] = a[2 * (i * m + col) + 1];
        }
        colPlan.complexForward(c);
        for (int i = 0; i < n; i++) {
          a[2 * (i * m + col)] = c[2 * i];
          a[2 * (i * m + col) + 1] = c[2 * i + 1];
        }
      });
    };
  }

  /** Runs {@code body} for 0..count-1 on {@code workers} plain threads (the peer's own). */
  private static void onThreads(int workers, int count, IntConsumer body) {
    if (workers <= 1 || count <= 1) {
      for (int i = 0; i < count; i++) {
        body.accept(i);
      }
      return;
    }
    Thread[] threads = new Thread[workers - 1];
    int chunk = (count + workers - 1) / workers;
    for (int t = 1; t < workers; t++) {
      int from = t * chunk;
      int to = Math.min(count, from + chunk);
      threads[t - 1] = new Thread(() -> {
        for (int i = from; i < to; i++) {
          body.accept(i);
        }
      });
      threads[t - 1].start();
    }
    for (int i = 0; i < Math.min(count, chunk); i++) {
      body.accept(i);
    }
    for (Thread thread : threads) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }

  /**
   * The JTransforms peer's plan, on one thread as numspark's own JTransforms path runs it (the
   * thread count is JLargeArrays' process-global setting).
   */
  private static DoubleFFT_1D jtransforms(int n) {
    ConcurrencyUtils.setNumberOfThreads(1);
    return new DoubleFFT_1D(n);
  }
}
