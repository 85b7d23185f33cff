package dev.numspark.tools.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.numspark.tools.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The published POM and metadata of {@code bin/numspark dist}; the whole command (a Maven build
 * per line, then spark-submit with --packages from the repository) runs in .ci/dist-check.
 */
class RepositoryTest {
  private static final String REDUCED = """
      <project>
        <parent>
          <artifactId>numspark-parent</artifactId>
        </parent>
        <artifactId>numspark-spark</artifactId>
        <dependencies>
          <dependency>
            <groupId>org.apache.spark</groupId>
            <artifactId>spark-sql_2.12</artifactId>
            <version>3.5.0</version>
            <scope>provided</scope>
          </dependency>
        </dependencies>
      </project>
      """;

  @Test
  void thePomHasTheLinesCoordinatesNoParentAndTheProvidedDependencies() {
    String pom = Repository.pom("3.5_2.12", "numspark-spark-3.5_2.12", "0.2.0", REDUCED);
    assertTrue(pom.contains("<artifactId>numspark-spark-3.5_2.12</artifactId>"), pom);
    assertTrue(pom.contains("<version>0.2.0</version>"), pom);
    assertTrue(pom.contains("<name>numspark for Spark 3.5 (Scala 2.12)</name>"), pom);
    assertTrue(pom.contains("<artifactId>spark-sql_2.12</artifactId>")
        && pom.contains("<scope>provided</scope>"), pom);
    assertTrue(pom.contains("<name>Apache License, Version 2.0</name>"), pom);
    assertFalse(pom.contains("<parent>"), "a resolver must need nothing else: " + pom);
  }

  @Test
  void metadataListsTheVersionAsLatestAndRelease() {
    String m = Repository.metadata("numspark-spark-4.0_2.13", "0.2.0");
    assertTrue(m.contains("<latest>0.2.0</latest>") && m.contains("<release>0.2.0</release>"), m);
    assertTrue(m.contains("<artifactId>numspark-spark-4.0_2.13</artifactId>"), m);
  }

  @Test
  void anUnknownLineIsOneErrorBeforeAnyBuild() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(List.of("dist", "/tmp/numspark-dist-never", "--lines", "3.4_2.12"),
        new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, code);
    assertEquals("numspark: error: unknown Spark line '3.4_2.12' (lines: 3.5_2.12, 3.5_2.13, "
        + "4.0_2.13, 4.1_2.13, 4.2_2.13)\n", err.toString(StandardCharsets.UTF_8));
  }
}
