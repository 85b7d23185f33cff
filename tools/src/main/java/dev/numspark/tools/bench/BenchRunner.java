package dev.numspark.tools.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Runs suites: for every case numspark's action and its peer on the same machine in the same
 * run (Python peers in a subprocess, Java peers and numspark with JMH, or wall time for
 * {@link BenchSuite#wallClock()} suites), then the scaling study, and collects a {@link Report}.
 * Progress goes to {@code out}, one line per case.
 */
final class BenchRunner {
  private final BenchSettings settings;
  private final PrintStream out;
  private final JmhTimer jmh;
  private final PythonPeer python;
  private final List<String> notices = new ArrayList<>();
  private PythonPeer.Probe probe;

  BenchRunner(BenchSettings settings, Path jmhLog, PrintStream out) {
    this.settings = settings;
    this.out = out;
    this.jmh = new JmhTimer(settings, jmhLog);
    this.python = new PythonPeer(settings);
  }

  /**
   * The suites at each vector width in turn: JMH forks get the width's flags; the Python peers
   * are timed before a suite's first width and again after each width's forks, and compared with
   * numspark over both timings that bracket its forks ({@link PeerDrift}). Wall-clock suites
   * (Spark jobs) and the scaling studies run at the machine's width only.
   */
  Report run(List<BenchSuite> suites, List<VectorWidth> widths) throws Exception {
    List<BenchResult> results = new ArrayList<>();
    for (VectorWidth width : widths) {
      jmh.width(width);
      for (BenchSuite suite : suites) {
        if (width.isNative() || !suite.wallClock()) {
          runSuite(suite, results, width);
        }
      }
    }
    PythonPeer.Probe p = probe == null ? new PythonPeer.Probe(null, null, null) : probe;
    return new Report(MachineInfo.current(p.numpy(), p.scipy()), settings, List.copyOf(notices),
        results);
  }

  private void notice(String text) {
    notices.add(text);
    out.println("numspark: notice: " + text);
  }

  private void runSuite(BenchSuite suite, List<BenchResult> results, VectorWidth width)
      throws Exception {
    String name = suite.name();
    List<BenchCase> cases = CaseCatalog.cases(suite, CaseCatalog.COMPARE, settings.quick());
    List<BenchCase> scaling = width.isNative()
        ? CaseCatalog.cases(suite, CaseCatalog.SCALING, settings.quick()) : List.of();
    out.println("== " + name + (width.isNative() ? "" : " at " + width.label() + " bits") + ": "
        + cases.size() + " case(s)" + (scaling.isEmpty() ? "" : " + " + scaling.size()
        + " scaling"));
    // the previous width's second timing is this width's first
    Map<String, PythonPeer.Outcome> before = pythonTimesBySuite.get(name);
    if (before == null) {
      before = pythonPeers(name, cases, "");
    }
    Map<Supplier<Runnable>, Object> numsparkTimes = new IdentityHashMap<>();
    Map<String, Object> peerTimes = new LinkedHashMap<>();
    if (settings.quick() && settings.forks() > 0 && !suite.wallClock()) {
      // --quick: one fork for the suite's compared cases (each side), and one for the scaling
      // study (one kernel at three sizes and two worker counts)
      shareForks(name, CaseCatalog.COMPARE, cases, numsparkTimes, peerTimes);
      shareForks(name, CaseCatalog.SCALING, scaling, numsparkTimes, peerTimes);
    }
    for (int i = 0; i < cases.size(); i++) {
      timeJavaSides(suite, CaseCatalog.COMPARE, i, cases.get(i), numsparkTimes, peerTimes);
    }
    Map<String, PythonPeer.Outcome> after = before.isEmpty() ? before
        : pythonPeers(name, cases, "again, after numspark's forks");
    pythonTimesBySuite.put(name, after);
    for (int i = 0; i < cases.size(); i++) {
      results.add(runCase(suite, CaseCatalog.COMPARE, i, cases.get(i), before, after,
          numsparkTimes, peerTimes, width));
    }
    for (int i = 0; i < scaling.size(); i++) {
      timeJavaSides(suite, CaseCatalog.SCALING, i, scaling.get(i), numsparkTimes, peerTimes);
      results.add(runCase(suite, CaseCatalog.SCALING, i, scaling.get(i), Map.of(), Map.of(),
          numsparkTimes, peerTimes, width));
    }
  }

  /**
   * Times numspark's action of a case (once per setup: cases that share it, one operation against
   * two peers, are timed once) and its Java peer, unless a shared fork already has; a case timed
   * here (not in a shared fork) is reported as it finishes, the full suite taking minutes.
   */
  private void timeJavaSides(BenchSuite suite, String section, int index, BenchCase c,
      Map<Supplier<Runnable>, Object> numsparkTimes, Map<String, Object> peerTimes) {
    String id = CaseCatalog.id(suite.name(), section, index);
    boolean timedHere = !numsparkTimes.containsKey(c.setup());
    Object ours = numsparkTimes.computeIfAbsent(c.setup(),
        s -> measure(suite, id, JmhTimer.NUMSPARK, s));
    if (c.pythonStmt() == null && c.javaPeer() != null && !peerTimes.containsKey(id)) {
      peerTimes.put(id, measure(suite, id, JmhTimer.PEER, c.javaPeer()));
      timedHere = true;
    }
    if (timedHere) {
      Object theirs = peerTimes.get(id);
      out.println("   " + c.operation() + " " + c.size() + " w" + c.workers() + ": numspark "
          + (ours instanceof Measurement m ? Report.time(m) : "failed")
          + (theirs == null ? "" : ", " + c.peerName() + " "
              + (theirs instanceof Measurement m ? Report.time(m) : "failed")));
    }
  }

  /**
   * Times the cases of {@code section} in one {@link SharedFork} per side, numspark's into
   * {@code numsparkTimes} (by setup: cases sharing one are timed once) and the Java peers' into
   * {@code peerTimes} (by case id). A side with a single case is left to its own fork.
   */
  private void shareForks(String suite, String section, List<BenchCase> cases,
      Map<Supplier<Runnable>, Object> numsparkTimes, Map<String, Object> peerTimes)
      throws IOException, InterruptedException {
    List<Integer> ours = new ArrayList<>();
    List<Integer> theirs = new ArrayList<>();
    Set<Supplier<Runnable>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (int i = 0; i < cases.size(); i++) {
      BenchCase c = cases.get(i);
      if (seen.add(c.setup())) {
        ours.add(i);
      }
      if (c.pythonStmt() == null && c.javaPeer() != null) {
        theirs.add(i);
      }
    }
    Map<String, Object> times = sharedFork(suite, section, ours, JmhTimer.NUMSPARK);
    for (int i : ours) {
      Object t = times.get(CaseCatalog.id(suite, section, i));
      if (t != null) {
        numsparkTimes.put(cases.get(i).setup(), t);
      }
    }
    peerTimes.putAll(sharedFork(suite, section, theirs, JmhTimer.PEER));
  }

  /** {@code side} of the cases {@code members} of a section in one fork, if there are two. */
  private Map<String, Object> sharedFork(String suite, String section, List<Integer> members,
      String side) throws IOException, InterruptedException {
    if (members.size() < 2) {
      return Map.of();
    }
    List<String> ids = members.stream().map(i -> CaseCatalog.id(suite, section, i)).toList();
    return SharedFork.time(jmh, ids, side);
  }

  /** The Python peers' last timing per suite: the first timing of the suite's next width. */
  private final Map<String, Map<String, PythonPeer.Outcome>> pythonTimesBySuite =
      new LinkedHashMap<>();

  /**
   * Times the suite's Python peers, one subprocess per worker count; {@code when} (empty, or e.g.
   * "again, after numspark's forks") goes into the progress line.
   */
  private Map<String, PythonPeer.Outcome> pythonPeers(String suite, List<BenchCase> cases,
      String when) throws Exception {
    Map<Integer, Map<String, BenchCase>> byWorkers = new TreeMap<>();
    for (int i = 0; i < cases.size(); i++) {
      BenchCase c = cases.get(i);
      if (c.pythonStmt() != null) {
        byWorkers.computeIfAbsent(c.workers(), w -> new LinkedHashMap<>())
            .put(CaseCatalog.id(suite, CaseCatalog.COMPARE, i), c);
      }
    }
    Map<String, PythonPeer.Outcome> outcomes = new LinkedHashMap<>();
    if (byWorkers.isEmpty()) {
      return outcomes;
    }
    if (probe == null) {
      probe = python.probe();
      if (!probe.available()) {
        notice(probe.notice());
      }
    }
    if (!probe.available()) {
      return outcomes;
    }
    for (Map.Entry<Integer, Map<String, BenchCase>> e : byWorkers.entrySet()) {
      out.println("   python peers" + (when.isEmpty() ? "" : " " + when) + ", "
          + e.getValue().size() + " statement(s) with " + e.getKey() + " thread(s)...");
      outcomes.putAll(python.time(e.getValue(), e.getKey()));
    }
    return outcomes;
  }

  /** The row of a case timed by {@link #timeJavaSides}, its Python peer over both timings. */
  private BenchResult runCase(BenchSuite suite, String section, int index, BenchCase c,
      Map<String, PythonPeer.Outcome> pythonBefore, Map<String, PythonPeer.Outcome> pythonAfter,
      Map<Supplier<Runnable>, Object> numsparkTimes, Map<String, Object> peerTimes,
      VectorWidth width) {
    String id = CaseCatalog.id(suite.name(), section, index);
    List<String> notes = new ArrayList<>();
    Object ours = numsparkTimes.get(c.setup());
    Measurement numspark = ours instanceof Measurement m ? m : null;
    if (numspark == null) {
      notes.add("numspark failed: " + ours);
    }
    Measurement peer = null;
    String drift = null;
    if (c.pythonStmt() != null) {
      PythonPeer.Outcome first = pythonBefore.get(id);
      PythonPeer.Outcome second = pythonAfter.get(id);
      PythonPeer.Outcome o = PeerDrift.pooled(first, second);
      if (o == null) {
        notes.add(c.peerName() + " skipped");
      } else if (o.error() != null) {
        notes.add(c.peerName() + " failed: " + o.error());
      } else {
        peer = o.measurement();
        drift = PeerDrift.note(c.peerName(), first, second, numspark);
      }
    } else if (c.javaPeer() != null) {
      Object theirs = peerTimes.get(id);
      if (theirs instanceof Measurement m) {
        peer = m;
      } else {
        notes.add(c.peerName() + " failed: " + theirs);
      }
    }
    wideError("numspark", numspark, notes);
    wideError(c.peerName(), peer, notes);
    if (drift != null) {
      notes.add(drift);
    }
    String size = c.size() + width.sizeSuffix();
    BenchResult r = new BenchResult(suite.name(), section, c.operation(), size, c.workers(),
        c.work(), numspark, c.peerName(), peer, notes.isEmpty() ? null : String.join("; ", notes));
    out.println("   " + c.operation() + " " + size + " w" + c.workers() + ": numspark "
        + Report.time(numspark) + (c.peerName() == null ? ""
        : ", " + c.peerName() + " " + Report.time(peer) + ", ratio " + Report.ratio(r.ratio()))
        + (r.note() == null ? "" : " (" + r.note() + ")"));
    return r;
  }

  /**
   * Relative error (the median absolute deviation of the samples, {@link Measurement}) above
   * which a figure does not support a claim: with a ratio of 1.2 and ±15% on each side, the
   * true ratio could well be below 1.
   */
  static final double WIDE_ERROR = 0.15;

  /** Notes a measurement whose error bar is too wide to support a claim. */
  static void wideError(String side, Measurement m, List<String> notes) {
    if (m != null && m.ms() > 0 && Double.isFinite(m.errorMs())
        && m.errorMs() / m.ms() > WIDE_ERROR) {
      notes.add(String.format(java.util.Locale.ROOT,
          "%s error ±%.0f%% too wide to support a claim", side, 100 * m.errorMs() / m.ms()));
    }
  }

  /** A {@link Measurement}, or the failure's message. */
  private Object measure(BenchSuite suite, String id, String side, Supplier<Runnable> action) {
    try {
      return suite.wallClock() ? WallClockTimer.time(action, settings.wallRepeats())
          : jmh.time(id, side);
    } catch (Exception | StackOverflowError | OutOfMemoryError e) {
      return failure(e);
    }
  }

  /** A failed case's note: the exception's message on one line, or its class's name. */
  static String failure(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName()
        : message.replace('\n', ' ');
  }
}
