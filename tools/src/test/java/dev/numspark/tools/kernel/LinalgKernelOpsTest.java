package dev.numspark.tools.kernel;

import dev.numspark.linalg.Golden;
import dev.numspark.linalg.Linalg;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.numspark.array.NdArray;
import dev.numspark.tools.cli.Main;
import dev.numspark.io.Npy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/numspark kernel OP for linear algebra, run in-process on temporary .npy files. */
class LinalgKernelOpsTest {
  @TempDir
  Path dir;

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    List<String> argv = new ArrayList<>(List.of("kernel"));
    argv.addAll(List.of(args));
    err.reset();
    return Main.run(argv, new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String write(String name, NdArray a) throws Exception {
    Path p = dir.resolve(name);
    Npy.write(p, a);
    return p.toString();
  }

  private NdArray read(String name) throws Exception {
    return Npy.read(dir.resolve(name));
  }

  private String out(String name) {
    return dir.resolve(name).toString();
  }

  @Test
  void everyOpWorksOnABatchAndMatchesTheJavaApi() throws Exception {
    NdArray a = Golden.load("batch_spd.a");
    NdArray b = Golden.load("batch.b");
    String ap = write("a.npy", a);
    String bp = write("b.npy", b);
    assertEquals(0, run("solve", "--assume-a", "pos", "--workers", "2", ap, bp, out("x.npy")));
    assertArrayEquals(Linalg.solve(a, b, "pos").data(), read("x.npy").data());
    assertEquals(0, run("matmul", ap, bp, out("m.npy")));
    assertArrayEquals(Linalg.matmul(a, b).data(), read("m.npy").data());
    assertEquals(0, run("lstsq", ap, bp, out("l.npy")));
    assertArrayEquals(Linalg.lstsq(a, b).x().data(), read("l.npy").data());
    assertEquals(0, run("inv", ap, out("i.npy")));
    assertArrayEquals(Linalg.inv(a).data(), read("i.npy").data());
    assertEquals(0, run("det", ap, out("d.npy")));
    assertArrayEquals(new int[] {64}, read("d.npy").shape());
    assertEquals(0, run("slogdet", ap, out("s.npy")));
    assertArrayEquals(new int[] {64, 2}, read("s.npy").shape());
    assertEquals(0, run("cholesky", "--lower", ap, out("c.npy")));
    assertArrayEquals(Linalg.cholesky(a, true).data(), read("c.npy").data());
    assertEquals(0, run("eigh", "--vectors", out("v.npy"), ap, out("w.npy")));
    assertArrayEquals(Linalg.eigh(a).w().data(), read("w.npy").data());
    assertArrayEquals(new int[] {64, 8, 8}, read("v.npy").shape());
    assertEquals(0, run("svdvals", ap, out("sv.npy")));
    assertArrayEquals(Linalg.svdvals(a).data(), read("sv.npy").data());
    assertEquals(0, run("svd", "--u", out("u.npy"), "--vt", out("vt.npy"), ap, out("s2.npy")));
    assertArrayEquals(new int[] {64, 8, 8}, read("u.npy").shape());
    assertArrayEquals(new int[] {64, 8, 8}, read("vt.npy").shape());
    assertEquals(0, run("qr", "--q", out("q.npy"), ap, out("r.npy")));
    assertArrayEquals(Linalg.qr(a).r().data(), read("r.npy").data());
    assertArrayEquals(Linalg.qr(a).q().data(), read("q.npy").data());
    assertEquals(0, run("pinv", ap, out("p.npy")));
    assertArrayEquals(Linalg.pinv(a).data(), read("p.npy").data());
    for (String ord : List.of("fro", "2", "1", "inf")) {
      assertEquals(0, run("norm", "--ord", ord, ap, out("n.npy")));
      assertArrayEquals(Linalg.norm(a, ord).data(), read("n.npy").data());
    }
    assertEquals(0, run("expm", ap, out("e.npy")));
    assertArrayEquals(Linalg.expm(a).data(), read("e.npy").data());
  }

  private void assertFails(String expectedMessagePart, String output, String... args) {
    assertEquals(2, run(args), "exit code");
    String text = err.toString(StandardCharsets.UTF_8);
    assertEquals(1, text.lines().count(), "one line on stderr: " + text);
    assertTrue(text.startsWith("numspark: error: "), text);
    assertTrue(text.contains(expectedMessagePart), text);
    assertFalse(Files.exists(Path.of(output)), "no output file");
  }

  @Test
  void badInputGivesOneLineExitTwoAndNoOutput() throws Exception {
    String singular = write("sing.npy", NdArray.real(new double[] {1, 2, 2, 4}, 2, 2));
    String rect = write("rect.npy", NdArray.zeros(false, 2, 3));
    String vec = write("v.npy", NdArray.of(1, 2));
    String nan = write("nan.npy", NdArray.real(new double[] {Double.NaN, 0, 0, 1}, 2, 2));
    assertFails("A singular matrix detected: slice(s) [0] are singular.", out("o1.npy"),
        "solve", singular, vec, out("o1.npy"));
    assertFails("LinAlgError: A singular matrix detected", out("o2.npy"), "inv", singular,
        out("o2.npy"));
    assertFails("2-th leading minor of the array is not positive definite", out("o3.npy"),
        "cholesky", singular, out("o3.npy"));
    assertFails("Expected square matrix, got a1.shape=(2, 3)", out("o4.npy"), "inv", rect,
        out("o4.npy"));
    assertFails("array must not contain infs or NaNs", out("o5.npy"), "det", nan, out("o5.npy"));
    assertFails("unrecognized option --bogus", out("o6.npy"), "det", "--bogus", "1", singular,
        out("o6.npy"));
    assertFails("foo is not a recognized matrix structure", out("o7.npy"), "solve",
        "--assume-a", "foo", singular, vec, out("o7.npy"));
    assertFails("Invalid norm order for matrices.", out("o8.npy"), "norm", "--ord", "7", rect,
        out("o8.npy"));
    assertFails("no such file", out("o9.npy"), "expm", out("missing.npy"), out("o9.npy"));
    assertFails("expected 2 argument(s)", out("o10.npy"), "inv", singular);
    assertFails("incompatible shapes", out("o11.npy"), "solve", singular,
        write("v3.npy", NdArray.of(1, 2, 3)), out("o11.npy"));
  }

  /** Issue 21: a batch of complex Hermitian matrices through eigh, solve and slogdet. */
  @Test
  void complexInputWorksAndMatchesTheJavaApi() throws Exception {
    NdArray a = Golden.load("c_hermitian.a");
    NdArray b = Golden.load("c_hermitian.b");
    String ap = write("ca.npy", a);
    String bp = write("cb.npy", b);
    if (!dev.numspark.parallel.NativeBlas.isNative()) {
      assertFails("complex128 input needs native OpenBLAS", out("cw.npy"), "eigh", ap,
          out("cw.npy"));
      return;
    }
    assertEquals(0, run("eigh", "--vectors", out("cv.npy"), "--workers", "2", ap, out("cw.npy")));
    assertArrayEquals(Linalg.eigh(a).w().data(), read("cw.npy").data());
    assertTrue(read("cv.npy").isComplex());
    assertArrayEquals(new int[] {4, 6, 6}, read("cv.npy").shape());
    assertEquals(0, run("solve", "--assume-a", "her", ap, bp, out("cx.npy")));
    assertArrayEquals(Linalg.solve(a, b, "her").data(), read("cx.npy").data());
    assertEquals(0, run("slogdet", ap, out("cs.npy")));
    assertArrayEquals(new int[] {4, 2}, read("cs.npy").shape());
    assertTrue(read("cs.npy").isComplex());
    assertEquals(Linalg.slogdet(a).logabsdet().data()[3], read("cs.npy").real(7));
  }

  /** Issue 21: bin/numspark kernel expm on a complex128 batch writes complex128. */
  @Test
  void complexExpmWritesComplexAndMatchesTheJavaApi() throws Exception {
    NdArray a = Golden.load("c_expm_batch.a");
    String ap = write("cea.npy", a);
    if (!dev.numspark.parallel.NativeBlas.isNative()) {
      assertFails("complex128 input needs native OpenBLAS", out("ce.npy"), "expm", ap,
          out("ce.npy"));
      return;
    }
    assertEquals(0, run("expm", "--workers", "2", ap, out("ce.npy")));
    NdArray e = read("ce.npy");
    assertTrue(e.isComplex());
    assertArrayEquals(new int[] {6, 5, 5}, e.shape());
    assertArrayEquals(Linalg.expm(a).data(), e.data());
  }

  @Test
  void emptyBatchAndOneByOneWork() throws Exception {
    String empty = write("e.npy", NdArray.zeros(false, 0, 3, 3));
    assertEquals(0, run("inv", empty, out("ei.npy")));
    assertArrayEquals(new int[] {0, 3, 3}, read("ei.npy").shape());
    String one = write("one.npy", NdArray.real(new double[] {4}, 1, 1));
    assertEquals(0, run("cholesky", one, out("c1.npy")));
    assertEquals(2.0, read("c1.npy").data()[0]);
  }
}
