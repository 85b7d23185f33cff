package dev.numspark.tools.bench.suites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.numspark.tools.bench.BenchCase;
import dev.numspark.tools.bench.BenchSuite;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The suite is registered and its cases are well formed (no timing here). */
class LinalgBenchSuiteTest {
  @Test
  void suiteIsRegisteredWithPeersForEveryCase() {
    BenchSuite suite = ServiceLoader.load(BenchSuite.class).stream()
        .map(ServiceLoader.Provider::get).filter(s -> s.name().equals("linalg")).findFirst()
        .orElseThrow();
    assertFalse(suite.cases(true).isEmpty());
    for (BenchCase c : suite.cases(true)) {
      assertTrue(c.javaPeer() != null || c.pythonStmt() != null, c.operation() + " has a peer");
      assertNotNull(c.setup());
      assertTrue(c.workers() >= 1);
    }
    assertEquals(13, suite.cases(false).size()); // 9 real cases, complex eigh and solve at w1, w2
  }
}
