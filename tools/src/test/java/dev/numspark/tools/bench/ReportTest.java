package dev.numspark.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The three renderings of a report, from fixed results (no measuring). */
class ReportTest {
  private static final MachineInfo MACHINE = new MachineInfo("2026-01-02T03:04:05Z", 2,
      "Test CPU", "Java 17", "Linux", "JNIBLAS: openblas 0.3.21", "2.4.6", "1.17.1");

  private static Report report() {
    List<BenchResult> results = List.of(
        new BenchResult("fft", "compare", "rfft", "512x4096", 1, 1e6,
            new Measurement(2.0, 0.02, 3, "jmh"), "scipy", new Measurement(5.0, 0.5, 5, "python"),
            null),
        new BenchResult("fft", "scaling", "rfft", "16x4096", 1, 1e6,
            new Measurement(4.0, 0.1, 3, "jmh"), null, null, null),
        new BenchResult("fft", "scaling", "rfft", "16x4096", 2, 1e6,
            new Measurement(2.5, 0.1, 3, "jmh"), null, null, null));
    return new Report(MACHINE, BenchSettings.defaults(true, "python3"),
        List.of("a notice | with a bar"), results);
  }

  @Test
  void timesHaveThreeSignificantDigitsAndAUnit() {
    assertEquals("456 µs", Report.time(0.456));
    assertEquals("12.3 ms", Report.time(12.34));
    assertEquals("1.23 s", Report.time(1234));
    assertEquals("2.00 ms ±10%", Report.time(new Measurement(2, 0.2, 3, "jmh")));
    assertEquals("-", Report.time(null));
    assertEquals("2.50x", Report.ratio(2.5));
  }

  @Test
  void theTableHasTheRatioAndTheScalingSpeedup() {
    String table = report().table();
    assertTrue(table.contains("fft    rfft       512x4096  1        2.00 ms ±1%  scipy  5.00 ms "
        + "±10%  2.50x"), table);
    // workers 2 against workers 1 at the same size: 4.0 / 2.5 = 1.6
    assertTrue(table.contains("1.60x"), table);
    assertTrue(table.contains("2.50e+08/s"), table);
  }

  @Test
  void markdownHasTheMachineTheTablesAndTheNotices() {
    String md = report().markdown();
    assertTrue(md.startsWith("Measured with `bin/numspark bench --quick` on 2026-01-02T03:04:05Z."),
        md);
    assertTrue(md.contains("| CPU | Test CPU |") && md.contains("| numpy / scipy | 2.4.6 / 1.17.1 |"),
        md);
    assertTrue(md.contains("| fft | rfft | 512x4096 | 1 | 2.00 ms ±1% | scipy | 5.00 ms ±10% | "
        + "2.50x |  |"), md);
    assertTrue(md.contains("\n> a notice | with a bar\n"), md);
  }

  @Test
  void jsonHasEveryResultWithItsRatio() {
    String json = report().json();
    assertTrue(json.contains("\"numspark\": {\"ms\": 2.0, \"error_ms\": 0.02, \"samples\": 3, "
        + "\"method\": \"jmh\"}, \"peer_name\": \"scipy\", \"peer\": {\"ms\": 5.0, \"error_ms\": 0.5,"
        + " \"samples\": 5, \"method\": \"python\"}, \"ratio\": 2.5"), json);
    assertTrue(json.contains("\"peer\": null, \"ratio\": null, \"throughput_per_s\": 2.5E8"),
        json);
    assertEquals(3, json.split("\"suite\":", -1).length - 1);
  }
}
