package dev.numspark.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TestFunctionsTest {

  private static double[] filled(int n, double v) {
    double[] a = new double[n];
    Arrays.fill(a, v);
    return a;
  }

  @Test
  void eachFunctionTakesItsMinimumAtTheKnownPoint() {
    for (int n : new int[] {2, 5, 10}) {
      assertEquals(0, TestFunctions.rosen(filled(n, 1)), 0);
      assertEquals(0, TestFunctions.sphere(filled(n, 0)), 0);
      assertEquals(0, TestFunctions.rastrigin(filled(n, 0)), 0);
      assertEquals(0, TestFunctions.ackley(filled(n, 0)), 1e-15);
      assertEquals(0, TestFunctions.griewank(filled(n, 0)), 0);
      assertEquals(0, TestFunctions.levy(filled(n, 1)), 1e-30);
      assertEquals(TestFunctions.minimum("styblinski_tang", n),
          TestFunctions.styblinskiTang(filled(n, -2.903534018185960)), 1e-12 * n);
      assertEquals(0, TestFunctions.minimum("schwefel", n), 1e-9 * n);
    }
  }

  @Test
  void rosenbrockValueAndGradientMatchScipysFormula() {
    double[] x = {0.5, -1.0, 2.0};
    // rosen: 100(-1 - 0.25)^2 + 0.25 + 100(2 - 1)^2 + 4
    assertEquals(100 * 1.5625 + 0.25 + 100 + 4, TestFunctions.rosen(x), 1e-12);
    double[] d = TestFunctions.rosenDer(x);
    for (int i = 0; i < x.length; i++) {
      double h = 1e-6;
      double[] xp = x.clone();
      double[] xm = x.clone();
      xp[i] += h;
      xm[i] -= h;
      double fd = (TestFunctions.rosen(xp) - TestFunctions.rosen(xm)) / (2 * h);
      assertEquals(fd, d[i], 1e-5 * Math.max(1, Math.abs(fd)));
    }
  }

  @Test
  void namesAreScipys() {
    for (String name : TestFunctions.NAMES) {
      double[] x = filled(3, 0.25);
      assertTrue(Double.isFinite(TestFunctions.named(name).applyAsDouble(x)));
      assertEquals(3, TestFunctions.bounds(name, 3).size());
    }
    assertThrows(OptimizeArgumentException.class, () -> TestFunctions.named("himmelblau"));
  }
}
