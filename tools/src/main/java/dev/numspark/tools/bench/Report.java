package dev.numspark.tools.bench;

import dev.numspark.io.JsonText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The results of one {@code bin/numspark bench} run and their three renderings: the console
 * table, {@code bench-report.json} and {@code bench-report.md} (the README's performance section).
 */
public record Report(MachineInfo machine, BenchSettings settings, List<String> notices,
    List<BenchResult> results) {

  List<BenchResult> compared() {
    return results.stream().filter(r -> r.section().equals(CaseCatalog.COMPARE)).toList();
  }

  List<BenchResult> scaling() {
    return results.stream().filter(r -> r.section().equals(CaseCatalog.SCALING)).toList();
  }

  /** {@code 12.3 ms}, {@code 456 µs}, {@code 1.23 s}: three significant digits. */
  static String time(double ms) {
    if (!Double.isFinite(ms)) {
      return "-";
    }
    if (ms < 1) {
      return sig(ms * 1000) + " µs";
    }
    if (ms < 1000) {
      return sig(ms) + " ms";
    }
    return sig(ms / 1000) + " s";
  }

  /** A time with its error, e.g. {@code 12.3 ms ±2%}. */
  static String time(Measurement m) {
    if (m == null) {
      return "-";
    }
    String err = Double.isFinite(m.errorMs()) && m.ms() > 0
        ? String.format(Locale.ROOT, " ±%.0f%%", 100 * m.errorMs() / m.ms()) : "";
    return time(m.ms()) + err;
  }

  static String ratio(double r) {
    return Double.isFinite(r) ? String.format(Locale.ROOT, "%.2fx", r) : "-";
  }

  /** {@code 1.23e9/s}-style throughput. */
  static String rate(double perSecond) {
    return Double.isFinite(perSecond) ? String.format(Locale.ROOT, "%.3g/s", perSecond) : "-";
  }

  private static String sig(double v) {
    if (v >= 100) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    return v >= 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
  }

  /** Throughput relative to the same operation and size at workers 1. */
  double speedup(BenchResult r) {
    for (BenchResult base : results) {
      if (base.section().equals(r.section()) && base.suite().equals(r.suite())
          && base.operation().equals(r.operation()) && base.size().equals(r.size())
          && base.workers() == 1 && base.numspark() != null && r.numspark() != null) {
        return base.numspark().ms() / r.numspark().ms();
      }
    }
    return Double.NaN;
  }

  private List<String[]> compareRows() {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"suite", "operation", "size", "workers", "numspark", "peer",
        "peer time", "ratio", "note"});
    for (BenchResult r : compared()) {
      rows.add(new String[] {r.suite(), r.operation(), r.size(), String.valueOf(r.workers()),
          time(r.numspark()), r.peerName() == null ? "-" : r.peerName(), time(r.peer()),
          ratio(r.ratio()), r.note() == null ? "" : r.note()});
    }
    return rows;
  }

  private List<String[]> scalingRows() {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"suite", "operation", "size", "workers", "numspark", "throughput",
        "vs workers=1", "note"});
    for (BenchResult r : scaling()) {
      rows.add(new String[] {r.suite(), r.operation(), r.size(), String.valueOf(r.workers()),
          time(r.numspark()), rate(r.throughput()), ratio(speedup(r)),
          r.note() == null ? "" : r.note()});
    }
    return rows;
  }

  /** The console table (compared cases, then the scaling study). */
  public String table() {
    StringBuilder out = new StringBuilder();
    out.append(plain(compareRows()));
    if (!scaling().isEmpty()) {
      out.append("\nscaling (throughput = work per second: flops, samples or evaluations)\n");
      out.append(plain(scalingRows()));
    }
    return out.toString();
  }

  private static String plain(List<String[]> rows) {
    int[] width = widths(rows);
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < row.length; c++) {
        line.append(String.format("%-" + width[c] + "s", row[c]));
        if (c + 1 < row.length) {
          line.append("  ");
        }
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }

  private static int[] widths(List<String[]> rows) {
    int[] width = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int c = 0; c < row.length; c++) {
        width[c] = Math.max(width[c], row[c].length());
      }
    }
    return width;
  }

  /** {@code bench-report.md}: machine, then the tables as GitHub markdown. */
  public String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("Measured with `bin/numspark bench").append(settings.quick() ? " --quick" : "")
        .append("` on ").append(machine.date()).append(".\n\n");
    md.append("| machine | |\n|---|---|\n");
    md.append("| cores | ").append(machine.cores()).append(" |\n");
    md.append("| CPU | ").append(cell(machine.cpu())).append(" |\n");
    md.append("| Java | ").append(cell(machine.java())).append(" |\n");
    md.append("| OS | ").append(cell(machine.os())).append(" |\n");
    md.append("| BLAS | ").append(cell(machine.blas())).append(" |\n");
    md.append("| numpy / scipy | ").append(machine.numpy() == null ? "not available"
        : machine.numpy() + " / " + machine.scipy()).append(" |\n\n");
    md.append("Times per call: median ± median absolute deviation (of the JMH iterations for the "
        + "kernels, of the repeats for Python and Spark); a note marks an error bar too wide to "
        + "support a claim. Ratio = peer time / numspark time (above 1: numspark is faster).\n\n");
    md.append(markdownTable(compareRows()));
    if (!scaling().isEmpty()) {
      md.append("\nScaling: throughput (flops, samples or evaluations per second) by batch size "
          + "and workers.\n\n");
      md.append(markdownTable(scalingRows()));
    }
    for (String notice : notices) {
      md.append("\n> ").append(notice).append('\n');
    }
    return md.toString();
  }

  private static String markdownTable(List<String[]> rows) {
    StringBuilder md = new StringBuilder();
    for (int i = 0; i < rows.size(); i++) {
      String[] row = rows.get(i);
      md.append('|');
      for (String cell : row) {
        md.append(' ').append(cell(cell)).append(" |");
      }
      md.append('\n');
      if (i == 0) {
        md.append('|').append("---|".repeat(row.length)).append('\n');
      }
    }
    return md.toString();
  }

  private static String cell(String text) {
    return text == null ? "" : text.replace("|", "\\|");
  }

  /** {@code bench-report.json}. */
  public String json() {
    StringBuilder j = new StringBuilder("{\n");
    j.append("  \"machine\": {")
        .append("\"date\": ").append(JsonText.quote(machine.date()))
        .append(", \"cores\": ").append(machine.cores())
        .append(", \"cpu\": ").append(JsonText.quote(machine.cpu()))
        .append(", \"java\": ").append(JsonText.quote(machine.java()))
        .append(", \"os\": ").append(JsonText.quote(machine.os()))
        .append(", \"blas\": ").append(JsonText.quote(machine.blas()))
        .append(", \"numpy\": ").append(JsonText.quote(machine.numpy()))
        .append(", \"scipy\": ").append(JsonText.quote(machine.scipy())).append("},\n");
    j.append("  \"settings\": {\"quick\": ").append(settings.quick())
        .append(", \"jmh_warmup_iterations\": ").append(settings.warmupIterations())
        .append(", \"jmh_warmup_ms\": ").append(settings.warmupMs())
        .append(", \"jmh_iterations\": ").append(settings.iterations())
        .append(", \"jmh_iteration_ms\": ").append(settings.iterationMs())
        .append(", \"jmh_forks\": ").append(settings.forks())
        .append(", \"python_repeats\": ").append(settings.repeats())
        .append(", \"wall_repeats\": ").append(settings.wallRepeats())
        .append(", \"python\": ").append(JsonText.quote(settings.python())).append("},\n");
    j.append("  \"notices\": [");
    for (int i = 0; i < notices.size(); i++) {
      j.append(i == 0 ? "" : ", ").append(JsonText.quote(notices.get(i)));
    }
    j.append("],\n  \"results\": [\n");
    for (int i = 0; i < results.size(); i++) {
      BenchResult r = results.get(i);
      j.append("    {\"suite\": ").append(JsonText.quote(r.suite()))
          .append(", \"section\": ").append(JsonText.quote(r.section()))
          .append(", \"operation\": ").append(JsonText.quote(r.operation()))
          .append(", \"size\": ").append(JsonText.quote(r.size()))
          .append(", \"workers\": ").append(r.workers())
          .append(", \"work\": ").append(JsonText.number(r.work()))
          .append(", \"numspark\": ").append(json(r.numspark()))
          .append(", \"peer_name\": ").append(JsonText.quote(r.peerName()))
          .append(", \"peer\": ").append(json(r.peer()))
          .append(", \"ratio\": ").append(JsonText.number(r.ratio()))
          .append(", \"throughput_per_s\": ").append(JsonText.number(r.throughput()))
          .append(", \"note\": ").append(JsonText.quote(r.note())).append('}')
          .append(i + 1 < results.size() ? ",\n" : "\n");
    }
    return j.append("  ]\n}\n").toString();
  }

  private static String json(Measurement m) {
    if (m == null) {
      return "null";
    }
    return "{\"ms\": " + JsonText.number(m.ms()) + ", \"error_ms\": "
        + JsonText.number(m.errorMs()) + ", \"samples\": " + m.samples() + ", \"method\": "
        + JsonText.quote(m.method()) + "}";
  }
}
