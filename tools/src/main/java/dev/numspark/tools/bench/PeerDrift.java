package dev.numspark.tools.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * A Python peer timed before and after numspark's forks of a suite, so that a comparison says
 * when the machine's speed moved in between. On a shared VM it does: SciPy's time for one case
 * moved by 25% within an hour (2026-12-06), and a case's numspark fork and its SciPy timing are
 * a minute or more apart. Each side's error bar is measured within a minute or so and cannot
 * show that; the two SciPy timings that bracket numspark's can.
 *
 * <p>The peer's figure is then the median of both timings' samples (its error bar widens with the
 * drift, so {@link BenchRunner#WIDE_ERROR} flags a large one), and a drift above {@link #DRIFT}
 * gets a note with the ratio against each timing.
 */
final class PeerDrift {
  /**
   * A change of the peer's median between its two timings above which the note names it: the
   * ratio could then be off by half of it either way, about what a single error bar of
   * {@link BenchRunner#WIDE_ERROR} allows.
   */
  static final double DRIFT = 0.10;

  private PeerDrift() {}

  /**
   * The peer's outcome over both timings: their samples pooled; the failure of either if one
   * failed (a peer that fails once is not compared).
   */
  static PythonPeer.Outcome pooled(PythonPeer.Outcome before, PythonPeer.Outcome after) {
    if (before == null || after == null) {
      return before == null ? after : before;
    }
    if (before.error() != null || after.error() != null) {
      return before.error() != null ? before : after;
    }
    double[] a = before.samplesMs();
    double[] b = after.samplesMs();
    double[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return PythonPeer.Outcome.of(both);
  }

  /**
   * The note for a peer whose median moved by more than {@link #DRIFT} between {@code before} and
   * {@code after} numspark's forks, with the ratio (peer / numspark) against each; null when it
   * did not move that much, or a side is missing.
   */
  static String note(String peerName, PythonPeer.Outcome before, PythonPeer.Outcome after,
      Measurement numspark) {
    if (before == null || after == null || before.error() != null || after.error() != null
        || before == after) {
      return null;
    }
    double first = before.measurement().ms();
    double second = after.measurement().ms();
    if (!(first > 0) || Math.abs(second / first - 1) <= DRIFT) {
      return null;
    }
    String ratios = numspark == null || !(numspark.ms() > 0) ? ""
        : String.format(Locale.ROOT, ": ratio %s to %s", Report.ratio(first / numspark.ms()),
            Report.ratio(second / numspark.ms()));
    return String.format(Locale.ROOT, "%s moved %+.0f%% across numspark's forks (%s before, %s "
        + "after)%s", peerName, 100 * (second / first - 1), Report.time(first),
        Report.time(second), ratios);
  }
}
