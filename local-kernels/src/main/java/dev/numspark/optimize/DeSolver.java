package dev.numspark.optimize;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The differential-evolution loop of SciPy's {@code DifferentialEvolutionSolver}, step for step:
 * the population lives in the unit cube, trials are mutated and crossed over there, parameters
 * outside [0, 1] are redrawn uniformly, and selection is feasibility-first (Lampinen). Random
 * numbers are drawn in SciPy's order from a Java generator, so runs are reproducible for a seed
 * but not bit-identical to numpy's.
 */
final class DeSolver {
  private static final double MACHEPS = Math.ulp(1.0);
  private static final System.Logger LOG = System.getLogger(DifferentialEvolution.class.getName());

  private final DifferentialEvolution.Config cfg;
  private final Evaluator evaluator;
  private final RandomGenerator rng;
  private final int n;
  private final double[] limLo;
  private final double[] limHi;
  private final double[] arg1;
  private final double[] arg2;
  private final double[] recipArg2;
  private final boolean[] integrality;
  private final boolean anyIntegrality;
  private final List<Constraint> constraints;
  private final int m;
  private final int[] sampleIndex;
  private final int s;

  private double scale;
  private double[][] pop;
  private double[] energies;
  private boolean[] feasible;
  private double[][] cv;
  private long nfev;

  /** Thrown inside a generation when the evaluation budget is used up (SciPy's StopIteration). */
  private static final class Stop extends Exception {
    private static final long serialVersionUID = 1L;

    Stop() {
      super(null, null, false, false);
    }
  }

  DeSolver(DifferentialEvolution.Config cfg, Evaluator evaluator, RandomGenerator rng) {
    this.cfg = cfg;
    this.evaluator = evaluator;
    this.rng = rng;
    this.n = cfg.bounds.size();
    this.limLo = cfg.bounds.lb();
    this.limHi = cfg.bounds.ub();
    this.scale = cfg.mutationLo;
    this.integrality = cfg.integrality == null ? new boolean[n] : cfg.integrality.clone();
    boolean any = false;
    for (int i = 0; i < n; i++) {
      if (!integrality[i]) {
        continue;
      }
      any = true;
      double lo = Math.ceil(limLo[i]);
      double hi = Math.floor(limHi[i]);
      if (!(lo <= hi)) {
        throw new OptimizeArgumentException("One of the integrality constraints does not have any "
            + "possible integer values between the lower/upper bounds.");
      }
      limLo[i] = Math.nextUp(lo - 0.5);
      limHi[i] = Math.nextDown(hi + 0.5);
    }
    this.anyIntegrality = any;
    arg1 = new double[n];
    arg2 = new double[n];
    recipArg2 = new double[n];
    int equal = 0;
    for (int i = 0; i < n; i++) {
      arg1[i] = 0.5 * (limLo[i] + limHi[i]);
      arg2[i] = Math.abs(limLo[i] - limHi[i]);
      double r = 1 / arg2[i];
      recipArg2[i] = Double.isFinite(r) ? r : 0;
      if (limLo[i] == limHi[i]) {
        equal++;
      }
    }
    int members = Math.max(5, cfg.popsize * Math.max(1, n - equal));
    if (cfg.explicitInit != null) {
      initArray(cfg.explicitInit);
    } else {
      switch (cfg.init) {
        case LATINHYPERCUBE -> initLhs(members);
        case SOBOL -> pop = QmcSampler.sobol(nextPowerOfTwo(members), n, rng);
        case HALTON -> pop = QmcSampler.halton(members, n, rng);
        case RANDOM -> initRandom(members);
        default -> throw new OptimizeArgumentException(Init.ERROR);
      }
    }
    this.s = pop.length;
    int needed = cfg.customStrategy != null ? 0 : samplesNeeded(cfg.strategy) + 1;
    if (s < needed) {
      throw new OptimizeArgumentException("strategy '" + cfg.strategy.scipyName()
          + "' needs a population of at least " + needed + " members, got " + s);
    }
    energies = new double[s];
    Arrays.fill(energies, Double.POSITIVE_INFINITY);
    if (cfg.x0 != null) {
      if (cfg.x0.length != n) {
        throw new OptimizeArgumentException("x0 has " + cfg.x0.length + " entries but there are "
            + n + " bounds");
      }
      double[] x0Scaled = unscale(cfg.x0);
      for (double v : x0Scaled) {
        if (v > 1.0 || v < 0.0 || Double.isNaN(v)) {
          throw new OptimizeArgumentException("Some entries in x0 lay outside the specified bounds");
        }
      }
      pop[0] = x0Scaled;
    }
    this.constraints = cfg.constraints;
    int total = 0;
    for (Constraint c : constraints) {
      total += c.count();
    }
    this.m = Math.max(1, total);
    feasible = new boolean[s];
    Arrays.fill(feasible, true);
    cv = new double[s][m];
    sampleIndex = new int[s];
    for (int i = 0; i < s; i++) {
      sampleIndex[i] = i;
    }
  }

