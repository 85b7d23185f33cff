package dev.numspark.optimize;

import breeze.linalg.DenseVector;
import breeze.linalg.support.CanCopy;
import breeze.linalg.support.CanCreateZerosLike;
import breeze.optimize.ApproximateGradientFunction;
import breeze.optimize.DiffFunction;
import breeze.optimize.FirstOrderMinimizer;
import breeze.optimize.LBFGSB;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

/**
 * L-BFGS-B by Breeze ({@code breeze.optimize.LBFGSB}) with SciPy's numerical gradient: forward
 * differences with the absolute step {@code eps} (default 1e-8), flipped or shortened near a bound
 * exactly as SciPy's {@code approx_derivative(..., '2-point', abs_step=eps, bounds=...)}. The
 * {@code n} difference points of a gradient go to the evaluator as one batch, so they run on the
 * caller's workers. {@code nfev} counts every objective evaluation, as SciPy does.
 */
final class Lbfgsb {

  /** SciPy's L-BFGS-B options (maxcor, ftol, eps, maxfun, maxiter); gtol is Breeze's 1e-5. */
  record Options(int maxcor, double ftol, double eps, long maxfun, int maxiter) {
    static Options defaults() {
      return new Options(10, 2.2204460492503131e-09, 1e-8, 15000, 15000);
    }
  }

  /*
   * Breeze runs LAPACK on 2m x 2m matrices; OpenBLAS's multithreaded LAPACK needs more native stack
   * than a default 1 MB JVM thread has and crashes the JVM. We therefore run the minimizer on its
   * own thread with a large stack instead of changing OpenBLAS's process-wide thread count.
   */
  private static final long STACK_BYTES = 64L << 20;

  private Lbfgsb() {}

