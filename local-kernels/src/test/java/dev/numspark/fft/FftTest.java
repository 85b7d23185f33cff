package dev.numspark.fft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.numspark.array.NdArray;
import dev.numspark.cli.Args;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class FftTest {

  /** Every golden case: SciPy's result (or error message) for the same input and arguments. */
  @TestFactory
  Stream<DynamicTest> matchesScipyGoldenFiles() {
    return Golden.all().stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> check(c)));
  }

  private static void check(Golden c) throws Exception {
    if (c.isValue()) {
      Args args = Args.parse(c.options(), Set.of("real"));
      long got = Fft.nextFastLen(FftKernelOps.target(args), args.bool("real", false));
      args.finish();
      assertEquals(Long.parseLong(c.message()), got, c.toString());
      return;
    }
    if (c.isError()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run(c, List.of()));
      assertEquals(c.message(), e.getMessage(), c.toString());
      return;
    }
    NdArray expected = c.expectedArray();
    NdArray got = run(c, List.of());
    int n = c.input() == null ? expected.size() : Tolerance.length(c.inputArray(), expected);
    Tolerance.assertClose(expected, got, n, c.toString());
    if (c.input() != null && !c.op().endsWith("shift")) {
      NdArray two = run(c, List.of("--workers", "2"));
      assertArrayEquals(got.data(), two.data(), c + ": workers 1 and 2 differ");
    }
  }

  private static NdArray run(Golden c, List<String> extra) throws Exception {
    List<String> options = new ArrayList<>(c.options());
    options.addAll(extra);
    Args args = Args.parse(options, Set.of("real"));
    if (c.op().equals("next_fast_len")) {
      return NdArray.of(Fft.nextFastLen(FftKernelOps.target(args), args.bool("real", false)));
    }
    if (c.input() == null) {
      int n = args.integer("n", null);
      double d = args.number("d", 1.0);
      args.finish();
      return c.op().equals("fftfreq") ? Fft.fftfreq(n, d) : Fft.rfftfreq(n, d);
    }
    NdArray x = c.inputArray();
    double[] before = x.data().clone();
    NdArray y = FftKernelOps.compute(c.op(), args, x);
    args.finish();
    assertArrayEquals(before, x.data(), "the input must not be modified");
    assertTrue(y != x || c.op().endsWith("n"), "a new array unless no axis is transformed");
    return y;
  }
}