  private static int nextPowerOfTwo(int v) {
    int p = Integer.highestOneBit(v);
    return p == v ? v : p << 1;
  }

  private static int samplesNeeded(Strategy strategy) {
    return switch (strategy.mutation) {
      case BEST1, CURRENTTOBEST1 -> 2;
      case RAND1, RANDTOBEST1 -> 3;
      case BEST2 -> 4;
      case RAND2 -> 5;
    };
  }

  // ---------------------------------------------------------------- initialization

  private void initLhs(int members) {
    double seg = 1.0 / members;
    double[][] samples = new double[members][n];
    for (int i = 0; i < members; i++) {
      for (int j = 0; j < n; j++) {
        samples[i][j] = seg * rng.nextDouble() + (double) i / members;
      }
    }
    pop = new double[members][n];
    for (int j = 0; j < n; j++) {
      int[] order = permutation(members);
      for (int i = 0; i < members; i++) {
        pop[i][j] = samples[order[i]][j];
      }
    }
  }

  private void initRandom(int members) {
    pop = new double[members][n];
    for (int i = 0; i < members; i++) {
      for (int j = 0; j < n; j++) {
        pop[i][j] = rng.nextDouble();
      }
    }
  }

  private void initArray(double[][] init) {
    if (init.length < 5) {
      throw new OptimizeArgumentException(
          "The population supplied needs to have shape (S, len(x)), where S > 4.");
    }
    pop = new double[init.length][];
    for (int i = 0; i < init.length; i++) {
      if (init[i] == null || init[i].length != n) {
        throw new OptimizeArgumentException(
            "The population supplied needs to have shape (S, len(x)), where S > 4.");
      }
      double[] row = unscale(init[i]);
      for (int j = 0; j < n; j++) {
        row[j] = Math.min(Math.max(row[j], 0), 1);
      }
      pop[i] = row;
    }
  }

  private int[] permutation(int size) {
    int[] p = new int[size];
    for (int i = 0; i < size; i++) {
      p[i] = i;
    }
    for (int i = size - 1; i > 0; i--) {
      int k = rng.nextInt(i + 1);
      int t = p[i];
      p[i] = p[k];
      p[k] = t;
    }
    return p;
  }

  // ---------------------------------------------------------------- scaling

  double[] scaleParameters(double[] trial) {
    double[] x = new double[n];
    for (int j = 0; j < n; j++) {
      x[j] = arg1[j] + (trial[j] - 0.5) * arg2[j];
      if (integrality[j]) {
        x[j] = Math.rint(x[j]);
      }
    }
    return x;
  }

  private double[][] scaleAll(double[][] trials) {
    double[][] out = new double[trials.length][];
    for (int i = 0; i < trials.length; i++) {
      out[i] = scaleParameters(trials[i]);
    }
    return out;
  }

  double[] unscale(double[] x) {
    double[] u = new double[n];
    for (int j = 0; j < n; j++) {
      u[j] = (x[j] - arg1[j]) * recipArg2[j] + 0.5;
    }
    return u;
  }

