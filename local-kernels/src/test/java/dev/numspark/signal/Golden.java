package dev.numspark.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.numspark.array.NdArray;
import dev.numspark.io.Npy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The golden cases written by golden/signal/generate.py, and the comparison rule. */
public final class Golden {
  public static final Path DIR = dir();

  /** One line of manifest.txt. */
  record Case(String name, String op, List<String> inputs, Map<String, String> opts) {
    String opt(String key) {
      return opts.get(key);
    }
  }

  private Golden() {}

  private static Path dir() {
    try {
      return Path.of(Golden.class.getResource("/golden/signal/manifest.txt").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Case> cases() {
    try {
      List<Case> out = new ArrayList<>();
      for (String line : Files.readAllLines(DIR.resolve("manifest.txt"))) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t", -1);
        Map<String, String> opts = new LinkedHashMap<>();
        for (String kv : f[3].trim().split(" ")) {
          if (!kv.isEmpty()) {
            int eq = kv.indexOf('=');
            opts.put(kv.substring(0, eq), kv.substring(eq + 1));
          }
        }
        List<String> ins = f[2].isEmpty() ? List.of() : List.of(f[2].split(","));
        out.add(new Case(f[0], f[1], ins, opts));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, String> errors() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : Files.readAllLines(DIR.resolve("errors.txt"))) {
      String[] f = line.split("\t", 2);
      out.put(f[0], f[1]);
    }
    return out;
  }

  static NdArray input(String name) {
    return read("in_" + name + ".npy");
  }

  public static NdArray read(String file) {
    try {
      return Npy.read(DIR.resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean has(String file) {
    return Files.exists(DIR.resolve(file));
  }

  /**
   * Same shape and kind, and every value within rtol 1e-10 plus 1e-12 of the largest magnitude:
   * FFT rounding is relative to the norm of the data, so bins that should be zero (a detrended
   * DC bin) may differ in absolute terms only.
   */
  public static void assertClose(NdArray expected, NdArray actual, String what) {
    assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
    assertEquals(expected.isComplex(), actual.isComplex(), what + ": complex");
    assertClose(expected.data(), actual.data(), what);
  }

  public static void assertClose(double[] expected, double[] actual, String what) {
    assertEquals(expected.length, actual.length, what + ": length");
    double max = 0;
    for (double v : expected) {
      max = Math.max(max, Math.abs(v));
    }
    for (int i = 0; i < expected.length; i++) {
      double e = expected[i];
      double a = actual[i];
      if (Double.isNaN(e)) {
        assertTrue(Double.isNaN(a), what + "[" + i + "] should be NaN");
        continue;
      }
      double tol = 1e-10 * Math.abs(e) + 1e-12 * max;
      assertTrue(Math.abs(a - e) <= tol,
          what + "[" + i + "]: expected " + e + " got " + a + " (tol " + tol + ")");
    }
  }

  /** SpectralOptions from a case's CLI-spelled options. */
  static SpectralOptions options(Case c) {
    SpectralOptions o = SpectralOptions.defaults();
    c.opts().forEach((k, v) -> {
      switch (k) {
        case "fs" -> o.fs(Double.parseDouble(v));
        case "window" -> {
          if (v.startsWith("@")) {
            o.window(input(v.substring(1)).data());
          } else {
            o.window(v);
          }
        }
        case "nperseg" -> o.nperseg(Integer.parseInt(v));
        case "noverlap" -> o.noverlap(Integer.parseInt(v));
        case "nfft" -> o.nfft(Integer.parseInt(v));
        case "detrend" -> o.detrend(v);
        case "return-onesided" -> o.returnOnesided(Boolean.parseBoolean(v));
        case "scaling" -> o.scaling(v);
        case "average" -> o.average(v);
        case "axis" -> o.axis(Integer.parseInt(v));
        case "mode" -> {
          if (c.op().equals("spectrogram")) {
            o.mode(v);
          }
        }
        case "boundary" -> o.boundary(v);
        case "padded" -> o.padded(Boolean.parseBoolean(v));
        case "input-onesided" -> o.inputOnesided(Boolean.parseBoolean(v));
        case "istft-boundary" -> o.istftBoundary(Boolean.parseBoolean(v));
        case "time-axis" -> o.timeAxis(Integer.parseInt(v));
        case "freq-axis" -> o.freqAxis(Integer.parseInt(v));
        default -> { } // convolution and window options are read by their tests
      }
    });
    return o;
  }
}
