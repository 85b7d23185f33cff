package dev.numspark.tools.kernel;

import dev.numspark.optimize.Bounds;
import dev.numspark.optimize.Brute;
import dev.numspark.optimize.DifferentialEvolution;
import dev.numspark.optimize.Objective;
import dev.numspark.optimize.Optimize;
import dev.numspark.optimize.TestFunctions;
import dev.numspark.examples.options.Args;
import dev.numspark.examples.options.OptionException;
import dev.numspark.tools.cli.KernelOp;
import dev.numspark.tools.cli.KernelOpProvider;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bin/numspark kernel differential_evolution|brute|minimize}: optimize a named test function
 * ({@link TestFunctions}) and print one JSON object (x, fun, nfev, nit, success, message).
 * {@code --cost-ms} adds that much busy work to every evaluation, to study parallel speed-up.
 */
public final class OptimizeKernelOps implements KernelOpProvider {

  @Override
  public List<KernelOp> ops() {
    return List.of(new DifferentialEvolutionOp(), new BruteOp(), new MinimizeOp());
  }

  /** A test function plus optional busy work per call (serializable for mappers). */
  public static Objective costly(String name, double costMs) {
    Objective f = TestFunctions.named(name);
    if (costMs < 0 || !Double.isFinite(costMs)) {
      throw new OptionException("--cost-ms must be a non-negative number, got " + costMs);
    }
    if (costMs == 0) {
      return f;
    }
    long nanos = (long) (costMs * 1e6);
    return x -> {
      busyWait(nanos);
      return f.applyAsDouble(x);
    };
  }

  /** Spins (no sleep) so the evaluation really occupies a core, like a costly objective. */
  static void busyWait(long nanos) {
    long end = System.nanoTime() + nanos;
    while (System.nanoTime() < end) {
      Thread.onSpinWait();
    }
  }

  private static String func(Args args) {
    String name = args.string("func", null);
    if (name == null) {
      throw new OptionException("option --func is required (one of "
          + String.join(", ", TestFunctions.NAMES) + ")");
    }
    TestFunctions.named(name);
    return name;
  }

  private static Bounds bounds(Args args) {
    String text = args.string("bounds", null);
    if (text == null) {
      throw new OptionException("option --bounds is required, e.g. --bounds -5:5,-5:5");
    }
    return Bounds.parse(text);
  }

  private static void noPositionals(Args args) {
    if (!args.positionals().isEmpty()) {
      throw new OptionException("this kernel takes no files; got " + args.positionals());
    }
  }

  static final class DifferentialEvolutionOp implements KernelOp {
    @Override
    public String name() {
      return "differential_evolution";
    }

    @Override
    public String usage() {
      return "differential_evolution --func NAME --bounds LO:HI,... [--seed S] [--workers W] "
          + "[--strategy best1bin] [--popsize 15] [--maxiter 1000] [--tol 0.01] [--atol 0] "
          + "[--mutation 0.5:1] [--recombination 0.7] [--init latinhypercube] "
          + "[--updating immediate] [--polish true] [--cost-ms 0]";
    }

    @Override
    public void run(Args args, PrintStream out) {
      String name = func(args);
      Bounds bounds = bounds(args);
      DifferentialEvolution de = DifferentialEvolution.minimize(
          costly(name, args.number("cost-ms", 0.0)), bounds);
      Integer seed = args.integer("seed", null);
      if (seed != null) {
        de.seed(seed);
      }
      Integer workers = args.integer("workers", null);
      if (workers != null) {
        de.workers(workers);
      }
      de.strategy(args.string("strategy", "best1bin"));
      de.popsize(args.integer("popsize", 15));
      de.maxiter(args.integer("maxiter", 1000));
      de.tol(args.number("tol", 0.01));
      de.atol(args.number("atol", 0.0));
      String mutation = args.string("mutation", "0.5:1");
      String[] parts = mutation.split(":");
      try {
        if (parts.length == 1) {
          de.mutation(Double.parseDouble(parts[0]));
        } else if (parts.length == 2) {
          de.mutation(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]));
        } else {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        throw new OptionException("option --mutation expects F or MIN:MAX, got '" + mutation + "'");
      }
      de.recombination(args.number("recombination", 0.7));
      de.init(args.string("init", "latinhypercube"));
      de.updating(args.string("updating", "immediate"));
      de.polish(args.bool("polish", true));
      noPositionals(args);
      args.finish();
      out.println(de.run().toJson());
    }
  }

  static final class BruteOp implements KernelOp {
    @Override
    public String name() {
      return "brute";
    }

    @Override
    public String usage() {
      return "brute --func NAME --bounds LO:HI,... [--ns 20] [--finish none|L-BFGS-B] "
          + "[--workers W] [--cost-ms 0]";
    }

    @Override
    public void run(Args args, PrintStream out) {
      String name = func(args);
      Bounds bounds = bounds(args);
      Objective f = costly(name, args.number("cost-ms", 0.0));
      int ns = args.integer("ns", 20);
      String finish = args.string("finish", "none");
      Brute.Finish fin = switch (finish.toUpperCase(java.util.Locale.ROOT)) {
        case "NONE" -> Brute.Finish.NONE;
        case "L-BFGS-B", "LBFGSB" -> Brute.Finish.LBFGSB;
        default -> throw new OptionException("option --finish expects none or L-BFGS-B, got '"
            + finish + "'");
      };
      Integer workers = args.integer("workers", null);
      noPositionals(args);
      args.finish();
      List<Brute.Range> ranges = new ArrayList<>();
      double[] lb = bounds.lb();
      double[] ub = bounds.ub();
      for (int i = 0; i < lb.length; i++) {
        ranges.add(Brute.Range.of(lb[i], ub[i]));
      }
      out.println(Brute.minimize(f, ranges, ns, fin, workers).toJson());
    }
  }

  static final class MinimizeOp implements KernelOp {
    @Override
    public String name() {
      return "minimize";
    }

    @Override
    public String usage() {
      return "minimize --func NAME --x0 X,... [--method L-BFGS-B] [--bounds LO:HI,...] "
          + "[--workers W] [--cost-ms 0]";
    }

    @Override
    public void run(Args args, PrintStream out) {
      String name = func(args);
      String x0Text = args.string("x0", null);
      if (x0Text == null) {
        throw new OptionException("option --x0 is required, e.g. --x0 0.5,-1");
      }
      String[] parts = x0Text.split(",");
      double[] x0 = new double[parts.length];
      try {
        for (int i = 0; i < parts.length; i++) {
          x0[i] = Double.parseDouble(parts[i].trim());
        }
      } catch (NumberFormatException e) {
        throw new OptionException("option --x0 expects comma-separated numbers, got '" + x0Text
            + "'");
      }
      String method = args.string("method", "L-BFGS-B");
      Bounds bounds = args.has("bounds") ? bounds(args) : null;
      Objective f = costly(name, args.number("cost-ms", 0.0));
      Integer workers = args.integer("workers", null);
      noPositionals(args);
      args.finish();
      out.println(Optimize.minimize(f, x0, method, bounds, workers).toJson());
    }
  }
}
