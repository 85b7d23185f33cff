package dev.numspark.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Python side: result lines in, measurements or errors out; a failing statement is a note. */
class PythonPeerTest {

  @Test
  void parsesSamplesAndErrors() {
    Map<String, PythonPeer.Outcome> out = new LinkedHashMap<>();
    PythonPeer.parse("{\"id\": \"a/compare/0\", \"samples_ms\": [3.0, 1.0, 2.0]}", out);
    PythonPeer.parse("{\"id\": \"a/compare/1\", \"error\": \"NameError: name \\\"y\\\" is not "
        + "defined\"}", out);
    assertEquals(2.0, out.get("a/compare/0").measurement().ms());
    assertEquals("python", out.get("a/compare/0").measurement().method());
    assertNull(out.get("a/compare/1").measurement());
    assertEquals("NameError: name \"y\" is not defined", out.get("a/compare/1").error());
  }

  @Test
  void aFailingStatementIsReportedAndTheOthersStillRun() throws Exception {
    SciPyPeer.require();
    PythonPeer peer = new PythonPeer(BenchSettings.defaults(true, SciPyPeer.python()));
    Map<String, BenchCase> cases = new LinkedHashMap<>();
    cases.put("t/compare/0", new BenchCase("bad", "1", 1, 0, null, "scipy", null, null, "y + 1"));
    cases.put("t/compare/1", new BenchCase("sum", "1", 1, 0, null, "scipy", null,
        "x = np.ones(10)", "x.sum()"));
    // a function the setup defines must reach SciPy's worker processes (workers=2)
    cases.put("t/compare/2", new BenchCase("de", "2", 2, 0, null, "scipy", null,
        "from scipy.optimize import differential_evolution\ndef f(x):\n    return float(np.sum(x * x))",
        "differential_evolution(f, [(-1, 1)] * 2, maxiter=1, popsize=3, polish=False, "
            + "updating='deferred', workers=2)"));
    Map<String, PythonPeer.Outcome> out = peer.time(cases, 1);
    assertEquals("NameError: name 'y' is not defined", out.get("t/compare/0").error());
    assertFalse(out.get("t/compare/1").measurement().ms() <= 0);
    assertNull(out.get("t/compare/2").error(), () -> out.get("t/compare/2").error());
    assertFalse(out.get("t/compare/2").measurement().ms() <= 0);
  }

  @Test
  void aCaseLoadsTheSciPyModulesItNamesAndNoOthers() throws Exception {
    SciPyPeer.require();
    PythonPeer peer = new PythonPeer(BenchSettings.defaults(true, SciPyPeer.python()));
    Map<String, BenchCase> cases = new LinkedHashMap<>();
    // named only in the statement: imported with the case's module, before the timing (the
    // modules that must stay unloaded are spelt so that the case does not name them)
    cases.put("t/compare/0", new BenchCase("fft", "8", 1, 0, null, "scipy", null,
        "import sys\nx = np.ones(8)", "assert 'scipy.' + 'signal' not in sys.modules\n"
            + "assert 'scipy.' + 'optimize' not in sys.modules\nscipy.fft.fft(x)"));
    cases.put("t/compare/1", new BenchCase("welch", "64", 1, 0, null, "scipy", null,
        "x = np.ones(64)", "scipy.signal.welch(x, nperseg=16)"));
    Map<String, PythonPeer.Outcome> out = peer.time(cases, 1);
    assertNull(out.get("t/compare/0").error(), () -> out.get("t/compare/0").error());
    assertNull(out.get("t/compare/1").error(), () -> out.get("t/compare/1").error());
    assertFalse(out.get("t/compare/1").measurement().ms() <= 0);
  }
}
