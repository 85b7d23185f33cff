package dev.numspark.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LeastSquaresTest {

  @Test
  void exactLineThroughThreePoints() {
    // y = 1 + 2x at x = 0, 1, 2: zero residual, full rank
    double[] a = {1, 0, 1, 1, 1, 2};
    LeastSquares.Fit fit = LeastSquares.solve(a, 3, 2, new double[] {1, 3, 5});
    assertArrayEquals(new double[] {1, 2}, fit.x(), 1e-12);
    assertEquals(2, fit.rank());
    assertEquals(0, fit.residualSumOfSquares(), 1e-24);
  }

  @Test
  void overdeterminedFitSolvesTheNormalEquations() {
    // points (0, 0), (1, 1), (2, 1), (3, 3): the normal equations [[4, 6], [6, 14]] c = [5, 12]
    // give c = (-0.1, 0.9); residuals 0.1, 0.2, -0.7, 0.4 -> sum of squares 0.7
    double[] a = {1, 0, 1, 1, 1, 2, 1, 3};
    LeastSquares.Fit fit = LeastSquares.solve(a, 4, 2, new double[] {0, 1, 1, 3});
    assertArrayEquals(new double[] {-0.1, 0.9}, fit.x(), 1e-12);
    assertEquals(0.7, fit.residualSumOfSquares(), 1e-12);
  }

  @Test
  void rankDeficientColumnsGiveTheMinimumNormSolution() {
    // two equal columns: x1 + x2 = 2 everywhere; the minimum-norm answer splits it evenly
    double[] a = {1, 1, 1, 1, 1, 1};
    LeastSquares.Fit fit = LeastSquares.solve(a, 3, 2, new double[] {2, 2, 2});
    assertEquals(1, fit.rank());
    assertArrayEquals(new double[] {1, 1}, fit.x(), 1e-12);
  }
}
