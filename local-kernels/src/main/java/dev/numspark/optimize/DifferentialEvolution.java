package dev.numspark.optimize;

import dev.numspark.parallel.Mapper;
import dev.numspark.parallel.Workers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * {@code scipy.optimize.differential_evolution} (SciPy 1.17) with a builder:
 *
 * <pre>{@code
 * OptimizeResult r = DifferentialEvolution.minimize(TestFunctions::rosen, Bounds.uniform(5, -5, 5))
 *     .strategy(Strategy.BEST1BIN).seed(1).workers(2).run();
 * }</pre>
 *
 * <p>Defaults are SciPy's: best1bin, maxiter 1000, popsize 15, tol 0.01, atol 0, mutation
 * (0.5, 1) with dithering, recombination 0.7, latinhypercube init, immediate updating, polish with
 * L-BFGS-B. {@code workers} is an int (threads, resolved by {@link Workers#resolve(Integer)}; unset
 * means the scoped default, 1 outside Spark) or any {@link Mapper}; anything but one worker forces
 * deferred updating with SciPy's warning. With a seed, deferred runs give identical results for any
 * number of workers and any mapper, because all random numbers are drawn on the calling thread.
 *
 * <p>Random numbers come from {@link SplittableRandom} (or a generator you pass), drawn in SciPy's
 * order, so a seed reproduces a run exactly but does not reproduce numpy's stream.
 */
public final class DifferentialEvolution {
  private static final System.Logger LOG = System.getLogger(DifferentialEvolution.class.getName());
  static final String MUTATION_ERROR = "The mutation constant must be a float in U[0, 2), or "
      + "specified as a tuple(min, max) where min < max and min, max are in U[0, 2).";

  private final Objective objective;
  private final VectorizedObjective vectorized;
  private final Config cfg = new Config();
  private Integer workers;
  private Mapper mapper;
  private Long seed;
  private RandomGenerator rng;

  /** The resolved options the solver reads (package-private). */
  static final class Config {
    Bounds bounds;
    Strategy strategy = Strategy.BEST1BIN;
    CustomStrategy customStrategy;
    int maxiter = 1000;
    int popsize = 15;
    double tol = 0.01;
    double atol = 0;
    double mutationLo = 0.5;
    double mutationHi = 1;
    boolean dither = true;
    double recombination = 0.7;
    Callback callback;
    boolean polish = true;
    Init init = Init.LATINHYPERCUBE;
    double[][] explicitInit;
    Updating updating = Updating.IMMEDIATE;
    List<Constraint> constraints = List.of();
    double[] x0;
    boolean[] integrality;
    long maxfun = Long.MAX_VALUE;
  }

  private DifferentialEvolution(Objective objective, VectorizedObjective vectorized,
      Bounds bounds) {
    if (bounds == null) {
      throw new InvalidBoundsException(Bounds.FINITE_MESSAGE);
    }
    this.objective = objective;
    this.vectorized = vectorized;
    cfg.bounds = bounds;
  }

  /** Starts a minimization of {@code func} within {@code bounds}. */
  public static DifferentialEvolution minimize(Objective func, Bounds bounds) {
    if (func == null) {
      throw new OptimizeArgumentException("func must not be null");
    }
    return new DifferentialEvolution(func, null, bounds);
  }

  /** {@code (min, max)} pairs form of {@link #minimize(Objective, Bounds)}. */
  public static DifferentialEvolution minimize(Objective func, double[][] bounds) {
    return minimize(func, Bounds.of(bounds));
  }

  /**
   * SciPy's {@code vectorized=True}: the whole trial population goes to {@code func} in one call;
   * each call counts as one evaluation. Forces deferred updating (SciPy's warning).
   */
  public static DifferentialEvolution minimizeVectorized(VectorizedObjective func, Bounds bounds) {
    if (func == null) {
      throw new OptimizeArgumentException("func must not be null");
    }
    return new DifferentialEvolution(null, func, bounds);
  }

  public DifferentialEvolution strategy(Strategy strategy) {
    cfg.strategy = strategy;
    cfg.customStrategy = null;
    return this;
  }

  /** A SciPy strategy name such as {@code best1bin}. */
  public DifferentialEvolution strategy(String name) {
    return strategy(Strategy.of(name));
  }

  /** A user strategy that builds each trial vector (SciPy's callable strategy). */
  public DifferentialEvolution strategy(CustomStrategy strategy) {
    cfg.customStrategy = strategy;
    return this;
  }

  public DifferentialEvolution maxiter(int maxiter) {
    if (maxiter < 0) {
      throw new OptimizeArgumentException("maxiter must be >= 0, got " + maxiter);
    }
    cfg.maxiter = maxiter;
    return this;
  }

  /** The population has {@code popsize * (N - N_equal)} members (at least 5). */
  public DifferentialEvolution popsize(int popsize) {
    if (popsize < 1) {
      throw new OptimizeArgumentException("popsize must be at least 1, got " + popsize);
    }
    cfg.popsize = popsize;
    return this;
  }

  public DifferentialEvolution tol(double tol) {
    cfg.tol = tol;
    return this;
  }

  public DifferentialEvolution atol(double atol) {
    cfg.atol = atol;
    return this;
  }

  /** A constant mutation (differential weight) in [0, 2). */
  public DifferentialEvolution mutation(double f) {
    checkMutation(f);
    cfg.mutationLo = f;
    cfg.mutationHi = f;
    cfg.dither = false;
    return this;
  }

  /** Dithering: the mutation is drawn from U[min, max) each generation (order is normalized). */
  public DifferentialEvolution mutation(double min, double max) {
    checkMutation(min);
    checkMutation(max);
    cfg.mutationLo = Math.min(min, max);
    cfg.mutationHi = Math.max(min, max);
    cfg.dither = true;
    return this;
  }

  private static void checkMutation(double f) {
    if (!Double.isFinite(f) || f >= 2 || f < 0) {
      throw new OptimizeArgumentException(MUTATION_ERROR);
    }
  }

  /** The crossover probability, in [0, 1]. */
  public DifferentialEvolution recombination(double cr) {
    if (!(cr >= 0 && cr <= 1)) {
      throw new OptimizeArgumentException("recombination must be in [0, 1], got " + cr);
    }
    cfg.recombination = cr;
    return this;
  }

  public DifferentialEvolution seed(long seed) {
    this.seed = seed;
    this.rng = null;
    return this;
  }

  /** Draws from {@code rng} instead of a seeded {@link SplittableRandom}. */
  public DifferentialEvolution rng(RandomGenerator rng) {
    this.rng = rng;
    this.seed = null;
    return this;
  }

  public DifferentialEvolution callback(Callback callback) {
    cfg.callback = callback;
    return this;
  }

  public DifferentialEvolution polish(boolean polish) {
    cfg.polish = polish;
    return this;
  }

  public DifferentialEvolution init(Init init) {
    cfg.init = init;
    cfg.explicitInit = null;
    return this;
  }

  public DifferentialEvolution init(String init) {
    return init(Init.of(init));
  }

  /** An explicit initial population, rows in parameter units (clipped to the bounds). */
  public DifferentialEvolution init(double[][] population) {
    if (population == null) {
      throw new OptimizeArgumentException(Init.ERROR);
    }
    cfg.explicitInit = population.clone();
    return this;
  }

  public DifferentialEvolution updating(Updating updating) {
    cfg.updating = updating;
    return this;
  }

  public DifferentialEvolution updating(String updating) {
    return updating(Updating.of(updating));
  }

  /** Threads for population evaluation, as SciPy's {@code workers=int} (-1: all CPUs). */
  public DifferentialEvolution workers(int workers) {
    this.workers = workers;
    this.mapper = null;
    return this;
  }

  /** Any map-like evaluator, e.g. a Spark mapper; the caller keeps ownership (not closed). */
  public DifferentialEvolution workers(Mapper mapper) {
    this.mapper = mapper;
    this.workers = null;
    return this;
  }

  public DifferentialEvolution constraints(Constraint... constraints) {
    cfg.constraints = List.copyOf(Arrays.asList(constraints));
    return this;
  }

  public DifferentialEvolution constraints(List<? extends Constraint> constraints) {
    cfg.constraints = List.copyOf(constraints);
    return this;
  }

  /** A first guess that replaces the first population member. */
  public DifferentialEvolution x0(double[] x0) {
    cfg.x0 = x0 == null ? null : x0.clone();
    return this;
  }

  /** Which parameters take integer values (one flag per parameter). */
  public DifferentialEvolution integrality(boolean[] integrality) {
    if (integrality != null && integrality.length != cfg.bounds.size()) {
      throw new OptimizeArgumentException("integrality has " + integrality.length
          + " entries but there are " + cfg.bounds.size() + " parameters");
    }
    cfg.integrality = integrality == null ? null : integrality.clone();
    return this;
  }

  /** The same integrality for every parameter. */
  public DifferentialEvolution integrality(boolean all) {
    boolean[] flags = new boolean[cfg.bounds.size()];
    Arrays.fill(flags, all);
    return integrality(flags);
  }

  /** The solver's {@code maxfun}: at most about this many evaluations (no limit by default). */
  public DifferentialEvolution maxfun(long maxfun) {
    if (maxfun < 1) {
      throw new OptimizeArgumentException("maxfun must be positive, got " + maxfun);
    }
    cfg.maxfun = maxfun;
    return this;
  }

  /** Runs the solver and returns SciPy's result. */
  public OptimizeResult run() {
    boolean userMapper = mapper != null;
    int resolved = userMapper ? -1 : Workers.resolve(workers);
    boolean parallel = userMapper || resolved != 1;
    Updating updating = cfg.updating;
    if (parallel && updating == Updating.IMMEDIATE) {
      LOG.log(System.Logger.Level.WARNING, "differential_evolution: the 'workers' keyword has "
          + "overridden updating='immediate' to updating='deferred'");
      updating = Updating.DEFERRED;
    }
    boolean useVectorized = vectorized != null;
    Objective scalar = objective;
    if (useVectorized && parallel) {
      LOG.log(System.Logger.Level.WARNING,
          "differential_evolution: the 'workers' keyword overrides the 'vectorized' keyword");
      useVectorized = false;
      VectorizedObjective vf = vectorized;
      scalar = x -> vf.values(new double[][] {x})[0];
    }
    if (useVectorized && updating == Updating.IMMEDIATE) {
      LOG.log(System.Logger.Level.WARNING, "differential_evolution: the 'vectorized' keyword "
          + "has overridden updating='immediate' to updating='deferred'");
      updating = Updating.DEFERRED;
    }
    Config run = copyWith(updating);
    RandomGenerator generator = rng != null ? rng
        : seed != null ? new SplittableRandom(seed) : new SplittableRandom();
    Evaluator evaluator;
    if (useVectorized) {
      evaluator = Evaluator.vectorized(vectorized);
    } else if (userMapper) {
      evaluator = Evaluator.of(scalar, mapper, false);
    } else {
      evaluator = Evaluator.of(scalar, Mapper.threads(resolved), resolved != 1);
    }
    try (evaluator) {
      return new DeSolver(run, evaluator, generator).solve();
    }
  }

  private Config copyWith(Updating updating) {
    Config c = new Config();
    c.bounds = cfg.bounds;
    c.strategy = cfg.strategy;
    c.customStrategy = cfg.customStrategy;
    c.maxiter = cfg.maxiter;
    c.popsize = cfg.popsize;
    c.tol = cfg.tol;
    c.atol = cfg.atol;
    c.mutationLo = cfg.mutationLo;
    c.mutationHi = cfg.mutationHi;
    c.dither = cfg.dither;
    c.recombination = cfg.recombination;
    c.callback = cfg.callback;
    c.polish = cfg.polish;
    c.init = cfg.init;
    c.explicitInit = cfg.explicitInit;
    c.updating = updating;
    c.constraints = new ArrayList<>(cfg.constraints);
    c.x0 = cfg.x0;
    c.integrality = cfg.integrality;
    c.maxfun = cfg.maxfun;
    return c;
  }
}
