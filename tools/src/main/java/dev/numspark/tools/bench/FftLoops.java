package dev.numspark.tools.bench;

import dev.numspark.array.NdArray;
import dev.numspark.fft.Fft;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * A loop timer for numspark's batched FFTs: each case is called for {@code secs} seconds a
 * round, the cases taking turns, and every round after the first prints the 10th percentile and
 * the median of its calls. Run by {@code fft_loops.py} beside SciPy's loops (see its docstring);
 * on a shared machine whose speed moves between minutes, p10 of many calls in the same minutes
 * is steadier than a mean over forks.
 *
 * <p>Arguments: cases {@code op:ROWSxN:WORKERS,...} (op: fft, rfft, irfft; irfft's N is the
 * output length), seconds a round, rounds. Output, one line a case and round after the first:
 * {@code case p10_us p50_us calls MB_allocated_per_call}. {@code --fork-flags WIDTH} prints the
 * JVM flags of the bench's forks at that width instead. (A developer's tool beside
 * {@code bin/numspark bench}, not one of its commands: tools/loops/fft_loops.py.)
 */
public final class FftLoops {
  private FftLoops() {}

  public static void main(String[] args) {
    if (args[0].equals("--fork-flags")) {
      // the flags bin/numspark bench gives a JMH fork at this width, one a line, so that the
      // loops run as the bench's forks do (with the launcher's own flags before them)
      List<String> flags = new ArrayList<>(VectorWidth.parse(args[1]).get(0).flags());
      flags.addAll(JmhTimer.FIXED_HEAP);
      flags.forEach(System.out::println);
      return;
    }
    String[] cases = args[0].split(",");
    double secs = Double.parseDouble(args[1]);
    int rounds = Integer.parseInt(args[2]);
    Random random = new Random(1);
    List<Supplier<NdArray>> calls = new ArrayList<>();
    for (String c : cases) {
      calls.add(call(c, random));
    }
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    for (int round = 0; round < rounds; round++) {
      for (int i = 0; i < cases.length; i++) {
        Supplier<NdArray> call = calls.get(i);
        long[] times = new long[1 << 16];
        int count = 0;
        long allocated = threads.getCurrentThreadAllocatedBytes();
        long end = System.nanoTime() + (long) (secs * 1e9);
        while (System.nanoTime() < end && count < times.length) {
          long t0 = System.nanoTime();
          call.get();
          times[count++] = System.nanoTime() - t0;
        }
        allocated = threads.getCurrentThreadAllocatedBytes() - allocated;
        if (round == 0) {
          continue; // warm-up: the JIT compiles the engine during the first round
        }
        Arrays.sort(times, 0, count);
        System.out.printf("%s %.1f %.1f %d %.2f%n", cases[i], times[count / 10] / 1e3,
            times[count / 2] / 1e3, count, allocated / 1e6 / count);
      }
    }
  }

  /** The call a case names, on Gaussian input (complex for fft and irfft). */
  static Supplier<NdArray> call(String spec, Random random) {
    String[] p = spec.split(":");
    String[] shape = p[1].split("x");
    int rows = Integer.parseInt(shape[0]);
    int n = Integer.parseInt(shape[1]);
    int workers = Integer.parseInt(p[2]);
    String op = p[0];
    if (!op.equals("fft") && !op.equals("rfft") && !op.equals("irfft")) {
      throw new IllegalArgumentException("unknown op " + op + " (fft, rfft, irfft)");
    }
    boolean complex = !op.equals("rfft");
    int len = op.equals("irfft") ? n / 2 + 1 : n;
    double[] data = new double[rows * len * (complex ? 2 : 1)];
    for (int i = 0; i < data.length; i++) {
      data[i] = random.nextGaussian();
    }
    NdArray x = complex ? NdArray.complex(data, rows, len) : NdArray.real(data, rows, len);
    switch (op) {
      case "fft":
        return () -> Fft.fft(x, null, -1, null, workers);
      case "rfft":
        return () -> Fft.rfft(x, null, -1, null, workers);
      default: // irfft
        return () -> Fft.irfft(x, n, -1, null, workers);
    }
  }
}
