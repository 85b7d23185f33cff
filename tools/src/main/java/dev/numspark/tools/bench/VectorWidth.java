package dev.numspark.tools.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A vector width the JMH forks run at ({@code bin/numspark bench --widths}): the machine's own,
 * or a narrower one forced by JVM flags, so that one machine with AVX-512 also shows what an
 * AVX2-only x86 ({@code 256}: {@code -XX:UseAVX=2}) and ARM NEON's width ({@code 128}:
 * {@code -XX:MaxVectorSize=16}) get from the FFT engine. The Python peers do not change with it.
 *
 * @param label {@code native}, {@code 256} or {@code 128}
 * @param flags the fork's extra JVM flags
 */
record VectorWidth(String label, List<String> flags) {
  static final VectorWidth NATIVE = new VectorWidth("native", List.of());

  boolean isNative() {
    return flags.isEmpty();
  }

  /** The suffix of a case's size in the report: empty at the machine's width. */
  String sizeSuffix() {
    return isNative() ? "" : " @" + label + "-bit";
  }

  /** {@code native,256,128} (any order, no repeats) as widths; an unknown one is an error. */
  static List<VectorWidth> parse(String list) {
    List<VectorWidth> widths = new ArrayList<>();
    for (String part : list.split(",")) {
      String p = part.trim().toLowerCase(Locale.ROOT);
      if (p.isEmpty()) {
        continue;
      }
      VectorWidth w = switch (p) {
        case "native" -> NATIVE;
        // IgnoreUnrecognizedVMOptions: UseAVX exists on x86 only (elsewhere MaxVectorSize caps)
        case "256" -> new VectorWidth("256", List.of("-XX:+IgnoreUnrecognizedVMOptions",
            "-XX:UseAVX=2", "-XX:MaxVectorSize=32"));
        case "128" -> new VectorWidth("128", List.of("-XX:MaxVectorSize=16"));
        default -> throw new dev.numspark.examples.options.OptionException(
            "option --widths takes native, 256 and 128, got '" + part.trim() + "'");
      };
      if (!widths.contains(w)) {
        widths.add(w);
      }
    }
    if (widths.isEmpty()) {
      throw new dev.numspark.examples.options.OptionException(
          "option --widths needs at least one width");
    }
    return widths;
  }
}
