package dev.numspark.optimize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.numspark.parallel.Mapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class DifferentialEvolutionTest {

  private static double fmin(String name, int n) {
    return TestFunctions.minimum(name, n);
  }

  @ParameterizedTest(name = "{0} n={1} {2} seed={3}")
  @CsvSource({
      "rosen, 2, best1bin, 1", "rosen, 2, best1bin, 2", "rosen, 3, rand1exp, 3",
      "sphere, 10, best1bin, 4", "rastrigin, 2, best1bin, 5", "rastrigin, 3, currenttobest1bin, 6",
      "ackley, 2, best1bin, 7", "ackley, 5, randtobest1bin, 8", "styblinski_tang, 5, best1bin, 9",
      "levy, 3, best2bin, 10", "levy, 2, rand2exp, 11", "schwefel, 2, best1bin, 12"})
  void convergesToTheKnownMinimum(String name, int n, String strategy, long seed) {
    OptimizeResult r = DifferentialEvolution.minimize(TestFunctions.named(name),
        TestFunctions.bounds(name, n)).strategy(strategy).seed(seed).run();
    assertTrue(r.success(), r.message());
    assertEquals(fmin(name, n), r.fun(), 1e-6 * Math.max(1, Math.abs(fmin(name, n))));
    assertEquals(TestFunctions.named(name).applyAsDouble(r.x()), r.fun(), 0.0);
    assertEquals("Optimization terminated successfully.", r.message());
  }

  @ParameterizedTest
  @EnumSource(Strategy.class)
  void everyStrategyMinimizesTheSphere(Strategy strategy) {
    OptimizeResult r = DifferentialEvolution.minimize(TestFunctions::sphere,
        Bounds.uniform(3, -5, 5)).strategy(strategy).seed(42).atol(1e-12).run();
    assertTrue(r.success(), r.message());
    assertTrue(r.fun() < 1e-8, strategy + " fun=" + r.fun());
  }

  /** SciPy's median nfev from scipy_nfev.csv; ours must be within a factor of two. */
  @Test
  void evaluationCountsAreWithinAFactorOfScipys() throws IOException {
    List<String> lines = resourceLines("/golden/optimize/scipy_nfev.csv");
    int checked = 0;
    for (String line : lines) {
      if (line.startsWith("\"#") || line.startsWith("#") || line.startsWith("function")) {
        continue;
      }
      String[] f = line.split(",");
      String name = f[0];
      int n = Integer.parseInt(f[1]);
      String strategy = f[2];
      int seeds = Integer.parseInt(f[3]);
      double scipyMedian = Double.parseDouble(f[4]);
      long[] nfev = new long[seeds];
      for (int seed = 0; seed < seeds; seed++) {
        nfev[seed] = DifferentialEvolution.minimize(TestFunctions.named(name),
            TestFunctions.bounds(name, n)).strategy(strategy).seed(seed).run().nfev();
      }
      Arrays.sort(nfev);
      double median = nfev[seeds / 2];
      assertTrue(median <= 2 * scipyMedian && median >= scipyMedian / 2,
          name + " n=" + n + " " + strategy + ": numspark median nfev " + median
              + " vs scipy " + scipyMedian);
      checked++;
    }
    assertTrue(checked >= 10, "golden rows read: " + checked);
  }

  private static List<String> resourceLines(String path) throws IOException {
    try (InputStream in = DifferentialEvolutionTest.class.getResourceAsStream(path)) {
      assertNotNull(in, path);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  /** Order-preserving mapper that evaluates items back to front, to expose order dependence. */
  private static final class ReversingMapper implements Mapper {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public <T, R> List<R> map(Function<? super T, ? extends R> fn, List<? extends T> items) {
      calls.incrementAndGet();
      Object[] out = new Object[items.size()];
      for (int i = items.size() - 1; i >= 0; i--) {
        out[i] = fn.apply(items.get(i));
      }
      @SuppressWarnings("unchecked")
      List<R> list = (List<R>) Arrays.asList(out);
      return list;
    }

    @Override
    public int parallelism() {
      return 3;
    }
  }

  @Test
  void seededResultsAreIdenticalForAnyWorkersAndMapper() {
    Bounds b = Bounds.uniform(4, -5.12, 5.12);
    OptimizeResult one = DifferentialEvolution.minimize(TestFunctions::rastrigin, b).seed(7)
        .updating(Updating.DEFERRED).workers(1).polish(false).run();
    OptimizeResult two = DifferentialEvolution.minimize(TestFunctions::rastrigin, b).seed(7)
        .workers(2).polish(false).run();
    ReversingMapper mapper = new ReversingMapper();
    OptimizeResult custom = DifferentialEvolution.minimize(TestFunctions::rastrigin, b).seed(7)
        .workers(mapper).polish(false).run();
    assertTrue(mapper.calls.get() > one.nit(), "the custom mapper evaluated the population");
    for (OptimizeResult r : List.of(two, custom)) {
      assertArrayEquals(one.x(), r.x(), 0.0);
      assertEquals(one.fun(), r.fun(), 0.0);
      assertEquals(one.nfev(), r.nfev());
      assertEquals(one.nit(), r.nit());
      assertArrayEquals(one.populationEnergies(), r.populationEnergies(), 0.0);
    }
    // Polishing runs Breeze on native BLAS, whose last bits vary between calls.
    OptimizeResult p1 = DifferentialEvolution.minimize(TestFunctions::rosen, b).seed(7)
        .workers(1).updating(Updating.DEFERRED).run();
    OptimizeResult p2 = DifferentialEvolution.minimize(TestFunctions::rosen, b).seed(7)
        .workers(2).run();
    assertArrayEquals(p1.x(), p2.x(), 1e-9);
    assertEquals(p1.nit(), p2.nit());
  }

  @Test
  void theSameSeedRepeatsARunAndAnotherSeedDiffers() {
    Bounds b = Bounds.uniform(3, -5, 5);
    OptimizeResult a = DifferentialEvolution.minimize(TestFunctions::rosen, b).seed(11).run();
    OptimizeResult c = DifferentialEvolution.minimize(TestFunctions::rosen, b).seed(11).run();
    OptimizeResult d = DifferentialEvolution.minimize(TestFunctions::rosen, b).seed(12).run();
    assertArrayEquals(a.x(), c.x(), 0.0);
    assertEquals(a.nfev(), c.nfev());
    assertFalse(a.nfev() == d.nfev() && Arrays.equals(a.populationEnergies(),
        d.populationEnergies()));
  }

  @Test
  void workersOtherThanOneForceDeferredUpdatingWithScipysWarning() {
    List<String> messages = new ArrayList<>();
    Logger logger = Logger.getLogger(DifferentialEvolution.class.getName());
    Handler h = new Handler() {
      @Override
      public void publish(LogRecord record) {
        messages.add(record.getMessage());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    logger.addHandler(h);
    try {
      DifferentialEvolution.minimize(TestFunctions::sphere, Bounds.uniform(2, -1, 1)).seed(1)
          .workers(2).maxiter(2).polish(false).run();
    } finally {
      logger.removeHandler(h);
    }
    assertTrue(messages.contains("differential_evolution: the 'workers' keyword has overridden "
        + "updating='immediate' to updating='deferred'"), messages.toString());
  }

  @Test
  void callbackSeesIntermediateResultsAndCanStop() {
    List<Integer> seen = new ArrayList<>();
    OptimizeResult r = DifferentialEvolution.minimize(TestFunctions::rosen,
        Bounds.uniform(3, -5, 5)).seed(3).callback(intermediate -> {
          seen.add(intermediate.nit());
          assertEquals("in progress", intermediate.message());
          assertTrue(intermediate.convergence() > 0);
          assertEquals(intermediate.population().length,
              intermediate.populationEnergies().length);
          return intermediate.nit() == 3;
        }).polish(false).run();
    assertEquals(List.of(1, 2, 3), seen);
    assertEquals(3, r.nit());
    assertFalse(r.success());
    assertEquals("callback function requested stop early", r.message());
  }

  @Test
  void integralityKeepsIntegerParametersIntegral() {
    Objective f = x -> (x[0] - 2.3) * (x[0] - 2.3) + (x[1] + 1.7) * (x[1] + 1.7);
    OptimizeResult r = DifferentialEvolution.minimize(f, Bounds.uniform(2, -5, 5))
        .integrality(new boolean[] {true, false}).seed(5).run();
    assertEquals(2.0, r.x()[0], 0.0);
    assertEquals(-1.7, r.x()[1], 1e-6);
    for (double[] member : r.population()) {
      assertEquals(Math.rint(member[0]), member[0], 0.0);
    }
    OptimizeResult allInt = DifferentialEvolution.minimize(f, Bounds.uniform(2, -5, 5))
        .integrality(true).seed(5).run();
    assertArrayEquals(new double[] {2, -2}, allInt.x(), 0.0);
  }

  @Test
  void integralityWithoutAnIntegerInTheBoundsIsAnError() {
    OptimizeArgumentException e = assertThrows(OptimizeArgumentException.class,
        () -> DifferentialEvolution.minimize(TestFunctions::sphere, Bounds.of(new double[] {0.2,
            0.8})).integrality(true).run());
    assertTrue(e.getMessage().startsWith("One of the integrality constraints"));
  }

  @Test
  void linearAndNonlinearConstraintsAreHonoured() {
    // minimize (x-1)^2 + (y-1)^2 subject to x + y <= 1: the optimum is (0.5, 0.5), f = 0.5
    Objective f = x -> (x[0] - 1) * (x[0] - 1) + (x[1] - 1) * (x[1] - 1);
    LinearConstraint lin = new LinearConstraint(new double[][] {{1, 1}}, Double.NEGATIVE_INFINITY,
        1);
    OptimizeResult r = DifferentialEvolution.minimize(f, Bounds.uniform(2, -2, 2))
        .constraints(lin).seed(2).tol(1e-7).run();
    assertTrue(r.success(), r.message());
    assertEquals(0.0, r.constrViolation(), 0.0);
    assertTrue(r.x()[0] + r.x()[1] <= 1);
    assertEquals(0.5, r.fun(), 1e-4);
    NonlinearConstraint disk = new NonlinearConstraint(x -> new double[] {x[0] * x[0]
        + x[1] * x[1]}, 0, 0.5);
    OptimizeResult q = DifferentialEvolution.minimize(f, Bounds.uniform(2, -2, 2))
        .constraints(disk).seed(2).tol(1e-7).run();
    assertTrue(q.success(), q.message());
    assertTrue(q.x()[0] * q.x()[0] + q.x()[1] * q.x()[1] <= 0.5);
    assertEquals(0.5, q.fun(), 1e-4);
  }

  @Test
  void anUnsatisfiableConstraintGivesAnUnsuccessfulResultWithMaxcv() {
    LinearConstraint impossible = new LinearConstraint(new double[][] {{1, 1}}, 10,
        Double.POSITIVE_INFINITY);
    OptimizeResult r = DifferentialEvolution.minimize(TestFunctions::sphere,
        Bounds.uniform(2, 0, 1)).constraints(impossible).seed(1).maxiter(30).run();
    assertFalse(r.success());
    assertTrue(r.message().startsWith("The solution does not satisfy the constraints, MAXCV = "),
        r.message());
    assertEquals(8.0, r.constrViolation(), 1e-3);
  }

  @Test
  void x0JoinsThePopulation() {
    OptimizeResult r = DifferentialEvolution.minimize(TestFunctions::rosen,
        Bounds.uniform(2, -5, 5)).x0(new double[] {1, 1}).maxiter(0).polish(false).seed(1).run();
    assertArrayEquals(new double[] {1, 1}, r.x(), 1e-15);
    assertEquals(0, r.nit());
    assertEquals("Maximum number of iterations has been exceeded.", r.message());
    assertEquals(30, r.nfev());
  }

  @Test
  void maxfunStopsTheSolver() {
    OptimizeResult r = DifferentialEvolution.minimize(TestFunctions::rosen,
        Bounds.uniform(2, -5, 5)).updating(Updating.DEFERRED).maxfun(100).polish(false).seed(1)
        .run();
    assertEquals(100, r.nfev());
    assertFalse(r.success());
    assertEquals("Maximum number of function evaluations has been reached.", r.message());
  }

  @Test
  void initializationsBuildTheExpectedPopulation() {
    Bounds b = Bounds.uniform(2, -5, 5);
    assertEquals(32, DifferentialEvolution.minimize(TestFunctions::sphere, b).init(Init.SOBOL)
        .seed(1).maxiter(0).polish(false).run().population().length);
    for (Init init : Init.values()) {
      OptimizeResult r = DifferentialEvolution.minimize(TestFunctions::sphere, b).init(init)
          .seed(1).run();
      assertTrue(r.fun() < 1e-10, init + " fun=" + r.fun());
    }
    double[][] explicit = new double[7][];
    for (int i = 0; i < 7; i++) {
      explicit[i] = new double[] {i - 3.0, 10.0 * (i - 3)};
    }
    OptimizeResult r = DifferentialEvolution.minimize(TestFunctions::sphere, b).init(explicit)
        .maxiter(0).polish(false).run();
    assertEquals(7, r.population().length);
    assertEquals(7, r.nfev());
    for (double[] member : r.population()) {
      assertTrue(member[1] >= -5 && member[1] <= 5, "clipped to the bounds");
    }
    assertEquals(0.0, r.fun(), 0.0);
  }

  @Test
  void vectorizedObjectiveCountsOneEvaluationPerCall() {
    AtomicInteger calls = new AtomicInteger();
    VectorizedObjective vf = xs -> {
      calls.incrementAndGet();
      double[] out = new double[xs.length];
      for (int i = 0; i < xs.length; i++) {
        out[i] = TestFunctions.sphere(xs[i]);
      }
      return out;
    };
    OptimizeResult r = DifferentialEvolution.minimizeVectorized(vf, Bounds.uniform(3, -5, 5))
        .seed(1).polish(false).run();
    assertTrue(r.fun() < 1e-6);
    assertEquals(r.nit() + 1, r.nfev());
    assertEquals(calls.get(), r.nfev());
  }

  @Test
  void aCustomStrategyBuildsTheTrials() {
    AtomicInteger used = new AtomicInteger();
    CustomStrategy rand1 = (candidate, population, rng) -> {
      used.incrementAndGet();
      int n = population[0].length;
      int a = rng.nextInt(population.length);
      int b = rng.nextInt(population.length);
      int c = rng.nextInt(population.length);
      double[] trial = population[candidate].clone();
      for (int j = 0; j < n; j++) {
        if (rng.nextDouble() < 0.9) {
          trial[j] = population[a][j] + 0.7 * (population[b][j] - population[c][j]);
        }
      }
      return trial;
    };
    OptimizeResult r = DifferentialEvolution.minimize(TestFunctions::sphere,
        Bounds.uniform(2, -5, 5)).strategy(rand1).seed(3).run();
    assertTrue(used.get() > 0);
    assertTrue(r.fun() < 1e-10, "fun=" + r.fun());
  }

  // ------------------------------------------------------------------ errors

  @Test
  void badBoundsAreRejected() {
    assertThrows(InvalidBoundsException.class, () -> Bounds.of(new double[] {1, 0}));
    InvalidBoundsException e = assertThrows(InvalidBoundsException.class,
        () -> Bounds.of(new double[] {0, Double.POSITIVE_INFINITY}));
    assertEquals(Bounds.FINITE_MESSAGE, e.getMessage());
    assertThrows(InvalidBoundsException.class, () -> Bounds.of(new double[] {Double.NaN, 1}));
    assertThrows(InvalidBoundsException.class, () -> Bounds.parse("1:2,3"));
  }

  @Test
  void badParametersAreRejectedWithScipysWording() {
    Bounds b = Bounds.uniform(2, -1, 1);
    DifferentialEvolution de = DifferentialEvolution.minimize(TestFunctions::sphere, b);
    assertThrows(OptimizeArgumentException.class, () -> de.popsize(0));
    assertEquals(DifferentialEvolution.MUTATION_ERROR,
        assertThrows(OptimizeArgumentException.class, () -> de.mutation(2.0)).getMessage());
    assertThrows(OptimizeArgumentException.class, () -> de.mutation(-0.1));
    assertThrows(OptimizeArgumentException.class, () -> de.mutation(0.5, 2.5));
    assertThrows(OptimizeArgumentException.class, () -> de.mutation(Double.NaN));
    assertThrows(OptimizeArgumentException.class, () -> de.recombination(1.5));
    assertThrows(OptimizeArgumentException.class, () -> de.recombination(-0.01));
    assertEquals("Please select a valid mutation strategy",
        assertThrows(OptimizeArgumentException.class, () -> de.strategy("best3bin"))
            .getMessage());
    assertEquals(Init.ERROR,
        assertThrows(OptimizeArgumentException.class, () -> de.init("grid")).getMessage());
    assertThrows(OptimizeArgumentException.class, () -> DifferentialEvolution.minimize(
        TestFunctions::sphere, b).init(new double[4][2]).run());
    assertEquals("Some entries in x0 lay outside the specified bounds",
        assertThrows(OptimizeArgumentException.class, () -> DifferentialEvolution.minimize(
            TestFunctions::sphere, b).x0(new double[] {0, 2}).run()).getMessage());
  }

  @Test
  void aPopulationTooSmallForTheStrategyIsAnError() {
    OptimizeArgumentException e = assertThrows(OptimizeArgumentException.class,
        () -> DifferentialEvolution.minimize(TestFunctions::sphere, Bounds.uniform(1, -1, 1))
            .popsize(5).strategy(Strategy.RAND2BIN).run());
    assertTrue(e.getMessage().contains("at least 6"), e.getMessage());
  }

  @Test
  void anObjectiveReturningNanOrThrowingStopsWithTheCause() {
    Bounds b = Bounds.uniform(2, -1, 1);
    ObjectiveException nan = assertThrows(ObjectiveException.class,
        () -> DifferentialEvolution.minimize(x -> x[0] > 0.5 ? Double.NaN : x[0], b).seed(1)
            .run());
    assertTrue(nan.getMessage().contains("NaN"), nan.getMessage());
    IllegalStateException boom = new IllegalStateException("boom");
    for (int workers : new int[] {1, 2}) {
      ObjectiveException thrown = assertThrows(ObjectiveException.class,
          () -> DifferentialEvolution.minimize(x -> {
            throw boom;
          }, b).workers(workers).run());
      assertSame(boom, thrown.getCause());
    }
  }
}
