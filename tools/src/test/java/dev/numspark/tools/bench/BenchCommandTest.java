package dev.numspark.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.numspark.tools.cli.Main;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/numspark bench} on the tiny {@link FakeSuite}: the table, JSON, markdown and PNG are
 * written, ratios are peer / numspark, a missing Python is a notice, bad arguments are one-line
 * errors. No timing is asserted.
 */
class BenchCommandTest {

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> argv = new ArrayList<>(List.of("bench"));
    argv.addAll(List.of(args));
    int code = Main.run(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static final Pattern ROW = Pattern.compile(
      "\"operation\": \"(\\w+)\".*?\"numspark\": \\{\"ms\": ([-0-9.eE]+).*?\"peer_name\": "
          + "\"(\\w+)\", \"peer\": \\{\"ms\": ([-0-9.eE]+).*?\"ratio\": ([-0-9.eE]+)");

  @Test
  void aQuickRunWritesTableJsonMarkdownAndChart(@TempDir Path dir) throws Exception {
    SciPyPeer.require();
    Run r = run("--quick", "--suite", "fake", "--output", dir.toString(), "--forks", "0");
    assertEquals(0, r.code(), r.out() + r.err());
    assertEquals("", r.err());
    String[] header = {"suite", "operation", "size", "workers", "numspark", "peer", "peer time",
        "ratio"};
    String table = r.out().substring(r.out().lastIndexOf("suite  operation"));
    for (String column : header) {
      assertTrue(table.contains(column), table);
    }
    assertTrue(table.contains("fake   sum") && table.contains("loop"), table);

    String json = Files.readString(dir.resolve("bench-report.json"));
    Matcher m = ROW.matcher(json);
    int rows = 0;
    while (m.find()) {
      rows++;
      double numspark = Double.parseDouble(m.group(2));
      double peer = Double.parseDouble(m.group(4));
      double ratio = Double.parseDouble(m.group(5));
      assertTrue(numspark > 0 && peer > 0, json);
      assertEquals(peer / numspark, ratio, 1e-12 * ratio, "ratio is peer / numspark: " + json);
      assertTrue(table.contains(String.format(java.util.Locale.ROOT, "%.2fx", ratio)), table);
    }
    assertEquals(2, rows, "the sum vs loop and square vs numpy rows with both times: " + json);
    assertTrue(json.contains("\"cores\": " + Runtime.getRuntime().availableProcessors()), json);
    assertTrue(json.contains("\"method\": \"jmh\"") && json.contains("\"method\": \"python\""),
        json);

    String md = Files.readString(dir.resolve("bench-report.md"));
    assertTrue(md.startsWith("Measured with `bin/numspark bench --quick` on "), md);
    assertTrue(md.contains("| cores | " + Runtime.getRuntime().availableProcessors() + " |"), md);
    assertTrue(md.contains("| suite | operation | size | workers | numspark | peer | peer time "
        + "| ratio | note |\n|---|"), md);

    BufferedImage png = ImageIO.read(dir.resolve("bench-report.png").toFile());
    assertEquals(1100, png.getWidth());
    assertTrue(png.getHeight() >= 50 + 2 * 22, "one bar row per compared case");
    assertTrue(Files.size(dir.resolve("bench-jmh.log")) > 0, "JMH's own output is kept");
  }

  @Test
  void aMissingPythonIsOneNoticeAndThePeerIsSkipped(@TempDir Path dir) throws Exception {
    Run r = run("--quick", "--suite", "fake", "--output", dir.toString(), "--forks", "0",
        "--python", dir.resolve("no-such-python").toString());
    assertEquals(0, r.code(), r.out() + r.err());
    List<String> notices = r.out().lines().filter(l -> l.startsWith("numspark: notice:")).toList();
    assertEquals(List.of("numspark: notice: " + dir.resolve("no-such-python")
        + " not found; SciPy peers skipped (set NUMSPARK_PYTHON or --python to another Python)"),
        notices);
    String json = Files.readString(dir.resolve("bench-report.json"));
    // the note starts with the skip (a too-wide error bar may follow it)
    assertTrue(json.contains("\"operation\": \"square\"") && json.contains("\"note\": \"numpy "
        + "skipped"), json);
    assertTrue(json.contains("\"numpy\": null"), json);
  }

  @Test
  void theJmhForkFindsTheSuiteWithThisClassPathAndFlags(@TempDir Path dir) throws Exception {
    // FakeSuite is registered only in the test class path: the fork finds it only with ours.
    Run r = run("--quick", "--suite", "fake", "--output", dir.toString(), "--forks", "1",
        "--python", dir.resolve("none").toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertFalse(r.out().contains("failed"), r.out());
    String log = Files.readString(dir.resolve("bench-jmh.log"));
    assertTrue(log.contains("# Fork: 1 of 1"), log);
    for (String flag : JmhTimer.forkJvmArgs(true)) {
      assertTrue(log.contains(flag), "fork VM options carry " + flag + ":\n" + log);
    }
  }

  @Test
  void forkArgsAreThisJvmsFlags() {
    List<String> args = JmhTimer.forkJvmArgs(false);
    assertTrue(args.contains("--add-opens=java.base/java.nio=ALL-UNNAMED"), args.toString());
    assertTrue(args.stream().noneMatch(a -> a.startsWith("-agentlib:")), args.toString());
  }

  @Test
  void forksGetAFixedPreTouchedHeapUnlessTheHeapIsSized() {
    List<String> unsized = List.of("-Xss8m", "-XX:+UseParallelGC");
    assertEquals(JmhTimer.FIXED_HEAP, JmhTimer.heapArgs(unsized, false));
    assertEquals(JmhTimer.QUICK_HEAP, JmhTimer.heapArgs(unsized, true));
    assertTrue(JmhTimer.FIXED_HEAP.contains("-XX:+AlwaysPreTouch"));
    assertTrue(JmhTimer.QUICK_HEAP.contains("-XX:+AlwaysPreTouch"));
    for (boolean quick : new boolean[] {false, true}) {
      assertEquals(List.of(), JmhTimer.heapArgs(List.of("-Xss8m", "-Xmx12g"), quick));
      assertEquals(List.of(), JmhTimer.heapArgs(List.of("-Xms1g"), quick));
      assertEquals(List.of(), JmhTimer.heapArgs(List.of("-XX:MaxHeapSize=2g"), quick));
    }
  }

  @Test
  void badArgumentsAreOneLineErrors(@TempDir Path dir) throws Exception {
    Run unknown = run("--suite", "fake,nope");
    assertEquals(2, unknown.code());
    assertTrue(unknown.err().matches("numspark: error: unknown suite 'nope' \\(available: .*fake.*\\)\n"),
        unknown.err());
    Run option = run("--quick", "--sute", "fft");
    assertEquals(2, option.code());
    assertEquals("numspark: error: unrecognized option --sute\n", option.err());
    Run forks = run("--forks", "-1");
    assertEquals("numspark: error: option --forks must be 0 or more, got -1\n", forks.err());
    Path file = Files.writeString(dir.resolve("report"), "x");
    Run output = run("--suite", "fake", "--output", file.toString());
    assertEquals(2, output.code());
    assertEquals("numspark: error: --output " + file + " is not a directory\n", output.err());
    Run width = run("--suite", "fake", "--widths", "native,64");
    assertEquals("numspark: error: option --widths takes native, 256 and 128, got '64'\n",
        width.err());
    Run stray = run("fft");
    assertEquals("numspark: error: unexpected argument 'fft'\n", stray.err());
    assertFalse(Files.exists(dir.resolve("bench-report.json")));
  }

  @Test
  void helpListsTheSuites() {
    Run r = run("--help");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("available: fft, signal, linalg, optimize") && r.out().contains("fake"),
        r.out());
  }
}
