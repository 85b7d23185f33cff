package dev.numspark.optimize;

import java.util.List;
import java.util.Locale;

/**
 * Classic test problems: SciPy's {@code rosen} and {@code rosen_der}, and the global-optimization
 * suite (sphere, rastrigin, ackley, griewank, styblinski_tang, levy, schwefel) in {@code n}
 * dimensions. Each has its known minimum in {@link #minimum(String, int)}.
 */
public final class TestFunctions {

  /** Names accepted by {@link #named(String)}, SciPy spelling. */
  public static final List<String> NAMES = List.of("rosen", "sphere", "rastrigin", "ackley",
      "griewank", "styblinski_tang", "levy", "schwefel");

  private static final double STYBLINSKI_TANG_MIN = -39.16616570377142;
  private static final double SCHWEFEL_CONSTANT = 418.9828872724338;

  private TestFunctions() {}

  /** {@code sum(100 (x[i+1] - x[i]^2)^2 + (1 - x[i])^2)}; minimum 0 at all ones. */
  public static double rosen(double[] x) {
    double s = 0;
    for (int i = 0; i + 1 < x.length; i++) {
      double a = x[i + 1] - x[i] * x[i];
      double b = 1 - x[i];
      s += 100 * a * a + b * b;
    }
    return s;
  }

  /** The gradient of {@link #rosen}, as SciPy's {@code rosen_der}. */
  public static double[] rosenDer(double[] x) {
    int n = x.length;
    double[] d = new double[n];
    for (int i = 1; i + 1 < n; i++) {
      d[i] = 200 * (x[i] - x[i - 1] * x[i - 1]) - 400 * (x[i + 1] - x[i] * x[i]) * x[i]
          - 2 * (1 - x[i]);
    }
    if (n > 1) {
      d[0] = -400 * x[0] * (x[1] - x[0] * x[0]) - 2 * (1 - x[0]);
      d[n - 1] = 200 * (x[n - 1] - x[n - 2] * x[n - 2]);
    }
    return d;
  }

  /** {@code sum(x^2)}; minimum 0 at the origin. */
  public static double sphere(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v * v;
    }
    return s;
  }

  /** {@code 10 n + sum(x^2 - 10 cos(2 pi x))}; minimum 0 at the origin. */
  public static double rastrigin(double[] x) {
    double s = 10.0 * x.length;
    for (double v : x) {
      s += v * v - 10 * Math.cos(2 * Math.PI * v);
    }
    return s;
  }

  /** Ackley's function in n dimensions (a=20, b=0.2, c=2 pi); minimum 0 at the origin. */
  public static double ackley(double[] x) {
    double sq = 0;
    double cs = 0;
    for (double v : x) {
      sq += v * v;
      cs += Math.cos(2 * Math.PI * v);
    }
    int n = x.length;
    return -20 * Math.exp(-0.2 * Math.sqrt(sq / n)) - Math.exp(cs / n) + 20 + Math.E;
  }

  /** {@code 1 + sum(x^2)/4000 - prod(cos(x_i / sqrt(i)))}; minimum 0 at the origin. */
  public static double griewank(double[] x) {
    double s = 0;
    double p = 1;
    for (int i = 0; i < x.length; i++) {
      s += x[i] * x[i];
      p *= Math.cos(x[i] / Math.sqrt(i + 1));
    }
    return 1 + s / 4000 - p;
  }

  /** {@code sum(x^4 - 16 x^2 + 5 x) / 2}; minimum -39.16616570377142 n at x = -2.903534... */
  public static double styblinskiTang(double[] x) {
    double s = 0;
    for (double v : x) {
      double v2 = v * v;
      s += v2 * v2 - 16 * v2 + 5 * v;
    }
    return 0.5 * s;
  }

  /** Levy's function; minimum 0 at all ones. */
  public static double levy(double[] x) {
    int n = x.length;
    double w0 = 1 + (x[0] - 1) / 4;
    double wn = 1 + (x[n - 1] - 1) / 4;
    double s0 = Math.sin(Math.PI * w0);
    double s = s0 * s0;
    for (int i = 0; i + 1 < n; i++) {
      double w = 1 + (x[i] - 1) / 4;
      double si = Math.sin(Math.PI * w + 1);
      s += (w - 1) * (w - 1) * (1 + 10 * si * si);
    }
    double sn = Math.sin(2 * Math.PI * wn);
    return s + (wn - 1) * (wn - 1) * (1 + sn * sn);
  }

  /** {@code 418.9829 n - sum(x sin(sqrt|x|))}; minimum about 0 at x = 420.9687... */
  public static double schwefel(double[] x) {
    double s = SCHWEFEL_CONSTANT * x.length;
    for (double v : x) {
      s -= v * Math.sin(Math.sqrt(Math.abs(v)));
    }
    return s;
  }

  /** The objective for a name in {@link #NAMES}. */
  public static Objective named(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "rosen" -> TestFunctions::rosen;
      case "sphere" -> TestFunctions::sphere;
      case "rastrigin" -> TestFunctions::rastrigin;
      case "ackley" -> TestFunctions::ackley;
      case "griewank" -> TestFunctions::griewank;
      case "styblinski_tang", "styblinski-tang" -> TestFunctions::styblinskiTang;
      case "levy" -> TestFunctions::levy;
      case "schwefel" -> TestFunctions::schwefel;
      default -> throw new OptimizeArgumentException("unknown test function '" + name
          + "'; expected one of " + String.join(", ", NAMES));
    };
  }

  /** The global minimum value of a named function in {@code n} dimensions. */
  public static double minimum(String name, int n) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "styblinski_tang", "styblinski-tang" -> STYBLINSKI_TANG_MIN * n;
      case "schwefel" -> schwefel(filled(n, 420.9687463593991));
      default -> {
        named(name);
        yield 0.0;
      }
    };
  }

  /** The usual search box of a named function, {@code [lo, hi]} per dimension. */
  public static Bounds bounds(String name, int n) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "rosen" -> Bounds.uniform(n, -5, 5);
      case "sphere", "styblinski_tang", "styblinski-tang" -> Bounds.uniform(n, -5, 5);
      case "rastrigin" -> Bounds.uniform(n, -5.12, 5.12);
      case "ackley" -> Bounds.uniform(n, -32.768, 32.768);
      case "griewank" -> Bounds.uniform(n, -600, 600);
      case "levy" -> Bounds.uniform(n, -10, 10);
      case "schwefel" -> Bounds.uniform(n, -500, 500);
      default -> throw new OptimizeArgumentException("unknown test function '" + name + "'");
    };
  }

  private static double[] filled(int n, double v) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, v);
    return a;
  }
}