  // ---------------------------------------------------------------- evaluation

  private double[] constraintViolation(double[] x) {
    double[] out = new double[m];
    int offset = 0;
    for (Constraint c : constraints) {
      double[] v = c.violation(x);
      System.arraycopy(v, 0, out, offset, v.length);
      offset += v.length;
    }
    return out;
  }

  private static double sum(double[] v) {
    double t = 0;
    for (double x : v) {
      t += x;
    }
    return t;
  }

  /** Feasibility and violation of unit-cube rows; fills {@code feas} and returns the violations. */
  private double[][] feasibilities(double[][] units, boolean[] feas) {
    double[][] out = new double[units.length][];
    for (int i = 0; i < units.length; i++) {
      if (constraints.isEmpty()) {
        out[i] = new double[m];
        feas[i] = true;
      } else {
        out[i] = constraintViolation(scaleParameters(units[i]));
        feas[i] = !(sum(out[i]) > 0);
      }
    }
    return out;
  }

  /** SciPy's _calculate_population_energies: at most maxfun - nfev evaluations, the rest inf. */
  private double[] populationEnergies(double[][] units) {
    int count = units.length;
    long left = cfg.maxfun - nfev;
    int evaluated = (int) Math.max(0, Math.min(count, left));
    double[] out = new double[count];
    Arrays.fill(out, Double.POSITIVE_INFINITY);
    if (evaluated > 0) {
      double[] values = evaluator.evaluate(scaleAll(Arrays.copyOf(units, evaluated)));
      System.arraycopy(values, 0, out, 0, evaluated);
      nfev += evaluator.isVectorized() ? 1 : evaluated;
    }
    return out;
  }

  private void initialEnergies() {
    cv = feasibilities(pop, feasible);
    int count = 0;
    for (boolean f : feasible) {
      count += f ? 1 : 0;
    }
    double[][] rows = new double[count][];
    int k = 0;
    for (int i = 0; i < s; i++) {
      if (feasible[i]) {
        rows[k++] = pop[i];
      }
    }
    double[] e = populationEnergies(rows);
    k = 0;
    for (int i = 0; i < s; i++) {
      if (feasible[i]) {
        energies[i] = e[k++];
      }
    }
    promoteLowestEnergy();
  }

  private void promoteLowestEnergy() {
    int best = -1;
    for (int i = 0; i < s; i++) {
      if (feasible[i] && (best < 0 || energies[i] < energies[best])) {
        best = i;
      }
    }
    if (best < 0) {
      best = 0;
      double least = sum(cv[0]);
      for (int i = 1; i < s; i++) {
        double v = sum(cv[i]);
        if (v < least) {
          least = v;
          best = i;
        }
      }
    }
    swap(best);
  }

  private void swap(int l) {
    double e = energies[0];
    energies[0] = energies[l];
    energies[l] = e;
    double[] p = pop[0];
    pop[0] = pop[l];
    pop[l] = p;
    boolean f = feasible[0];
    feasible[0] = feasible[l];
    feasible[l] = f;
    double[] c = cv[0];
    cv[0] = cv[l];
    cv[l] = c;
  }

