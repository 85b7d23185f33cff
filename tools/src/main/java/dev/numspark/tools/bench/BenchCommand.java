package dev.numspark.tools.bench;

import dev.numspark.examples.options.Args;
import dev.numspark.examples.options.OptionException;
import dev.numspark.tools.cli.Subcommand;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code bin/numspark bench [--quick] [--suite fft,signal,linalg,optimize,spark] [--output DIR]}:
 * runs the registered {@link BenchSuite}s side by side with their peers, prints a table and
 * writes {@code bench-report.json}, {@code bench-report.md}, {@code bench-report.png} and JMH's
 * log {@code bench-jmh.log} into the output directory. See docs/bench.md.
 */
public final class BenchCommand implements Subcommand {
  /** The order suites run in when {@code --suite} is absent; others follow by name. */
  static final List<String> ORDER = List.of("fft", "signal", "linalg", "optimize", "spark");

  @Override
  public String name() {
    return "bench";
  }

  @Override
  public String summary() {
    return "numspark vs SciPy, JTransforms and plain Spark: table, JSON, markdown and chart";
  }

  @Override
  public int run(List<String> argv, PrintStream out) throws Exception {
    if (argv.contains("--help")) {
      out.println("usage: bin/numspark bench [--quick] [--suite fft,signal,linalg,optimize,spark]"
          + " [--output DIR] [--python PATH] [--forks N] [--widths native,256,128]");
      out.println("  --quick    smaller sizes, fewer iterations, shared forks (under 3 minutes on 2 cores)");
      out.println("  --suite    comma-separated suites (default: all; available: "
          + String.join(", ", names(available())) + ")");
      out.println("  --output   directory for bench-report.{json,md,png} (default: .)");
      out.println("  --python   Python with numpy and scipy for the peers (default: $NUMSPARK_PYTHON"
          + " or python3)");
      out.println("  --forks    JMH forks (default 1; 0 measures in this JVM, for debugging only)");
      out.println("  --widths   vector widths the JMH forks run at: native (default), 256"
          + " (-XX:UseAVX=2, an AVX2-only x86), 128 (-XX:MaxVectorSize=16, ARM NEON's width)");
      return 0;
    }
    Args args = Args.parse(argv, Set.of("quick"));
    boolean quick = args.bool("quick", false);
    String suiteList = args.string("suite", null);
    Path output = Path.of(args.string("output", "."));
    String envPython = System.getenv("NUMSPARK_PYTHON");
    String python = args.string("python",
        envPython == null || envPython.isBlank() ? "python3" : envPython);
    Integer forks = args.integer("forks", null);
    List<VectorWidth> widths = VectorWidth.parse(args.string("widths", "native"));
    if (!args.positionals().isEmpty()) {
      throw new OptionException("unexpected argument '" + args.positionals().get(0) + "'");
    }
    args.finish();
    if (forks != null && forks < 0) {
      throw new OptionException("option --forks must be 0 or more, got " + forks);
    }
    List<BenchSuite> suites = select(available(), suiteList);
    prepareOutput(output);

    BenchSettings settings = BenchSettings.defaults(quick, python);
    if (forks != null) {
      settings = settings.withForks(forks);
    }
    Path jmhLog = output.resolve("bench-jmh.log");
    Files.deleteIfExists(jmhLog);
    if (suites.stream().anyMatch(s -> s.name().equals("spark"))
        && System.getenv("OPENBLAS_NUM_THREADS") != null) {
      out.println("numspark: notice: OPENBLAS_NUM_THREADS=" + System.getenv("OPENBLAS_NUM_THREADS")
          + " is set: the oversubscription study's 'no plugin' side is not OpenBLAS's default");
    }
    Report report = new BenchRunner(settings, jmhLog, out).run(suites, widths);

    out.println();
    out.print(report.table());
    write(output.resolve("bench-report.json"), report.json());
    write(output.resolve("bench-report.md"), report.markdown());
    RatioChart.write(report.compared(), "numspark bench" + (quick ? " --quick" : "") + ", "
        + report.machine().date() + ", " + report.machine().cores() + " cores, "
        + report.machine().cpu(), output.resolve("bench-report.png"));
    out.println();
    out.println("wrote " + output.resolve("bench-report.json") + ", bench-report.md, "
        + "bench-report.png (JMH log: bench-jmh.log)");
    long failed = report.results().stream()
        .filter(r -> r.note() != null && r.note().contains("failed")).count();
    if (failed > 0) {
      out.println("numspark: bench: " + failed + " case(s) failed; see the notes above and "
          + jmhLog);
      return 1;
    }
    return 0;
  }

  static List<BenchSuite> available() {
    List<BenchSuite> suites = new ArrayList<>(CaseCatalog.suites());
    suites.sort(Comparator.comparingInt((BenchSuite s) -> {
      int i = ORDER.indexOf(s.name());
      return i < 0 ? ORDER.size() : i;
    }).thenComparing(BenchSuite::name));
    return suites;
  }

  private static List<String> names(List<BenchSuite> suites) {
    return suites.stream().map(BenchSuite::name).toList();
  }

  /** The suites named in {@code --suite}, in that order; all when absent. */
  static List<BenchSuite> select(List<BenchSuite> available, String list) {
    if (list == null) {
      return available;
    }
    Set<String> wanted = new LinkedHashSet<>();
    for (String part : list.split(",")) {
      if (!part.isBlank()) {
        wanted.add(part.trim());
      }
    }
    if (wanted.isEmpty()) {
      throw new OptionException("option --suite needs at least one suite name");
    }
    List<BenchSuite> chosen = new ArrayList<>();
    for (String name : wanted) {
      BenchSuite suite = available.stream().filter(s -> s.name().equals(name)).findFirst()
          .orElseThrow(() -> new OptionException("unknown suite '" + name + "' (available: "
              + String.join(", ", names(available)) + ")"));
      chosen.add(suite);
    }
    return chosen;
  }

  private static void prepareOutput(Path output) throws java.io.IOException {
    if (Files.exists(output) && !Files.isDirectory(output)) {
      throw new OptionException("--output " + output + " is not a directory");
    }
    Files.createDirectories(output);
    if (!Files.isWritable(output)) {
      throw new OptionException("--output " + output + " is not writable");
    }
  }

  /** Writes a file whole or not at all. */
  private static void write(Path file, String text) throws java.io.IOException {
    Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".bench-report", ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
