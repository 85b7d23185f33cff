package dev.numspark.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Ids name a case by suite, section and position, the same in the runner and in a JMH fork. */
class CaseCatalogTest {

  @Test
  void findsTheRegisteredSuitesAndTheirCasesById() {
    assertTrue(CaseCatalog.suites().stream().anyMatch(s -> s.name().equals("fft")));
    BenchCase square = CaseCatalog.find("fake/compare/1", true);
    assertEquals("square", square.operation());
    assertEquals("1000", square.size());
    assertEquals("2000", CaseCatalog.find("fake/compare/1", false).size());
    assertEquals("rfft", CaseCatalog.find("fft/scaling/0", true).operation());
  }

  @Test
  void badIdsAreErrors() {
    assertThrows(IllegalArgumentException.class, () -> CaseCatalog.find("fake", true));
    assertThrows(IllegalArgumentException.class, () -> CaseCatalog.find("nope/compare/0", true));
    assertThrows(IndexOutOfBoundsException.class, () -> CaseCatalog.find("fake/compare/9", true));
  }
}
