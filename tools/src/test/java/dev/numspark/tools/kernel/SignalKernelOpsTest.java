package dev.numspark.tools.kernel;

import dev.numspark.signal.Golden;
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

class SignalKernelOpsTest {
  @TempDir
  Path tmp;

  private String err;

  private int cli(String... args) {
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int code = Main.run(List.of(args), new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(e, true, StandardCharsets.UTF_8));
    err = e.toString(StandardCharsets.UTF_8);
    return code;
  }

  private String in(String name) {
    return Golden.DIR.resolve("in_" + name + ".npy").toString();
  }

  private NdArray expected(String caseName) {
    return Golden.read(caseName + "_v.npy");
  }

  @Test
  void welchWritesThePowerSpectrum() throws Exception {
    Path out = tmp.resolve("p.npy");
    assertEquals(0, cli("kernel", "welch", "--fs", "1000", "--nperseg", "255", "--noverlap", "100",
        "--workers", "2", in("x1"), out.toString()), err);
    Golden.assertClose(expected("welch_fs_odd"), Npy.read(out), "welch");
  }

  @Test
  void windowWithParameterAndMedian() throws Exception {
    Path out = tmp.resolve("p.npy");
    assertEquals(0, cli("kernel", "welch", "--window", "tukey:0.25", "--nperseg", "90",
        "--average", "median", in("x1"), out.toString()), err);
    Golden.assertClose(expected("welch_tukey"), Npy.read(out), "welch tukey");
  }

  @Test
  void csdTakesTwoInputsAndWritesComplex() throws Exception {
    Path out = tmp.resolve("c.npy");
    assertEquals(0, cli("kernel", "csd", "--nperseg", "77", "--return-onesided", "false",
        in("x1"), in("y1"), out.toString()), err);
    NdArray r = Npy.read(out);
    assertTrue(r.isComplex());
    Golden.assertClose(expected("csd_twosided"), r, "csd");
  }

  @Test
  void periodogramSpectrogramStftIstft() throws Exception {
    Path p = tmp.resolve("p.npy");
    assertEquals(0, cli("kernel", "periodogram", "--axis", "0", in("x2t"), p.toString()), err);
    Golden.assertClose(expected("per_axis0"), Npy.read(p), "periodogram");
    Path s = tmp.resolve("s.npy");
    assertEquals(0, cli("kernel", "spectrogram", "--nperseg", "64", "--mode", "magnitude",
        in("x1"), s.toString()), err);
    Golden.assertClose(expected("spec_magnitude"), Npy.read(s), "spectrogram");
    Path z = tmp.resolve("z.npy");
    assertEquals(0, cli("kernel", "stft", "--nperseg", "32", "--boundary", "odd", in("xs"),
        z.toString()), err);
    Golden.assertClose(expected("stft_b_odd"), Npy.read(z), "stft");
    Path x = tmp.resolve("x.npy");
    assertEquals(0, cli("kernel", "istft", "--nperseg", "64", in("z1"), x.toString()), err);
    Golden.assertClose(expected("istft_roundtrip"), Npy.read(x), "istft");
  }

  @Test
  void getWindowAndConvolutions() throws Exception {
    Path w = tmp.resolve("w.npy");
    assertEquals(0, cli("kernel", "get_window", "--window", "kaiser:8.6", "--nx", "16",
        "--fftbins", "false", w.toString()), err);
    Golden.assertClose(expected("win_kaiser_8.6_s16"), Npy.read(w), "window");
    Path c = tmp.resolve("c.npy");
    assertEquals(0, cli("kernel", "oaconvolve", "--mode", "same", "--axes", "0",
        in("long2"), in("short2"), c.toString()), err);
    Golden.assertClose(expected("oaconvolve_long2_same"), Npy.read(c), "oaconvolve");
    assertEquals(0, cli("kernel", "fftconvolve", "--mode", "valid", in("a1"), in("k1"),
        c.toString()), err);
    Golden.assertClose(expected("fftconvolve_1d_valid"), Npy.read(c), "fftconvolve");
  }

  @Test
  void badInputExitsTwoWithOneLineAndNoFile() throws Exception {
    List<String[]> bad = new ArrayList<>();
    Path out = tmp.resolve("never.npy");
    bad.add(new String[] {"kernel", "welch", "--nperseg", "30", "--noverlap", "30", in("x1"),
        out.toString()});
    bad.add(new String[] {"kernel", "welch", "--window", "nope", in("x1"), out.toString()});
    bad.add(new String[] {"kernel", "welch", "--bogus", "1", in("x1"), out.toString()});
    bad.add(new String[] {"kernel", "welch", "--axis", "3", in("x1"), out.toString()});
    bad.add(new String[] {"kernel", "csd", in("x1"), out.toString()});
    bad.add(new String[] {"kernel", "fftconvolve", "--mode", "middle", in("a1"), in("k1"),
        out.toString()});
    bad.add(new String[] {"kernel", "get_window", "--window", "hann", "--nx", "0",
        out.toString()});
    bad.add(new String[] {"kernel", "istft", in("x1"), out.toString()});
    bad.add(new String[] {"kernel", "welch", tmp.resolve("missing.npy").toString(),
        out.toString()});
    for (String[] args : bad) {
      assertEquals(2, cli(args), String.join(" ", args));
      assertTrue(err.startsWith("numspark: error: "), err);
      assertEquals(1, err.strip().lines().count(), err);
      assertFalse(Files.exists(out), String.join(" ", args));
    }
    cli("kernel", "welch", "--nperseg", "30", "--noverlap", "30", in("x1"), out.toString());
    assertTrue(err.contains("noverlap=30 must be less than nperseg=30!"), err);
  }
}
