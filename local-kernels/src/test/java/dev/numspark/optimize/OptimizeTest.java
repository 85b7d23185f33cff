package dev.numspark.optimize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OptimizeTest {

  @Test
  void lbfgsbFindsTheRosenbrockMinimum() {
    OptimizeResult r = Optimize.minimize(TestFunctions::rosen, new double[] {0.5, -1, 2, 0.3},
        Bounds.uniform(4, -5, 5));
    assertTrue(r.success(), r.message());
    assertArrayEquals(new double[] {1, 1, 1, 1}, r.x(), 1e-4);
    assertTrue(r.message().startsWith("CONVERGENCE: "), r.message());
    assertNotNull(r.jac());
    // each gradient costs n + 1 evaluations, as SciPy's 2-point differences
    assertEquals(0, r.nfev() % 5);
  }

  @Test
  void anActiveBoundHoldsTheSolution() {
    // minimum of (x - 3)^2 + (y + 1)^2 on [0, 2] x [0, 2] is (2, 0)
    Objective f = x -> (x[0] - 3) * (x[0] - 3) + (x[1] + 1) * (x[1] + 1);
    OptimizeResult r = Optimize.minimize(f, new double[] {0.5, 0.5}, Bounds.uniform(2, 0, 2));
    assertTrue(r.success(), r.message());
    assertArrayEquals(new double[] {2, 0}, r.x(), 1e-7);
    assertEquals(2.0, r.fun(), 1e-12);
  }

  @Test
  void unboundedAndParallelGiveTheSameResult() {
    OptimizeResult one = Optimize.minimize(TestFunctions::rosen, new double[] {-1.2, 1},
        "L-BFGS-B", null, 1);
    OptimizeResult two = Optimize.minimize(TestFunctions::rosen, new double[] {-1.2, 1},
        "l-bfgs-b", null, 2);
    assertArrayEquals(new double[] {1, 1}, one.x(), 1e-4);
    // Breeze's linear algebra may run on native multithreaded BLAS, so the last bits can vary
    assertArrayEquals(one.x(), two.x(), 1e-9);
  }

  @Test
  void theFacadeRunsDifferentialEvolutionAndBrute() {
    OptimizeResult de = Optimize.differentialEvolution(TestFunctions::sphere,
        Bounds.uniform(2, -3, 3), "rand1bin", null, null, null, 4L, 1);
    assertTrue(de.fun() < 1e-10);
    OptimizeResult brute = Optimize.brute(TestFunctions::sphere,
        List.of(Brute.Range.of(-1, 1), Brute.Range.of(-1, 1)), 21, Brute.Finish.NONE, null);
    assertArrayEquals(new double[] {0, 0}, brute.x(), 1e-15);
  }

  @Test
  void unsupportedMethodsAndBadInputAreErrors() {
    assertThrows(OptimizeArgumentException.class, () -> Optimize.minimize(TestFunctions::sphere,
        new double[] {1}, "Nelder-Mead", null, 1));
    assertThrows(InvalidBoundsException.class, () -> Optimize.minimize(TestFunctions::sphere,
        new double[] {1, 2}, "L-BFGS-B", Bounds.uniform(3, 0, 1), 1));
    assertThrows(ObjectiveException.class, () -> Optimize.minimize(x -> Double.NaN,
        new double[] {1}, null));
  }
}
