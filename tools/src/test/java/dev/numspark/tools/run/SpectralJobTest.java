package dev.numspark.tools.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.numspark.examples.JsonLines;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/numspark run spectral} end to end on local[2]: generated tones are found (a
 * Hann-windowed sine peaks within half a bin of its frequency, so within 1.5 bins of one of the
 * top peaks), the same signals read back from a JSON source give the same answer, a CSV of
 * number strings works, and an existing output is never overwritten by accident.
 */
class SpectralJobTest {
  @TempDir
  Path dir;

  static final double FS = 1000;
  static final double BIN = FS / 256;

  @Test
  void generatedTonesAreFoundAndReadBackFromAnySource() throws Exception {
    Path out = dir.resolve("spectra");
    Path signals = dir.resolve("signals");
    Path png = dir.resolve("psd.png");
    Cli cli = Cli.run("run", "spectral", "--master", "local[2]", "--no-progress", "--rows", "200",
        "--length", "2048", "--output", out.toString(), "--output-format", "json",
        "--save-signals", signals.toString(), "--plot", png.toString(),
        "--bands", "0:100,100:250,250:500");
    assertEquals(0, cli.code(), cli.err());
    assertTrue(cli.out().contains("recovered: 200/200 signals"), cli.out());

    List<JsonNode> rows = JsonLines.read(out);
    assertEquals(200, rows.size());
    for (JsonNode row : rows) {
      double[] truth = JsonLines.doubles(row.get("true_freqs"));
      double[] peaks = JsonLines.doubles(row.get("peak_freqs"));
      assertEquals(3, truth.length);
      assertEquals(3, peaks.length);
      for (double f : truth) {
        assertTrue(Arrays.stream(peaks).anyMatch(p -> Math.abs(p - f) <= 1.5 * BIN),
            "tone " + f + " Hz not among peaks " + Arrays.toString(peaks) + " of " + row);
      }
      double bands = row.get("band_0_100").asDouble() + row.get("band_100_250").asDouble()
          + row.get("band_250_500").asDouble();
      // the bands cover every bin but Nyquist's, so their sum is the total power up to it
      assertTrue(bands <= row.get("total_power").asDouble() + 1e-12);
      assertTrue(bands >= 0.99 * row.get("total_power").asDouble(), row.toString());
    }

    BufferedImage image = ImageIO.read(png.toFile());
    assertNotNull(image);
    assertEquals(1000, image.getWidth());

    Cli again = Cli.run("run", "spectral", "--master", "local[2]", "--no-progress", "--input",
        signals.toString(), "--format", "json", "--fs", "1000", "--top-k", "3");
    assertEquals(0, again.code(), again.err());
    assertTrue(again.out().contains("spectral: 200 signals"), again.out());
    assertTrue(again.out().contains("recovered: 200/200 signals"), again.out());

    long before = Files.getLastModifiedTime(out).toMillis();
    Cli refused = Cli.run("run", "spectral", "--master", "local[2]", "--rows", "10", "--output",
        out.toString(), "--output-format", "json");
    assertEquals(2, refused.code());
    assertEquals(List.of("numspark: error: " + out + " exists; pass --overwrite to replace it"),
        refused.errorLines());
    assertEquals(200, JsonLines.read(out).size());
    assertEquals(before, Files.getLastModifiedTime(out).toMillis());
  }

  @Test
  void csvSignalsAsNumberStrings() throws Exception {
    Path csv = dir.resolve("signals.csv");
    StringBuilder text = new StringBuilder("sensor,signal\n");
    double[][] tones = {{50, 120}, {80, 200}, {33, 400}};
    for (int s = 0; s < tones.length; s++) {
      StringJoiner samples = new StringJoiner(" ");
      for (int t = 0; t < 1024; t++) {
        double v = Math.sin(2 * Math.PI * tones[s][0] * t / FS)
            + 0.5 * Math.sin(2 * Math.PI * tones[s][1] * t / FS);
        samples.add(String.format(Locale.ROOT, "%.6f", v));
      }
      text.append("s").append(s).append(',').append(samples).append('\n');
    }
    Files.writeString(csv, text);
    Path out = dir.resolve("csv-spectra");
    Cli cli = Cli.run("run", "spectral", "--master", "local[2]", "--no-progress", "--input",
        csv.toString(), "--id-column", "sensor", "--fs", "1000", "--top-k", "2", "--output",
        out.toString(), "--output-format", "json");
    assertEquals(0, cli.code(), cli.err());
    List<JsonNode> rows = JsonLines.read(out);
    assertEquals(3, rows.size());
    for (JsonNode row : rows) {
      int s = Integer.parseInt(row.get("id").asText().substring(1));
      double[] peaks = JsonLines.doubles(row.get("peak_freqs"));
      // the stronger tone first; each within half a bin of its frequency
      assertEquals(tones[s][0], peaks[0], BIN / 2, row.toString());
      assertEquals(tones[s][1], peaks[1], BIN / 2, row.toString());
    }
    assertArrayEquals(new String[] {"s0", "s1", "s2"},
        rows.stream().map(r -> r.get("id").asText()).sorted().toArray(String[]::new));
  }
}
