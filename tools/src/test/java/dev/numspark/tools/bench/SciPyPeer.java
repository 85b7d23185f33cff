package dev.numspark.tools.bench;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * The Python with numpy and SciPy that the tests compare against: {@code NUMSPARK_PYTHON} (what
 * {@code .ci/run} sets to the project's venv) or {@code python3}. Where it lacks them a test that
 * needs them is skipped with one notice, so the README's test command passes on a machine without
 * SciPy; with {@code -Dnumspark.requirePython=true} (set by {@code .ci/run}) it fails instead.
 */
final class SciPyPeer {
  private SciPyPeer() {}

  static String python() {
    String env = System.getenv("NUMSPARK_PYTHON");
    return env == null || env.isBlank() ? "python3" : env;
  }

  /** Skips (or, when required, fails) the calling test unless numpy and SciPy import. */
  static void require() {
    PythonPeer.Probe probe = new PythonPeer(BenchSettings.defaults(true, python())).probe();
    if (probe.available()) {
      return;
    }
    if (Boolean.getBoolean("numspark.requirePython")) {
      fail("numspark.requirePython is set, but " + probe.notice());
    }
    Assumptions.abort("skipped: " + probe.notice());
  }
}
