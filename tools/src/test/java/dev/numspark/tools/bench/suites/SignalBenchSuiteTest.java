package dev.numspark.tools.bench.suites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.numspark.tools.bench.BenchCase;
import dev.numspark.tools.bench.BenchSuite;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SignalBenchSuiteTest {

  @Test
  void registeredWithWelchAndConvolutionsAtOneAndTwoWorkers() {
    BenchSuite suite = ServiceLoader.load(BenchSuite.class).stream().map(ServiceLoader.Provider::get)
        .filter(s -> s.name().equals("signal")).findFirst().orElseThrow();
    List<BenchCase> cases = suite.cases(true);
    Set<String> ops = cases.stream().map(BenchCase::operation).collect(Collectors.toSet());
    assertEquals(Set.of("welch", "fftconvolve", "oaconvolve"), ops);
    assertEquals(Set.of(1, 2), cases.stream().map(BenchCase::workers).collect(Collectors.toSet()));
    for (BenchCase c : cases) {
      assertNotNull(c.pythonStmt(), c.operation());
      assertTrue(c.pythonStmt().startsWith("scipy.signal."), c.pythonStmt());
    }
  }
}
