package dev.numspark.tools.bench;

/**
 * One row of the report: a case, numspark's time and its peer's.
 *
 * @param suite the suite name, e.g. {@code fft}
 * @param section {@code compare} (a case with a peer) or {@code scaling}
 * @param operation e.g. {@code rfft}
 * @param size as the case states it
 * @param workers the workers/threads of numspark and the peer
 * @param work the case's work per call (0 if unknown)
 * @param numspark numspark's time, or null when it failed
 * @param peerName the peer, e.g. {@code scipy}, or null
 * @param peer the peer's time, or null (no peer, skipped or failed)
 * @param note why something is missing, or null
 */
public record BenchResult(
    String suite,
    String section,
    String operation,
    String size,
    int workers,
    double work,
    Measurement numspark,
    String peerName,
    Measurement peer,
    String note) {

  /** Peer time / numspark time: above 1 numspark is faster. NaN when either is missing. */
  public double ratio() {
    if (numspark == null || peer == null || !(numspark.ms() > 0)) {
      return Double.NaN;
    }
    return peer.ms() / numspark.ms();
  }

  /** Work per second of numspark's action (NaN without work or time). */
  public double throughput() {
    if (numspark == null || !(work > 0) || !(numspark.ms() > 0)) {
      return Double.NaN;
    }
    return work / (numspark.ms() / 1000.0);
  }

  /** {@code rfft 512x4096 w2 vs scipy}: the row's label in the chart. */
  public String label() {
    return suite + " " + operation + " " + size + " w" + workers
        + (peerName == null ? "" : " vs " + peerName);
  }
}
