package dev.numspark.tools.bench;

import dev.numspark.io.JsonText;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times the SciPy/numpy peers of cases with the machine's Python, in one subprocess per worker
 * count with {@code OPENBLAS_NUM_THREADS}, {@code OMP_NUM_THREADS} and {@code MKL_NUM_THREADS} set
 * to the case's workers (set before numpy loads, as they must be). Each statement is timed with
 * {@code time.perf_counter}: one calibrating warm-up call (calls are looped until a sample takes at
 * least 5 ms, like {@code timeit}'s autorange), then repeats until the count or the time budget is
 * reached; the median and median absolute deviation of the per-call times are reported.
 */
final class PythonPeer {

  /**
   * The timing loop. Each case's setup is written to a module of its own and imported, so that
   * functions it defines pickle by reference for the worker processes of {@code workers=N}
   * (SciPy's pools start by forkserver, whose children import the module again).
   */
  static final String SCRIPT = """
      import importlib, json, os, re, shutil, sys, tempfile, time
      _dir = tempfile.mkdtemp(prefix="numspark-bench-")
      sys.path.insert(0, _dir)
      _pre = "import numpy as np\\nimport scipy\\n"
      _spec = json.load(sys.stdin)
      try:
          for _i, _case in enumerate(_spec["cases"]):
              _out = {"id": _case["id"]}
              try:
                  _name = "numspark_bench_case_%d" % _i
                  _setup = _case["setup"] or ""
                  # only the SciPy modules the case names: scipy.signal alone takes 1 s to import
                  _named = re.findall(r"\\bscipy\\.([a-z]\\w*)", _setup + "\\n" + _case["stmt"])
                  _imports = "".join("import scipy.%s\\n" % _m for _m in sorted(set(_named)))
                  with open(os.path.join(_dir, _name + ".py"), "w") as _fh:
                      _fh.write(_pre + _imports + _setup + "\\n")
                  _ns = vars(importlib.import_module(_name))
                  _code = compile(_case["stmt"], "<stmt>", "exec")
                  _number = 1
                  while True:
                      _t0 = time.perf_counter()
                      for _ in range(_number):
                          exec(_code, _ns)
                      _dt = time.perf_counter() - _t0
                      if _dt >= 0.005 or _number >= 1000000:
                          break
                      _number *= 10
                  _samples = []
                  _start = time.perf_counter()
                  while len(_samples) < _spec["repeats"] and (
                          len(_samples) < 3 or time.perf_counter() - _start < _spec["budget"]):
                      _t0 = time.perf_counter()
                      for _ in range(_number):
                          exec(_code, _ns)
                      _samples.append((time.perf_counter() - _t0) / _number * 1e3)
                  _out["samples_ms"] = _samples
              except BaseException as _e:
                  _out["error"] = type(_e).__name__ + ": " + str(_e).replace("\\n", " ")
              print("NUMSPARK_RESULT " + json.dumps(_out), flush=True)
      finally:
          shutil.rmtree(_dir, ignore_errors=True)
      """;

  private static final String PROBE =
      "import numpy, scipy; print(numpy.__version__, scipy.__version__)";
  private static final Pattern RESULT = Pattern.compile(
      "\\{\"id\": \"([^\"]*)\", (?:\"samples_ms\": \\[([^\\]]*)\\]|\"error\": \"((?:[^\"\\\\]|\\\\.)*)\")\\}");

  /** What {@link #probe} found: numpy and scipy versions, or why Python peers are skipped. */
  record Probe(String numpy, String scipy, String notice) {
    boolean available() {
      return notice == null;
    }
  }

  /** One peer's outcome: its timed repeats (ms per call), or an error message. */
  record Outcome(double[] samplesMs, String error) {
    static Outcome of(double[] samplesMs) {
      return new Outcome(samplesMs, null);
    }

    static Outcome failed(String error) {
      return new Outcome(null, error);
    }

    /** The median and its deviation, or null for a failure. */
    Measurement measurement() {
      return samplesMs == null ? null : Measurement.ofSamples(samplesMs, "python");
    }
  }

  private final String python;
  private final BenchSettings settings;

  PythonPeer(BenchSettings settings) {
    this.python = settings.python();
    this.settings = settings;
  }

  /** Checks that Python starts and imports numpy and scipy. */
  Probe probe() {
    try {
      Process p = new ProcessBuilder(python, "-c", PROBE).redirectErrorStream(true).start();
      p.getOutputStream().close();
      String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Probe(null, null, python + " did not answer; SciPy peers skipped");
      }
      String[] versions = text.split("\\s+");
      if (p.exitValue() != 0 || versions.length != 2) {
        String last = text.isEmpty() ? "exit " + p.exitValue()
            : text.substring(text.lastIndexOf('\n') + 1);
        return new Probe(null, null, python + " cannot import numpy and scipy (" + last
            + "); SciPy peers skipped");
      }
      return new Probe(versions[0], versions[1], null);
    } catch (IOException e) {
      return new Probe(null, null, python + " not found; SciPy peers skipped"
          + " (set NUMSPARK_PYTHON or --python to another Python)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Probe(null, null, "interrupted; SciPy peers skipped");
    }
  }

  /** Times the Python peers of {@code cases} (by id), all with {@code workers} threads. */
  Map<String, Outcome> time(Map<String, BenchCase> cases, int workers) throws IOException {
    Map<String, Outcome> outcomes = new LinkedHashMap<>();
    if (cases.isEmpty()) {
      return outcomes;
    }
    ProcessBuilder builder = new ProcessBuilder(python, "-c", SCRIPT);
    String threads = String.valueOf(workers);
    builder.environment().put("OPENBLAS_NUM_THREADS", threads);
    builder.environment().put("OMP_NUM_THREADS", threads);
    builder.environment().put("MKL_NUM_THREADS", threads);
    if ("launcher".equals(System.getenv("NUMSPARK_OPENBLAS_CORETYPE_SET_BY"))) {
      // bin/numspark chose the kernel for Debian's older OpenBLAS; numpy's own OpenBLAS detects
      // this CPU itself, so the peer runs as the user would run it.
      builder.environment().remove("OPENBLAS_CORETYPE");
    }
    Path errors = Files.createTempFile("numspark-python", ".err");
    Path output = Files.createTempFile("numspark-python", ".out");
    builder.redirectError(errors.toFile()).redirectOutput(output.toFile());
    Process p = builder.start();
    try {
      try (OutputStream in = p.getOutputStream()) {
        in.write(spec(cases).getBytes(StandardCharsets.UTF_8));
      }
      long limit = timeoutSeconds(cases.size());
      boolean timedOut = !p.waitFor(limit, TimeUnit.SECONDS);
      if (timedOut) {
        destroyTree(p);
      }
      for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
        if (line.startsWith("NUMSPARK_RESULT ")) {
          parse(line.substring("NUMSPARK_RESULT ".length()), outcomes);
        }
      }
      String reason = timedOut ? "timed out after " + limit + " s"
          : "python exited " + p.exitValue() + lastLine(Files.readString(errors,
              StandardCharsets.UTF_8));
      for (String id : cases.keySet()) {
        outcomes.putIfAbsent(id, Outcome.failed(reason));
      }
      return outcomes;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while timing the Python peers", e);
    } finally {
      destroyTree(p);
      Files.deleteIfExists(errors);
      Files.deleteIfExists(output);
    }
  }

  /** Generous: a statement gets its time budget several times over, plus imports and setup. */
  private long timeoutSeconds(int cases) {
    return 60 + (long) cases * (long) (4 * settings.pythonBudgetSeconds() + 60);
  }

  /** Stops Python and the worker processes it started (multiprocessing pools). */
  private static void destroyTree(Process p) {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
  }

  private String spec(Map<String, BenchCase> cases) {
    StringBuilder json = new StringBuilder("{\"repeats\": ").append(settings.repeats())
        .append(", \"budget\": ").append(settings.pythonBudgetSeconds()).append(", \"cases\": [");
    String sep = "";
    for (Map.Entry<String, BenchCase> e : cases.entrySet()) {
      json.append(sep).append("{\"id\": ").append(JsonText.quote(e.getKey()))
          .append(", \"setup\": ").append(JsonText.quote(e.getValue().pythonSetup()))
          .append(", \"stmt\": ").append(JsonText.quote(e.getValue().pythonStmt())).append('}');
      sep = ", ";
    }
    return json.append("]}").toString();
  }

  /** Reads one result line (json.dumps of {"id", "samples_ms"} or {"id", "error"}). */
  static void parse(String line, Map<String, Outcome> outcomes) {
    Matcher m = RESULT.matcher(line.trim());
    if (!m.matches()) {
      return;
    }
    if (m.group(2) != null) {
      List<Double> values = new ArrayList<>();
      for (String v : m.group(2).split(",")) {
        if (!v.isBlank()) {
          values.add(Double.parseDouble(v.trim()));
        }
      }
      double[] ms = values.stream().mapToDouble(Double::doubleValue).toArray();
      outcomes.put(m.group(1), ms.length == 0 ? Outcome.failed("no samples") : Outcome.of(ms));
    } else {
      outcomes.put(m.group(1), Outcome.failed(m.group(3).replace("\\\"", "\"")
          .replace("\\\\", "\\")));
    }
  }

  /** {@code ": last line of stderr"}, or nothing. */
  private static String lastLine(String text) {
    String t = text.strip();
    return t.isEmpty() ? "" : ": " + t.substring(t.lastIndexOf('\n') + 1);
  }
}
