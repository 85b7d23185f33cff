package dev.numspark.tools.bench.suites;

import dev.numspark.signal.Signal;
import dev.numspark.signal.SpectralOptions;
import dev.numspark.array.NdArray;
import dev.numspark.tools.bench.BenchCase;
import dev.numspark.tools.bench.BenchSuite;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * {@code bin/numspark bench --suite signal}: welch over a batch of signals, fftconvolve and
 * oaconvolve of a long signal with a short kernel; workers 1 and 2; peer scipy.signal on the same
 * data shapes (SciPy has no workers argument for these, so its time is single-threaded).
 */
public final class SignalBenchSuite implements BenchSuite {

  @Override
  public String name() {
    return "signal";
  }

  @Override
  public List<BenchCase> cases(boolean quick) {
    int rows = quick ? 64 : 1000;
    int cols = 65536;
    int longLen = quick ? 1 << 16 : 1 << 20;
    int kernel = 4096;
    List<BenchCase> cases = new ArrayList<>();
    for (int workers : new int[] {1, 2}) {
      int w = workers;
      cases.add(new BenchCase("welch", rows + "x" + cols + " nperseg=256", w,
          (double) rows * cols,
          () -> {
            NdArray x = NdArray.real(random(rows * cols, 1), rows, cols);
            SpectralOptions o = SpectralOptions.defaults().nperseg(256).workers(w);
            return () -> Signal.welch(x, o);
          },
          "scipy", null,
          "x = np.random.default_rng(1).standard_normal((" + rows + ", " + cols + "))",
          "scipy.signal.welch(x, nperseg=256)"));
      cases.add(convolveCase("fftconvolve", longLen, kernel, w));
      cases.add(convolveCase("oaconvolve", longLen, kernel, w));
    }
    return cases;
  }

  private static BenchCase convolveCase(String op, int n, int k, int workers) {
    boolean oa = op.equals("oaconvolve");
    return new BenchCase(op, n + "*" + k, workers, (double) n * k,
        () -> {
          NdArray a = NdArray.of(random(n, 2));
          NdArray b = NdArray.of(random(k, 3));
          return oa ? () -> Signal.oaconvolve(a, b, "full", null, workers)
              : () -> Signal.fftconvolve(a, b, "full", null, workers);
        },
        "scipy", null,
        "rng = np.random.default_rng(2); a = rng.standard_normal(" + n + "); "
            + "b = rng.standard_normal(" + k + ")",
        "scipy.signal." + op + "(a, b)");
  }

  private static double[] random(int n, long seed) {
    Random r = new Random(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = r.nextGaussian();
    }
    return x;
  }
}