  static OptimizeResult minimize(Evaluator evaluator, double[] x0, double[] lb, double[] ub,
      Options options) {
    AtomicReference<Object> outcome = new AtomicReference<>();
    Thread thread = new Thread(null, () -> {
      try {
        outcome.set(run(evaluator, x0, lb, ub, options));
      } catch (Throwable t) {
        outcome.set(t);
      }
    }, "numspark-lbfgsb", STACK_BYTES);
    thread.setDaemon(true);
    thread.start();
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    Object o = outcome.get();
    if (o instanceof RuntimeException e) {
      throw e;
    }
    if (o instanceof Error e) {
      throw e;
    }
    return (OptimizeResult) o;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static OptimizeResult run(Evaluator evaluator, double[] x0, double[] lb, double[] ub,
      Options options) {
    int n = x0.length;
    double[] start = x0.clone();
    for (int i = 0; i < n; i++) {
      start[i] = Math.min(Math.max(start[i], lb[i]), ub[i]);
    }
    Problem problem = new Problem(evaluator, lb, ub, options);
    LBFGSB solver = new LBFGSB(new DenseVector<Object>(lb.clone()),
        new DenseVector<Object>(ub.clone()), options.maxiter(), options.maxcor(), options.ftol(),
        64, 64);
    scala.collection.Iterator<FirstOrderMinimizer.State<DenseVector<Object>, Object, Object>> it =
        (scala.collection.Iterator) solver.iterations(problem.diffFunction(),
            new DenseVector<Object>(start));
    FirstOrderMinimizer.State<DenseVector<Object>, Object, Object> state = null;
    String message;
    boolean success;
    try {
      while (it.hasNext()) {
        state = it.next();
        if (problem.nfev > options.maxfun()) {
          break;
        }
      }
      if (problem.nfev > options.maxfun()) {
        message = "STOP: TOTAL NO. OF F,G EVALUATIONS EXCEEDS LIMIT";
        success = false;
      } else {
        String reason = state.convergenceReason().isDefined()
            ? state.convergenceReason().get().getClass().getSimpleName() : "";
        switch (reason) {
          case "FunctionValuesConverged$" -> {
            message = "CONVERGENCE: RELATIVE REDUCTION OF F <= FACTR*EPSMCH";
            success = true;
          }
          case "MaxIterations$" -> {
            message = "STOP: TOTAL NO. OF ITERATIONS REACHED LIMIT";
            success = false;
          }
          case "SearchFailed$" -> {
            message = "ABNORMAL: the line search failed";
            success = false;
          }
          default -> {
            message = "CONVERGENCE: NORM OF PROJECTED GRADIENT <= PGTOL";
            success = true;
          }
        }
      }
    } catch (ObjectiveException e) {
      throw e;
    } catch (RuntimeException | AssertionError e) {
      // Breeze signals a failed line search or a degenerate step by throwing; keep the best point.
      message = "ABNORMAL: " + e;
      success = false;
    }
    double[] x = problem.bestX != null ? problem.bestX : start;
    double fun = problem.bestX != null ? problem.bestF : Double.NaN;
    double[] jac = problem.bestGrad;
    if (state != null && problem.bestX == null) {
      x = ((double[]) state.x().data()).clone();
      fun = state.value();
    }
    return new OptimizeResult(x, fun, jac, problem.nfev,
        state == null ? 0 : state.iter(), success, message, null, null, Double.NaN, Double.NaN);
  }

  /** The objective and its forward-difference gradient, with a one-point cache as SciPy's. */
  private static final class Problem {
    private final Evaluator evaluator;
    private final double[] lb;
    private final double[] ub;
    private final Options options;
    long nfev;
    private double[] lastX;
    private double lastF;
    private double[] lastGrad;
    double[] bestX;
    double bestF = Double.POSITIVE_INFINITY;
    double[] bestGrad;

    Problem(Evaluator evaluator, double[] lb, double[] ub, Options options) {
      this.evaluator = evaluator;
      this.lb = lb;
      this.ub = ub;
      this.options = options;
    }

    private void evaluateAt(double[] x) {
      if (lastX != null && Arrays.equals(lastX, x)) {
        return;
      }
      for (double v : x) {
        if (Double.isNaN(v)) {
          // Breeze's line search degenerates (0/0) near a stationary point; stop, keep the best.
          throw new IllegalStateException("the line search produced a NaN point");
        }
      }
      // Parameters with equal bounds are fixed: SciPy's minimize removes them from the problem,
      // so they get no difference point (and no evaluation).
      int n = x.length;
      int[] free = new int[n];
      int nFree = 0;
      for (int i = 0; i < n; i++) {
        if (lb[i] != ub[i]) {
          free[nFree++] = i;
        }
      }
      double[][] points = new double[nFree + 1][];
      double[] dx = new double[nFree];
      points[0] = x.clone();
      for (int k = 0; k < nFree; k++) {
        int i = free[k];
        double[] p = x.clone();
        p[i] = x[i] + step(x[i], lb[i], ub[i]);
        dx[k] = p[i] - x[i];
        points[k + 1] = p;
      }
      double[] values = evaluator.evaluate(points);
      nfev += points.length;
      double f0 = values[0];
      double[] grad = new double[n];
      for (int k = 0; k < nFree; k++) {
        grad[free[k]] = (values[k + 1] - f0) / dx[k];
      }
      lastX = x.clone();
      lastF = f0;
      lastGrad = grad;
      if (f0 < bestF || bestX == null) {
        bestX = lastX;
        bestF = f0;
        bestGrad = grad;
      }
    }

    /** SciPy's 2-point step with abs_step=eps, adjusted to the bounds ('1-sided' scheme). */
    private double step(double x, double lo, double hi) {
      double h = options.eps();
      if ((x + h) - x == 0) {
        h = Math.sqrt(Math.ulp(1.0)) * (x >= 0 ? 1 : -1) * Math.max(1.0, Math.abs(x));
      }
      if (lo == Double.NEGATIVE_INFINITY && hi == Double.POSITIVE_INFINITY) {
        return h;
      }
      double lowerDist = x - lo;
      double upperDist = hi - x;
      double moved = x + h;
      boolean violated = moved < lo || moved > hi;
      boolean fitting = Math.abs(h) <= Math.max(lowerDist, upperDist);
      if (violated && fitting) {
        return -h;
      }
      if (!fitting) {
        return upperDist >= lowerDist ? upperDist : -lowerDist;
      }
      return h;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    DiffFunction<DenseVector<Object>> diffFunction() {
      /*
       * Java cannot implement Breeze's DiffFunction (its Scala apply methods clash), so we use
       * ApproximateGradientFunction as a carrier: its value function is our objective, its
       * "zeros" factory returns our gradient and its tensor view is empty, so Breeze's own
       * finite-difference loop never runs.
       */
      scala.Function1<DenseVector<Object>, Object> value =
          new scala.runtime.AbstractFunction1<DenseVector<Object>, Object>() {
            @Override
            public Object apply(DenseVector<Object> v) {
              evaluateAt(dense(v));
              return lastF;
            }
          };
      CanCreateZerosLike<DenseVector<Object>, DenseVector<Object>> gradient = v -> {
        evaluateAt(dense(v));
        return new DenseVector<Object>(lastGrad.clone());
      };
      CanCopy<DenseVector<Object>> copy = v -> v;
      return new ApproximateGradientFunction(value, 1.0, gradient, new EmptyTensorView(), copy);
    }

    private static double[] dense(DenseVector<Object> v) {
      double[] data = (double[]) v.data();
      if (v.offset() == 0 && v.stride() == 1 && data.length == v.length()) {
        return data;
      }
      double[] out = new double[v.length()];
      for (int i = 0; i < out.length; i++) {
        out[i] = data[v.offset() + i * v.stride()];
      }
      return out;
    }
  }
}