  private static boolean acceptTrial(double eTrial, boolean fTrial, double[] cvTrial,
      double eOrig, boolean fOrig, double[] cvOrig) {
    if (fOrig && fTrial) {
      return eTrial <= eOrig;
    }
    if (fTrial) {
      return true;
    }
    for (int i = 0; i < cvTrial.length; i++) {
      if (!(cvTrial[i] <= cvOrig[i])) {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- mutation

  /** Partial Fisher-Yates of the index pool: the first 6 are a uniform draw, as SciPy's shuffle. */
  private int[] selectSamples(int candidate) {
    int take = Math.min(6, s);
    for (int i = 0; i < take; i++) {
      int k = i + rng.nextInt(s - i);
      int t = sampleIndex[i];
      sampleIndex[i] = sampleIndex[k];
      sampleIndex[k] = t;
    }
    int[] out = new int[5];
    int count = 0;
    for (int i = 0; i < take && count < 5; i++) {
      if (sampleIndex[i] != candidate) {
        out[count++] = sampleIndex[i];
      }
    }
    return out;
  }

  private double[] bprime(int candidate, int[] r) {
    double f = scale;
    double[] b = new double[n];
    double[] best = pop[0];
    for (int j = 0; j < n; j++) {
      b[j] = switch (cfg.strategy.mutation) {
        case BEST1 -> best[j] + f * (pop[r[0]][j] - pop[r[1]][j]);
        case RAND1 -> pop[r[0]][j] + f * (pop[r[1]][j] - pop[r[2]][j]);
        case RANDTOBEST1 -> {
          double v = pop[r[0]][j];
          v += f * (best[j] - v);
          v += f * (pop[r[1]][j] - pop[r[2]][j]);
          yield v;
        }
        case CURRENTTOBEST1 -> pop[candidate][j] + f * (best[j] - pop[candidate][j]
            + pop[r[0]][j] - pop[r[1]][j]);
        case BEST2 -> best[j] + f * (pop[r[0]][j] + pop[r[1]][j] - pop[r[2]][j] - pop[r[3]][j]);
        case RAND2 -> pop[r[0]][j] + f * (pop[r[1]][j] + pop[r[2]][j] - pop[r[3]][j]
            - pop[r[4]][j]);
      };
    }
    return b;
  }

  private double[] crossover(int candidate, double[] bprime, int fillPoint, double[] draws) {
    double[] trial = pop[candidate].clone();
    if (cfg.strategy.binomial) {
      for (int j = 0; j < n; j++) {
        if (j == fillPoint || draws[j] < cfg.recombination) {
          trial[j] = bprime[j];
        }
      }
    } else {
      int fill = fillPoint;
      for (int i = 0; i < n && (i == 0 || draws[i] < cfg.recombination); i++) {
        trial[fill] = bprime[fill];
        fill = (fill + 1) % n;
      }
    }
    return trial;
  }

  private double[] uniforms(int count) {
    double[] u = new double[count];
    for (int i = 0; i < count; i++) {
      u[i] = rng.nextDouble();
    }
    return u;
  }

  private double[] mutateCustom(int candidate, double[][] scaledPopulation) {
    double[] trial = cfg.customStrategy.trial(candidate, scaledPopulation, rng);
    if (trial == null || trial.length != n) {
      throw new OptimizeArgumentException("strategy must have signature f(candidate: int, "
          + "population: np.ndarray, rng=None) returning an array of shape (N,)");
    }
    return unscale(trial);
  }

  /** SciPy's _mutate (immediate updating): fill point, samples, crossover draws. */
  private double[] mutate(int candidate) {
    if (cfg.customStrategy != null) {
      return mutateCustom(candidate, scaleAll(pop));
    }
    int fillPoint = rng.nextInt(n);
    int[] r = selectSamples(candidate);
    double[] b = bprime(candidate, r);
    return crossover(candidate, b, fillPoint, uniforms(n));
  }

  /** SciPy's _mutate_many (deferred updating): all samples, then fill points, then draws. */
  private double[][] mutateMany() {
    double[][] trials = new double[s][];
    if (cfg.customStrategy != null) {
      double[][] scaled = scaleAll(pop);
      for (int c = 0; c < s; c++) {
        trials[c] = mutateCustom(c, scaled);
      }
      return trials;
    }
    double[][] b = new double[s][];
    for (int c = 0; c < s; c++) {
      b[c] = bprime(c, selectSamples(c));
    }
    int[] fill = new int[s];
    for (int c = 0; c < s; c++) {
      fill[c] = rng.nextInt(n);
    }
    for (int c = 0; c < s; c++) {
      trials[c] = crossover(c, b[c], fill[c], uniforms(n));
    }
    return trials;
  }

  /** Parameters outside [0, 1] are redrawn uniformly, in row-major order as SciPy. */
  private void ensureConstraint(double[] trial) {
    for (int j = 0; j < n; j++) {
      if (trial[j] > 1 || trial[j] < 0) {
        trial[j] = rng.nextDouble();
      }
    }
  }

  // ---------------------------------------------------------------- generations

  private void nextGeneration() throws Stop {
    if (cfg.dither) {
      scale = cfg.mutationLo + (cfg.mutationHi - cfg.mutationLo) * rng.nextDouble();
    }
    if (cfg.updating == Updating.IMMEDIATE) {
      immediateGeneration();
    } else {
      deferredGeneration();
    }
  }

  private void immediateGeneration() throws Stop {
    for (int c = 0; c < s; c++) {
      if (nfev > cfg.maxfun) {
        throw new Stop();
      }
      double[] trial = mutate(c);
      ensureConstraint(trial);
      double[] x = scaleParameters(trial);
      double[] violation;
      boolean feas;
      double energy = Double.POSITIVE_INFINITY;
      if (!constraints.isEmpty()) {
        violation = constraintViolation(x);
        feas = !(sum(violation) > 0);
      } else {
        violation = new double[m];
        feas = true;
      }
      if (feas) {
        energy = evaluator.evaluate(new double[][] {x})[0];
        nfev++;
      }
      if (acceptTrial(energy, feas, violation, energies[c], feasible[c], cv[c])) {
        pop[c] = trial;
        energies[c] = energy;
        feasible[c] = feas;
        cv[c] = violation;
        if (acceptTrial(energy, feas, violation, energies[0], feasible[0], cv[0])) {
          promoteLowestEnergy();
        }
      }
    }
  }

  private void deferredGeneration() throws Stop {
    if (nfev >= cfg.maxfun) {
      throw new Stop();
    }
    double[][] trials = mutateMany();
    for (double[] t : trials) {
      ensureConstraint(t);
    }
    boolean[] feas = new boolean[s];
    double[][] violation = feasibilities(trials, feas);
    double[] trialEnergies = new double[s];
    Arrays.fill(trialEnergies, Double.POSITIVE_INFINITY);
    int count = 0;
    for (boolean f : feas) {
      count += f ? 1 : 0;
    }
    double[][] rows = new double[count][];
    int k = 0;
    for (int i = 0; i < s; i++) {
      if (feas[i]) {
        rows[k++] = trials[i];
      }
    }
    double[] e = populationEnergies(rows);
    k = 0;
    for (int i = 0; i < s; i++) {
      if (feas[i]) {
        trialEnergies[i] = e[k++];
      }
    }
    for (int i = 0; i < s; i++) {
      if (acceptTrial(trialEnergies[i], feas[i], violation[i], energies[i], feasible[i], cv[i])) {
        pop[i] = trials[i];
        energies[i] = trialEnergies[i];
        feasible[i] = feas[i];
        cv[i] = violation[i];
      }
    }
    promoteLowestEnergy();
  }

  private boolean anyInfinite() {
    for (double e : energies) {
      if (Double.isInfinite(e)) {
        return true;
      }
    }
    return false;
  }

  private double mean() {
    double t = 0;
    for (double e : energies) {
      t += e;
    }
    return t / s;
  }

  private double std() {
    double mu = mean();
    double t = 0;
    for (double e : energies) {
      t += (e - mu) * (e - mu);
    }
    return Math.sqrt(t / s);
  }

  /** SciPy's convergence property: std / (|mean| + eps), inf while any energy is inf. */
  double convergence() {
    if (anyInfinite()) {
      return Double.POSITIVE_INFINITY;
    }
    return std() / (Math.abs(mean()) + MACHEPS);
  }

  /** std(energies) <= atol + tol * |mean(energies)|. */
  boolean converged() {
    if (anyInfinite()) {
      return false;
    }
    return std() <= cfg.atol + cfg.tol * Math.abs(mean());
  }

  private OptimizeResult result(int nit, String message, boolean warning, double convergence) {
    double[] x = scaleParameters(pop[0]);
    double maxcv = Double.NaN;
    boolean success = !warning;
    if (!constraints.isEmpty()) {
      maxcv = max(constraintViolation(x));
      if (maxcv > 0) {
        success = false;
      }
    }
    double[][] population = scaleAll(pop);
    return new OptimizeResult(x, energies[0], null, nfev, nit, success, message, population,
        energies.clone(), maxcv, convergence);
  }

  private static double max(double[] v) {
    double m = Double.NEGATIVE_INFINITY;
    for (double x : v) {
      m = Math.max(m, x);
    }
    return m;
  }

  OptimizeResult solve() {
    int nit = 0;
    boolean warning = false;
    String status = "Optimization terminated successfully.";
    if (allInfinite()) {
      initialEnergies();
    }
    boolean broke = false;
    for (nit = 1; nit <= cfg.maxiter; nit++) {
      try {
        nextGeneration();
      } catch (Stop stop) {
        warning = true;
        if (nfev > cfg.maxfun) {
          status = "Maximum number of function evaluations has been exceeded.";
        } else if (nfev == cfg.maxfun) {
          status = "Maximum number of function evaluations has been reached.";
        }
        broke = true;
        break;
      }
      if (cfg.callback != null) {
        double c = cfg.tol / (convergence() + MACHEPS);
        if (cfg.callback.stop(result(nit, "in progress", false, c))) {
          warning = true;
          status = "callback function requested stop early";
        }
      }
      if (warning || converged()) {
        broke = true;
        break;
      }
    }
    if (!broke) {
      nit = cfg.maxiter;
      status = "Maximum number of iterations has been exceeded.";
      warning = true;
    }
    OptimizeResult de = result(nit, status, warning, Double.NaN);
    double[] x = de.x();
    double fun = de.fun();
    double[] jac = null;
    if (cfg.polish && !allIntegers()) {
      double[] lo = limLo.clone();
      double[] hi = limHi.clone();
      for (int j = 0; j < n; j++) {
        if (integrality[j]) {
          lo[j] = x[j];
          hi[j] = x[j];
        }
      }
      if (!constraints.isEmpty() && de.constrViolation() > 0) {
        LOG.log(System.Logger.Level.WARNING, "differential evolution didn't find a solution "
            + "satisfying the constraints, attempting to polish from the least infeasible "
            + "solution");
      }
      OptimizeResult polished = Lbfgsb.minimize(evaluator, x.clone(), lo, hi,
          Lbfgsb.Options.defaults());
      nfev += polished.nfev();
      if (polished.fun() < fun && polished.success() && within(polished.x(), lo, hi)
          && feasibleAt(polished.x())) {
        fun = polished.fun();
        x = polished.x();
        jac = polished.jac();
        energies[0] = fun;
        pop[0] = unscale(x);
      }
    }
    double maxcv = Double.NaN;
    boolean success = de.success();
    String message = status;
    if (!constraints.isEmpty()) {
      maxcv = max(constraintViolation(x));
      if (maxcv > 0) {
        success = false;
        message = "The solution does not satisfy the constraints, MAXCV = " + maxcv;
      }
    }
    return new OptimizeResult(x, fun, jac, nfev, nit, success, message, scaleAll(pop),
        energies.clone(), maxcv, Double.NaN);
  }

  private boolean feasibleAt(double[] x) {
    return constraints.isEmpty() || !(sum(constraintViolation(x)) > 0);
  }

  private static boolean within(double[] x, double[] lo, double[] hi) {
    for (int j = 0; j < x.length; j++) {
      if (!(x[j] <= hi[j] && lo[j] <= x[j])) {
        return false;
      }
    }
    return true;
  }

  private boolean allInfinite() {
    for (double e : energies) {
      if (!Double.isInfinite(e)) {
        return false;
      }
    }
    return true;
  }

  private boolean allIntegers() {
    if (!anyIntegrality) {
      return false;
    }
    for (boolean b : integrality) {
      if (!b) {
        return false;
      }
    }
    return true;
  }
}
