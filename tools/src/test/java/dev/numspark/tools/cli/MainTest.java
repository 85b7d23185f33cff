package dev.numspark.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.numspark.parallel.NativeOpenBlas;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The launcher's contract: exit 0/2, one error line, no stack trace. */
class MainTest {

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void helpListsTheCommands() {
    Run r = run("--help");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("threads") && r.out().contains("kernel"), r.out());
  }

  @Test
  void anUnknownCommandIsOneLineAndExitTwo() {
    Run r = run("frobnicate");
    assertEquals(2, r.code());
    assertEquals("numspark: error: unknown command 'frobnicate' (see bin/numspark --help)\n",
        r.err());
  }

  @Test
  void threadsPrintsJsonAndAppliesALimit() {
    NativeOpenBlas.require(); // the limit shows only on a native library
    Run r = run("threads", "--limit", "1");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("\"num_threads\": 1"), r.out());
    assertTrue(r.out().trim().startsWith("["), r.out());
  }

  @Test
  void badOptionsAreOneLineErrors() {
    Run bad = run("threads", "--limit", "zero");
    assertEquals(2, bad.code());
    assertEquals("numspark: error: option --limit expects an integer, got 'zero'\n", bad.err());
    Run unknown = run("threads", "--limt", "1");
    assertEquals(2, unknown.code());
    assertEquals("numspark: error: unrecognized option --limt\n", unknown.err());
    Run zero = run("threads", "--limit", "0");
    assertEquals("numspark: error: thread limit must be at least 1, got 0\n", zero.err());
  }

  @Test
  void anUnknownKernelIsOneLine() {
    Run r = run("kernel", "nosuchop", "a.npy", "b.npy");
    assertEquals(2, r.code());
    assertEquals("numspark: error: unknown kernel 'nosuchop' (bin/numspark kernel --list)\n",
        r.err());
  }
}
