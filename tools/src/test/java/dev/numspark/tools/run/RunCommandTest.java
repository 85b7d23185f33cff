package dev.numspark.tools.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/numspark run}: the command line is checked before Spark starts, and every bad
 * option or unreadable input ends with exit code 2 and one {@code numspark: error:} line.
 */
class RunCommandTest {
  @TempDir
  Path dir;

  private static void assertOneError(Cli cli, String expected) {
    assertEquals(2, cli.code(), cli.err());
    List<String> errors = cli.errorLines();
    assertEquals(1, errors.size(), cli.err());
    assertTrue(errors.get(0).contains(expected), errors.get(0));
    assertFalse(cli.err().contains("\tat "), "no stack trace: " + cli.err());
  }

  @Test
  void listsTheJobs() {
    Cli cli = Cli.run("run", "--help");
    assertEquals(0, cli.code());
    for (String job : List.of("spectral", "lstsq", "optimize")) {
      assertTrue(cli.out().contains(job), cli.out());
    }
  }

  @Test
  void jobHelpShowsItsOptionsAndTheSparkSubmitClass() {
    Cli cli = Cli.run("run", "spectral", "--help");
    assertEquals(0, cli.code());
    assertTrue(cli.out().contains("--nperseg"), cli.out());
    assertTrue(cli.out().contains("dev.numspark.examples.SpectralJob"), cli.out());
  }

  @Test
  void missingAndUnknownJobs() {
    assertOneError(Cli.run("run"), "run needs a job name");
    assertOneError(Cli.run("run", "nope"), "unknown job 'nope'");
  }

  @Test
  void badOptions() {
    assertOneError(Cli.run("run", "spectral", "--rows", "many"),
        "--rows expects an integer, got 'many'");
    assertOneError(Cli.run("run", "spectral", "--bogus", "1"), "unrecognized option --bogus");
    assertOneError(Cli.run("run", "spectral", "--noverlap", "300"),
        "noverlap must be less than nperseg.");
    assertOneError(Cli.run("run", "spectral", "--window", "nosuchwindow"), "nosuchwindow");
    assertOneError(Cli.run("run", "spectral", "--bands", "0-50"), "--bands expects LO:HI");
    assertOneError(Cli.run("run", "spectral", "--bands", "600:700"), "Nyquist");
    assertOneError(Cli.run("run", "spectral", "--output-format", "csv"),
        "--output-format must be parquet or json");
    assertOneError(Cli.run("run", "spectral", "--master", "mesos://x"), "--master must be");
    assertOneError(Cli.run("run", "lstsq", "--samples", "2", "--degree", "2"),
        "must exceed --degree");
    assertOneError(Cli.run("run", "optimize", "--function", "nosuch"),
        "unknown test function 'nosuch'");
  }

  @Test
  void missingInputFailsBeforeSparkStarts() {
    Path missing = dir.resolve("missing.parquet");
    long start = System.nanoTime();
    assertOneError(Cli.run("run", "spectral", "--input", missing.toString()),
        missing + ": no such file or directory");
    assertOneError(Cli.run("run", "spectral", "--input", missing.toString(), "--rows", "5"),
        "--rows is for generated signals");
    assertTrue((System.nanoTime() - start) / 1e9 < 10, "checked without starting Spark");
  }

  @Test
  void unreadableInputAndWrongColumnAreOneLine() throws Exception {
    Path notParquet = dir.resolve("signals.parquet");
    Files.writeString(notParquet, "this is not parquet\n");
    assertOneError(Cli.run("run", "spectral", "--master", "local[2]", "--input",
        notParquet.toString()), "cannot read " + notParquet + " as parquet");

    Path json = dir.resolve("signals.json");
    Files.writeString(json, "{\"id\": 1, \"samples\": [1.0, 2.0, 3.0]}\n");
    assertOneError(Cli.run("run", "spectral", "--master", "local[2]", "--input",
        json.toString()), "no column 'signal' in " + json + " (columns: id, samples)");
  }
}
