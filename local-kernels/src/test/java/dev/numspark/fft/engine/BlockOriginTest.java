package dev.numspark.fft.engine;

import static dev.numspark.fft.TestArrays.uniform;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.numspark.array.NdArray;
import dev.numspark.fft.Fft;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A work block that starts at its array's {@link CacheLines} origin, not at index 0, gives the
 * same bits and touches nothing outside itself: {@link BlockFft#difAt} and
 * {@link BlockFft#scatterAt}, {@link BlockReal#unpackOut} and {@link BlockReal#pack} at every
 * origin against index 0, and whole transforms with {@link FftConfig#alignBlocks} on and off.
 */
class BlockOriginTest {
  private static final int V = BlockFft.V;
  private static final double MARK = 42.0;

  /** Radices 4, 2, 3 and 5, and 4096 (above {@link BlockFft#LEAF} at every width: depth first). */
  private static final int[] LENGTHS = {4, 6, 8, 60, 1000, 4096};

  /** {@code block} copied to start at {@code y[origin]}, every other element {@link #MARK}. */
  private static double[] placed(double[] block, int origin) {
    double[] y = new double[origin + block.length + CacheLines.MAX_ORIGIN];
    Arrays.fill(y, MARK);
    System.arraycopy(block, 0, y, origin, block.length);
    return y;
  }

  private static void assertBlockAt(double[] expected, double[] y, int origin, String what) {
    assertArrayEquals(expected, Arrays.copyOfRange(y, origin, origin + expected.length), what);
    for (int i = 0; i < y.length; i++) {
      if (i < origin || i >= origin + expected.length) {
        assertEquals(MARK, y[i], 0.0, what + ": wrote outside the block at " + i);
      }
    }
  }

  @Test
  void difAtAnOriginGivesTheBitsOfDifAtZero() {
    for (int n : LENGTHS) {
      BlockFft f = BlockFft.plan(n);
      double[] x = uniform(true, n, n * V).data();
      double[] atZero = x.clone();
      f.dif(atZero);
      for (int origin = 1; origin <= CacheLines.MAX_ORIGIN; origin++) {
        double[] y = placed(x, origin);
        f.difAt(y, origin);
        assertBlockAt(atZero, y, origin, "n " + n + ", origin " + origin);
      }
    }
  }

  /** V interleaved complex lines of {@code len} elements, one after another, in {@code data}. */
  private static BlockFft.Lines lines(double[] data, int len) {
    BlockFft.Lines l = new BlockFft.Lines();
    l.data = data;
    l.step = 2;
    l.imOff = 1;
    for (int v = 0; v < V; v++) {
      l.map[v] = 2 * len * v;
    }
    return l;
  }

  @Test
  void scatterAtAnOriginCopiesOutWhatScatterAtZeroDoes() {
    for (int n : LENGTHS) {
      BlockFft f = BlockFft.plan(n);
      double[] x = uniform(true, 7L * n, n * V).data();
      double[] expected = new double[2 * n * V];
      f.scatter(x, lines(expected, n), 0.5, -0.5);
      for (int origin = 1; origin <= CacheLines.MAX_ORIGIN; origin++) {
        double[] out = new double[2 * n * V];
        f.scatterAt(placed(x, origin), origin, lines(out, n), 0.5, -0.5);
        assertArrayEquals(expected, out, "n " + n + ", origin " + origin);
      }
    }
  }

  @Test
  void realUnpackAndPackAtAnOriginGiveTheBitsAtZero() {
    for (int n : new int[] {8, 12, 120, 2000}) {
      int h = n / 2;
      BlockReal real = new BlockReal(n, BlockFft.plan(h));
      double[] z = uniform(true, 3L * n, (h + 1) * V).data();
      double[] expected = new double[2 * (h + 1) * V];
      real.unpackOut(z.clone(), 0, lines(expected, h + 1), 2.0, -2.0);
      double[] packedAtZero = new double[2 * (h + 1) * V];
      real.pack(z.clone(), 0, packedAtZero, 0);
      for (int origin = 1; origin <= CacheLines.MAX_ORIGIN; origin++) {
        String what = "n " + n + ", origin " + origin;
        double[] out = new double[2 * (h + 1) * V];
        real.unpackOut(placed(z, origin), origin, lines(out, h + 1), 2.0, -2.0);
        assertArrayEquals(expected, out, what + " (unpack)");
        int other = CacheLines.MAX_ORIGIN - origin;
        double[] packed = placed(new double[2 * (h + 1) * V], other);
        real.pack(placed(z, origin), origin, packed, other);
        assertBlockAt(packedAtZero, packed, other, what + " (pack)");
      }
    }
  }

  @Test
  void alignedBlocksGiveTheBitsOfBlocksAtIndexZero() {
    // full blocks and a partial last one; lengths factored, and prime ones through Bluestein
    NdArray c = uniform(true, 11, 3 * V + 1, 1000);
    NdArray r = uniform(false, 12, 3 * V + 1, 1280);
    NdArray s = Fft.rfft(r);
    NdArray p = uniform(true, 13, 2 * V + 1, 1009);
    NdArray q = uniform(false, 14, 2 * V + 1, 1009);
    NdArray t = Fft.rfft(q);
    String[] names = {"fft", "rfft", "irfft", "fft (Bluestein)", "rfft (Bluestein)",
        "irfft (Bluestein)"};
    java.util.function.Supplier<double[][]> all = () -> new double[][] {
        Fft.fft(c).data(), Fft.rfft(r).data(), Fft.irfft(s, 1280, -1, null, 1).data(),
        Fft.fft(p).data(), Fft.rfft(q).data(), Fft.irfft(t, 1009, -1, null, 1).data()};
    boolean was = FftConfig.alignBlocks;
    try {
      FftConfig.alignBlocks = false;
      double[][] atZero = all.get();
      FftConfig.alignBlocks = true;
      double[][] aligned = all.get();
      for (int i = 0; i < names.length; i++) {
        assertArrayEquals(atZero[i], aligned[i], names[i]);
      }
    } finally {
      FftConfig.alignBlocks = was;
    }
  }
}
