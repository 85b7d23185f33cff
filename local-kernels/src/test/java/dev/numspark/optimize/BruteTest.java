package dev.numspark.optimize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BruteTest {

  /** The function of scipy_nfev.py's brute_golden(). */
  static double f(double[] z) {
    double x = z[0];
    double y = z[1];
    return (x - 0.3) * (x - 0.3) + (y + 0.2) * (y + 0.2) + 0.5 * x * y + Math.sin(3 * x);
  }

  private static String[] golden(String label) throws IOException {
    try (InputStream in = BruteTest.class.getResourceAsStream("/golden/optimize/brute.csv")) {
      assertNotNull(in);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(l -> l.startsWith(label + ",")).findFirst().orElseThrow().split(",");
    }
  }

  @Test
  void tupleRangesMatchScipysGridMinimum() throws IOException {
    String[] g = golden("tuple");
    OptimizeResult r = Brute.minimize(BruteTest::f, List.of(Brute.Range.of(-1, 1),
        Brute.Range.of(-2, 2)), Integer.parseInt(g[1]), Brute.Finish.NONE, 1);
    assertEquals(Double.parseDouble(g[2]), r.x()[0], 1e-15);
    assertEquals(Double.parseDouble(g[3]), r.x()[1], 1e-15);
    assertEquals(Double.parseDouble(g[4]), r.fun(), 1e-14);
    assertEquals(Integer.parseInt(g[5]), r.populationEnergies().length);
    assertEquals(r.nfev(), r.populationEnergies().length);
  }

  @Test
  void sliceRangesMatchScipysGridMinimum() throws IOException {
    String[] g = golden("slice");
    OptimizeResult r = Brute.minimize(BruteTest::f, List.of(Brute.Range.slice(-4, 4, 0.25),
        Brute.Range.slice(-4, 4, 0.25)), 20, Brute.Finish.NONE, 2);
    assertEquals(Double.parseDouble(g[2]), r.x()[0], 1e-15);
    assertEquals(Double.parseDouble(g[3]), r.x()[1], 1e-15);
    assertEquals(Double.parseDouble(g[4]), r.fun(), 1e-14);
    assertEquals(Integer.parseInt(g[5]), r.population().length);
  }

  @Test
  void workersDoNotChangeTheGrid() {
    List<Brute.Range> ranges = List.of(Brute.Range.of(-5.12, 5.12), Brute.Range.of(-5.12, 5.12));
    OptimizeResult one = Brute.minimize(TestFunctions::rastrigin, ranges, 41, Brute.Finish.NONE,
        1);
    OptimizeResult two = Brute.minimize(TestFunctions::rastrigin, ranges, 41, Brute.Finish.NONE,
        2);
    assertArrayEquals(one.populationEnergies(), two.populationEnergies(), 0.0);
    assertArrayEquals(one.x(), two.x(), 0.0);
  }

  @Test
  void finishPolishesTheBestGridPoint() {
    List<Brute.Range> ranges = List.of(Brute.Range.of(-2, 2), Brute.Range.of(-2, 2));
    OptimizeResult grid = Brute.minimize(TestFunctions::rosen, ranges, 9, Brute.Finish.NONE, 1);
    OptimizeResult polished = Brute.minimize(TestFunctions::rosen, ranges, 9,
        Brute.Finish.LBFGSB, 1);
    assertTrue(polished.fun() <= grid.fun());
    assertArrayEquals(new double[] {1, 1}, polished.x(), 1e-4);
    assertTrue(polished.nfev() > grid.nfev());
  }

  @Test
  void badRangesAreRejected() {
    assertThrows(OptimizeArgumentException.class, () -> Brute.Range.slice(0, 1, 0));
    assertThrows(InvalidBoundsException.class, () -> Brute.minimize(TestFunctions::sphere,
        List.of(Brute.Range.of(0, Double.POSITIVE_INFINITY)), 5, Brute.Finish.NONE, 1));
    assertThrows(OptimizeArgumentException.class, () -> Brute.minimize(TestFunctions::sphere,
        List.of(Brute.Range.of(0, 1)), 0, Brute.Finish.NONE, 1));
  }
}
