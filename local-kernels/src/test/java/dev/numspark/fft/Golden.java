package dev.numspark.fft;

import dev.numspark.array.NdArray;
import dev.numspark.io.Npy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The golden cases written by {@code golden/fft/generate.py}: inputs and SciPy's answers. */
public record Golden(String name, String op, List<String> options, Path input, String expected) {

  public static Path dir() {
    try {
      return Path.of(Golden.class.getResource("/golden/fft/cases.tsv").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static List<Golden> all() {
    Path dir = dir();
    List<Golden> cases = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(dir.resolve("cases.tsv"))) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t", -1);
        List<String> options = f[2].isBlank() ? List.of() : Arrays.asList(f[2].trim().split(" +"));
        Path input = f[3].equals("-") ? null : dir.resolve(f[3]);
        cases.add(new Golden(f[0], f[1], options, input, f[4]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return cases;
  }

  public boolean isError() {
    return expected.startsWith("error:");
  }

  public boolean isValue() {
    return expected.startsWith("value:");
  }

  public String message() {
    return expected.substring(expected.indexOf(':') + 1);
  }

  public NdArray inputArray() {
    return read(input);
  }

  public NdArray expectedArray() {
    return read(dir().resolve(expected));
  }

  private static NdArray read(Path path) {
    try {
      return Npy.read(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return name + " " + op + " " + String.join(" ", options);
  }
}
