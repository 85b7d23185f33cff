package dev.numspark.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads the rows of a Spark JSON output directory (its part files) without Spark. */
public final class JsonLines {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonLines() {}

  public static List<JsonNode> read(Path dir) throws IOException {
    List<JsonNode> rows = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.getFileName().toString().startsWith("part-")).sorted()
          .toList()) {
        Files.readAllLines(f).stream().filter(l -> !l.isBlank()).forEach(l -> {
          try {
            rows.add(MAPPER.readTree(l));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      }
    }
    return rows;
  }

  public static double[] doubles(JsonNode array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asDouble();
    }
    return out;
  }
}
