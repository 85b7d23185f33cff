package dev.numspark.tools.bench;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The registered suites and their cases by id. An id ({@code fft/compare/3},
 * {@code fft/scaling/0}) names a case by suite, section and position, so that a JMH fork, which
 * starts from nothing but strings, finds the same case as the runner.
 */
public final class CaseCatalog {
  static final String COMPARE = "compare";
  static final String SCALING = "scaling";

  private CaseCatalog() {}

  /** Every suite found by {@link ServiceLoader}; a suite that cannot load is left out. */
  public static List<BenchSuite> suites() {
    List<BenchSuite> suites = new ArrayList<>();
    Iterator<BenchSuite> it =
        ServiceLoader.load(BenchSuite.class, CaseCatalog.class.getClassLoader()).iterator();
    while (true) {
      try {
        if (!it.hasNext()) {
          break;
        }
        suites.add(it.next());
      } catch (ServiceConfigurationError e) {
        // e.g. the Spark suite when Spark is not on the class path: the others still run
      }
    }
    return suites;
  }

  static String id(String suite, String section, int index) {
    return suite + "/" + section + "/" + index;
  }

  /** The cases of one section of a suite. */
  static List<BenchCase> cases(BenchSuite suite, String section, boolean quick) {
    if (section.equals(COMPARE)) {
      return suite.cases(quick);
    }
    List<BenchCase> own = suite.scaling(quick);
    return own.isEmpty() ? ScalingCases.of(suite.name(), quick) : own;
  }

  /** The case with this id. */
  public static BenchCase find(String id, boolean quick) {
    String[] parts = id.split("/");
    if (parts.length != 3) {
      throw new IllegalArgumentException("bad case id '" + id + "'");
    }
    for (BenchSuite suite : suites()) {
      if (suite.name().equals(parts[0])) {
        return cases(suite, parts[1], quick).get(Integer.parseInt(parts[2]));
      }
    }
    throw new IllegalArgumentException("no benchmark suite named '" + parts[0] + "'");
  }
}
