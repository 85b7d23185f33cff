package dev.numspark.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.numspark.optimize.OptimizeResult;
import dev.numspark.spark.SparkMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lstsq and optimize jobs and the atomic output on one local[2] session. */
class LocalJobsTest {
  static SparkSession spark;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    SparkSession.getActiveSession().foreach(s -> {
      s.stop();
      return null;
    });
    spark = Sessions.embedded("local[2]", "LocalJobsTest");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void lstsqRecoversEachSensorsCalibration() {
    LstsqJob.Fleet fleet = new LstsqJob.Fleet(300, 60, 2, 0.01, 3);
    List<GroupFit> fits = LstsqJob.fit(LstsqJob.readings(spark, fleet, 4), fleet).collectAsList();
    assertEquals(300, fits.size());
    for (GroupFit f : fits) {
      assertEquals(60, f.getSamples());
      assertEquals(3, f.getRank());
      // residual RMS estimates sigma * sqrt((m - n) / m); 60 samples keep it within 30%
      assertEquals(0.01 * Math.sqrt(57.0 / 60), f.getRmsResidual(), 0.003);
      // with x in [0, 10] and sigma 0.01 the coefficients' standard errors are below 0.01
      assertArrayEquals(fleet.truth(f.getSensor()), f.getFitted(), 0.05);
    }
  }

  @Test
  void lstsqFitEqualsTheNoiseFreeCurveExactly() {
    LstsqJob.Fleet fleet = new LstsqJob.Fleet(5, 20, 3, 0.0, 11);
    for (GroupFit f : LstsqJob.fit(LstsqJob.readings(spark, fleet, 2), fleet).collectAsList()) {
      assertArrayEquals(fleet.truth(f.getSensor()), f.getFitted(), 1e-9);
    }
  }

  @Test
  void sparkMapperGivesTheSameOptimumAsOneWorker() {
    OptimizeJob.Settings s = new OptimizeJob.Settings("rastrigin", 3, 0.5, 5, 4, 9, 0, 0, 50, 0);
    OptimizeResult one = OptimizeJob.solver(s).workers(1).run();
    OptimizeResult spread = OptimizeJob.solver(s).workers(new SparkMapper(spark)).run();
    assertArrayEquals(one.x(), spread.x(), 0.0);
    assertEquals(one.fun(), spread.fun(), 0.0);
    assertEquals(one.nfev(), spread.nfev());
  }

  @Test
  void perGroupFitsRecoverEachResponse() {
    OptimizeJob.Responses fleet = new OptimizeJob.Responses(4, 150, 0.05, 5);
    List<GroupFit> fits = OptimizeJob.fitGroups(spark, fleet).collectAsList();
    assertEquals(4, fits.size());
    for (GroupFit f : fits) {
      assertTrue(OptimizeJob.recovered(f), () -> java.util.Arrays.toString(f.getFitted())
          + " vs " + java.util.Arrays.toString(f.getTruth()));
    }
  }

  @Test
  void optimizeReportsSpeedUpAndSameResult() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    OptimizeJob.run(spark, new OptimizeJob.Settings("sphere", 2, 1, 5, 3, 1, 2, 2, 100, 0.05),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("same result: yes"), out);
    assertTrue(out.contains("speed-up"), out);
    assertTrue(out.contains("2/2 recovered"), out);
  }

  @Test
  void aFailedWriteLeavesNothingBehind() throws Exception {
    Path target = dir.resolve("out");
    var failing = spark.range(0, 20, 1, 2).map((MapFunction<Long, Long>) i -> {
      if (i == 17) {
        throw new IllegalStateException("boom");
      }
      return i;
    }, Encoders.LONG()).toDF();
    assertThrows(Exception.class, () -> AtomicOutput.write(failing, target.toString(), "json",
        false));
    assertFalse(Files.exists(target));
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(List.of(), left.toList(), "no staging directory left");
    }
    AtomicOutput.write(spark.range(5).toDF(), target.toString(), "json", false);
    assertEquals(5, JsonLines.read(target).size());
  }
}
