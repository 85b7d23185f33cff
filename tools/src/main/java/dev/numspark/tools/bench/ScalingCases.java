package dev.numspark.tools.bench;

import dev.numspark.array.NdArray;
import dev.numspark.fft.Fft;
import dev.numspark.linalg.Linalg;
import dev.numspark.optimize.Bounds;
import dev.numspark.optimize.DifferentialEvolution;
import dev.numspark.optimize.Objective;
import dev.numspark.optimize.Updating;
import dev.numspark.signal.Signal;
import dev.numspark.signal.SpectralOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The scaling study for the families whose suites do not supply their own
 * ({@link BenchSuite#scaling}): each family's main batched operation at three batch sizes, each at
 * workers 1 and 2, so that the report shows how throughput grows with batch and with workers.
 *
 * <ul>
 *   <li>fft: {@code rfft} of B rows of 4096 (work: 2.5 n log2 n flops per row);
 *   <li>signal: {@code welch} of B signals of 16384 samples, nperseg 256 (work: samples);
 *   <li>linalg: {@code solve} of a batch of B 8 x 8 systems (work: systems);
 *   <li>optimize: {@code differential_evolution} of a 3-d rastrigin whose evaluation busy-waits
 *       0.1 ms, population 3 x popsize for popsize B (work: objective evaluations).
 * </ul>
 */
public final class ScalingCases {
  private ScalingCases() {}

  /** The cases for a family, or an empty list for a family this class does not know. */
  public static List<BenchCase> of(String family, boolean quick) {
    return switch (family) {
      case "fft" -> fft(quick ? new int[] {16, 64, 256} : new int[] {64, 512, 4096});
      case "signal" -> welch(quick ? new int[] {4, 16, 64} : new int[] {16, 128, 1024});
      case "linalg" -> solve(quick ? new int[] {100, 1000, 10000} : new int[] {1000, 10000, 100000});
      case "optimize" -> differentialEvolution(quick ? new int[] {5, 10, 20}
          : new int[] {5, 15, 45}, quick ? 3 : 10);
      default -> List.of();
    };
  }

  private static List<BenchCase> fft(int[] batches) {
    int n = 4096;
    List<BenchCase> cases = new ArrayList<>();
    for (int workers : new int[] {1, 2}) {
      for (int rows : batches) {
        double work = rows * 2.5 * n * (Math.log(n) / Math.log(2));
        cases.add(numsparkOnly("rfft", rows + "x" + n, workers, work, () -> {
          NdArray x = NdArray.real(random(rows * n, 1), rows, n);
          return () -> Fft.rfft(x, null, -1, null, workers);
        }));
      }
    }
    return cases;
  }

  private static List<BenchCase> welch(int[] batches) {
    int n = 16384;
    List<BenchCase> cases = new ArrayList<>();
    for (int workers : new int[] {1, 2}) {
      for (int rows : batches) {
        cases.add(numsparkOnly("welch", rows + "x" + n + " nperseg=256", workers,
            (double) rows * n, () -> {
              NdArray x = NdArray.real(random(rows * n, 2), rows, n);
              SpectralOptions options = SpectralOptions.defaults().nperseg(256).workers(workers);
              return () -> Signal.welch(x, options);
            }));
      }
    }
    return cases;
  }

  private static List<BenchCase> solve(int[] batches) {
    int n = 8;
    List<BenchCase> cases = new ArrayList<>();
    for (int workers : new int[] {1, 2}) {
      for (int batch : batches) {
        cases.add(numsparkOnly("solve (batched)", batch + "x" + n + "x" + n, workers,
            (double) batch, () -> {
              double[] a = random(batch * n * n, 3);
              for (int m = 0; m < batch; m++) {
                for (int i = 0; i < n; i++) {
                  a[(m * n + i) * n + i] += n; // well conditioned
                }
              }
              NdArray matrices = NdArray.real(a, batch, n, n);
              NdArray rhs = NdArray.real(random(batch * n, 4), batch, n, 1);
              return () -> Linalg.solve(matrices, rhs, "gen", false, true, workers);
            }));
      }
    }
    return cases;
  }

  private static List<BenchCase> differentialEvolution(int[] popsizes, int maxiter) {
    int dims = 3;
    long costNanos = 100_000;
    List<BenchCase> cases = new ArrayList<>();
    for (int workers : new int[] {1, 2}) {
      for (int popsize : popsizes) {
        double evaluations = (double) popsize * dims * (maxiter + 1);
        cases.add(numsparkOnly("differential_evolution",
            "pop" + popsize * dims + " x" + (maxiter + 1) + " @0.1ms", workers, evaluations, () -> {
              Objective f = x -> {
                spin(costNanos);
                double s = 10.0 * x.length;
                for (double v : x) {
                  s += v * v - 10 * Math.cos(2 * Math.PI * v);
                }
                return s;
              };
              Bounds bounds = Bounds.uniform(dims, -5.12, 5.12);
              return () -> DifferentialEvolution.minimize(f, bounds).maxiter(maxiter)
                  .popsize(popsize).tol(0).polish(false).updating(Updating.DEFERRED)
                  .workers(workers).seed(1).run();
            }));
      }
    }
    return cases;
  }

  private static BenchCase numsparkOnly(String op, String size, int workers, double work,
      java.util.function.Supplier<Runnable> setup) {
    return new BenchCase(op, size, workers, work, setup, null, null, null, null);
  }

  /** Busy work standing for a costly objective: it occupies a core as real work would. */
  private static void spin(long nanos) {
    long end = System.nanoTime() + nanos;
    while (System.nanoTime() < end) {
      Thread.onSpinWait();
    }
  }

  private static double[] random(int length, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] d = new double[length];
    for (int i = 0; i < d.length; i++) {
      d[i] = r.nextDouble() - 0.5;
    }
    return d;
  }
}
