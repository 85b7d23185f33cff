package dev.numspark.tools.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.numspark.array.NdArray;
import dev.numspark.fft.Fft;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The loop timer's cases call the transforms they name, on the shapes they name. */
class FftLoopsTest {
  @Test
  void fftCaseIsTheComplexTransformOfItsRows() {
    NdArray y = FftLoops.call("fft:3x8:1", new Random(1)).get();
    assertArrayEquals(new int[] {3, 8}, y.shape());
    assertTrue(y.isComplex());
    // the same Gaussian input, drawn as the case draws it
    Random r = new Random(1);
    double[] x = new double[3 * 8 * 2];
    for (int i = 0; i < x.length; i++) {
      x[i] = r.nextGaussian();
    }
    NdArray expected = Fft.fft(NdArray.complex(x, 3, 8));
    assertArrayEquals(expected.data(), y.data(), 0.0);
  }

  @Test
  void rfftAndIrfftCasesHaveScipyShapes() {
    assertArrayEquals(new int[] {2, 9}, FftLoops.call("rfft:2x16:1", new Random(1)).get().shape());
    // irfft's N is the output length: its input has N/2 + 1 complex columns
    NdArray inv = FftLoops.call("irfft:2x16:2", new Random(1)).get();
    assertArrayEquals(new int[] {2, 16}, inv.shape());
    assertFalse(inv.isComplex());
  }

  @Test
  void forkFlagsAreTheBenchForksAtThatWidth() {
    java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
    java.io.PrintStream out = System.out;
    System.setOut(new java.io.PrintStream(printed, true));
    try {
      FftLoops.main(new String[] {"--fork-flags", "128"});
    } finally {
      System.setOut(out);
    }
    java.util.List<String> expected = new java.util.ArrayList<>(
        VectorWidth.parse("128").get(0).flags());
    expected.addAll(JmhTimer.FIXED_HEAP);
    assertTrue(expected.contains("-XX:MaxVectorSize=16"));
    assertArrayEquals(expected.toArray(), printed.toString().trim().split("\\R"));
  }

  @Test
  void unknownOpIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> FftLoops.call("dct:2x16:1", new Random(1)));
  }
}
