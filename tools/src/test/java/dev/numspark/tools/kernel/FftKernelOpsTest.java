package dev.numspark.tools.kernel;

import dev.numspark.fft.Golden;
import dev.numspark.fft.Tolerance;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.numspark.array.NdArray;
import dev.numspark.tools.cli.KernelOp;
import dev.numspark.tools.cli.Main;
import dev.numspark.io.Npy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

class FftKernelOpsTest {
  @TempDir
  Path tmp;

  private record Result(int code, String out, String err) {}

  private static Result cli(List<String> args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(code, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  private static List<String> argv(String op, List<String> options, String... files) {
    List<String> args = new ArrayList<>(List.of("kernel", op));
    args.addAll(options);
    args.addAll(List.of(files));
    return args;
  }

  @Test
  void providesEveryScipyFftFunction() {
    Set<String> names = new FftKernelOps().ops().stream().map(KernelOp::name)
        .collect(Collectors.toSet());
    assertEquals(Set.of("fft", "ifft", "rfft", "irfft", "hfft", "ihfft", "fft2", "ifft2", "rfft2",
        "irfft2", "fftn", "ifftn", "rfftn", "irfftn", "dct", "idct", "dst", "idst", "dctn",
        "idctn", "dstn", "idstn", "fftfreq", "rfftfreq", "fftshift", "ifftshift",
        "next_fast_len"), names);
    Result list = cli(List.of("kernel", "--list"));
    assertEquals(0, list.code());
    assertTrue(list.out().contains("rfft [--n N] [--axis A]"), list.out());
  }

  /** A sample of golden cases through files: same numbers as SciPy, correct dtype and shape. */
  @TestFactory
  Stream<DynamicTest> filesMatchScipy() {
    List<Golden> sample = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    for (Golden c : Golden.all()) {
      if (!c.isValue() && !c.isError() && c.input() != null && seen.add(c.op())) {
        sample.add(c);
      }
    }
    return sample.stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
      Path out = tmp.resolve(c.name() + ".npy");
      Result r = cli(argv(c.op(), c.options(), c.input().toString(), out.toString()));
      assertEquals(0, r.code(), r.err());
      NdArray expected = c.expectedArray();
      Tolerance.assertClose(expected, Npy.read(out),
          Tolerance.length(c.inputArray(), expected), c.toString());
    }));
  }

  @Test
  void workersOptionGivesTheSameBits() throws Exception {
    Golden c = Golden.all().stream().filter(g -> g.op().equals("rfft") && !g.isError())
        .reduce((a, b) -> b.inputArray().size() > a.inputArray().size() ? b : a).orElseThrow();
    Path one = tmp.resolve("one.npy");
    Path two = tmp.resolve("two.npy");
    assertEquals(0, cli(argv("rfft", List.of("--workers", "1"), c.input().toString(),
        one.toString())).code());
    assertEquals(0, cli(argv("rfft", List.of("--workers", "2"), c.input().toString(),
        two.toString())).code());
    assertArrayEquals(Npy.read(one).data(), Npy.read(two).data());
  }

  @Test
  void nextFastLenPrintsTheLength() {
    // 1008 = 2^4 3^2 7 is below the target and 1010..1023 all have a prime factor above 11
    Result r = cli(List.of("kernel", "next_fast_len", "--target", "1009"));
    assertEquals(0, r.code(), r.err());
    assertEquals("1024", r.out().trim());
    Result real = cli(List.of("kernel", "next_fast_len", "--target", "1009", "--real"));
    assertEquals("1024", real.out().trim());
  }

  @Test
  void fftfreqWritesTheFrequencies() throws Exception {
    Path out = tmp.resolve("f.npy");
    Result r = cli(List.of("kernel", "fftfreq", "--n", "4", "--d", "0.5", out.toString()));
    assertEquals(0, r.code(), r.err());
    // k / (n d) for k = 0, 1, -2, -1
    assertArrayEquals(new double[] {0.0, 0.5, -1.0, -0.5}, Npy.read(out).data());
  }

  @TestFactory
  Stream<DynamicTest> badInputFailsWithOneLineAndNoOutput() throws Exception {
    Path real = tmp.resolve("real.npy");
    Npy.write(real, NdArray.of(1, 2, 3, 4));
    Path complex = tmp.resolve("complex.npy");
    Npy.write(complex, NdArray.complex(new double[] {1, 2, 3, 4}, 2));
    Path garbage = tmp.resolve("garbage.npy");
    Files.writeString(garbage, "not an npy file");
    record Bad(String what, List<String> args, String message) {}
    List<Bad> cases = List.of(
        new Bad("bad norm", List.of("--norm", "bad"), "Invalid norm value 'bad'"),
        new Bad("n = 0", List.of("--n", "0"), "invalid number of data points (0) specified"),
        new Bad("axis out of range", List.of("--axis", "3"), "axis 3 is out of bounds"),
        new Bad("unknown option", List.of("--nn", "3"), "unrecognized option --nn"),
        new Bad("workers 0", List.of("--workers", "0"), "workers must not be zero"),
        new Bad("not a number", List.of("--n", "x"), "expects an integer"));
    List<DynamicTest> tests = new ArrayList<>();
    for (Bad bad : cases) {
      tests.add(DynamicTest.dynamicTest(bad.what(), () -> assertFails(
          argv("rfft", bad.args(), real.toString()), bad.message())));
    }
    tests.add(DynamicTest.dynamicTest("complex input to rfft", () -> assertFails(
        argv("rfft", List.of(), complex.toString()), "x must be a real sequence")));
    tests.add(DynamicTest.dynamicTest("missing input", () -> assertFails(
        argv("fft", List.of(), tmp.resolve("nope.npy").toString()), "no such file")));
    tests.add(DynamicTest.dynamicTest("not an npy file", () -> assertFails(
        argv("fft", List.of(), garbage.toString()), "")));
    tests.add(DynamicTest.dynamicTest("s and axes lengths", () -> assertFails(
        argv("fftn", List.of("--s", "2,2", "--axes", "0"), real.toString()),
        "when given, axes and shape arguments have to be of the same length")));
    tests.add(DynamicTest.dynamicTest("bad dct type", () -> assertFails(
        argv("dct", List.of("--type", "5"), real.toString()), "invalid DCT type")));
    tests.add(DynamicTest.dynamicTest("negative next_fast_len", () -> {
      Result r = cli(List.of("kernel", "next_fast_len", "--target", "-1"));
      assertEquals(2, r.code());
      assertEquals("numspark: error: Target length must be positive", r.err().trim());
    }));
    tests.add(DynamicTest.dynamicTest("fftfreq without n", () -> {
      Path out = tmp.resolve("freq.npy");
      Result r = cli(List.of("kernel", "fftfreq", out.toString()));
      assertEquals(2, r.code());
      assertFalse(Files.exists(out));
    }));
    return tests.stream();
  }

  private void assertFails(List<String> args, String message) {
    Path out = tmp.resolve("out-" + System.nanoTime() + ".npy");
    List<String> withOut = new ArrayList<>(args);
    withOut.add(out.toString());
    Result r = cli(withOut);
    assertEquals(2, r.code(), r.err());
    String err = r.err().trim();
    assertEquals(1, err.lines().count(), err);
    assertTrue(err.startsWith("numspark: error: ") && err.contains(message), err);
    assertFalse(Files.exists(out), "no output file on error");
  }
}
