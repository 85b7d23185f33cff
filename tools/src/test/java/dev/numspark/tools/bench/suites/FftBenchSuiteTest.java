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

class FftBenchSuiteTest {

  @Test
  void isRegisteredAndCoversTheIssueCasesAtOneAndTwoWorkers() {
    BenchSuite suite = ServiceLoader.load(BenchSuite.class).stream()
        .map(ServiceLoader.Provider::get).filter(s -> s.name().equals("fft")).findFirst()
        .orElseThrow();
    List<BenchCase> cases = suite.cases(false);
    Set<String> sizes = cases.stream().map(c -> c.operation() + " " + c.size())
        .collect(Collectors.toSet());
    // issue 4's cases, and issue 19's sizes: 16 rows to 128 MB, pow-2, 5-smooth and prime; and
    // 7-smooth (radix 7)
    assertEquals(Set.of("fft 1024x4096", "rfft 4096x4096", "fft 1024x1009", "fft 4194304",
        "fft2 2048x2048", "fft out= 1024x4096", "rfft out= 4096x4096",
        "fft 16x1024", "fft 128x4096", "fft 4096x2048", "rfft 16x4096", "rfft 512x4096",
        "fft 256x1000", "rfft 256x1280", "fft 256x4800", "rfft 256x1009", "irfft 512x4096",
        "irfft 256x1280", "fft 256x1008", "rfft 64x44100"), sizes);
    for (String peer : new String[] {"scipy", "jtransforms"}) {
      for (int workers : new int[] {1, 2}) {
        long n = cases.stream().filter(c -> c.peerName().equals(peer) && c.workers() == workers)
            .count();
        // the out= cases have JTransforms (in place, reused array) as their only peer
        assertEquals(peer.equals("scipy") ? 18 : 20, n, peer + " workers " + workers);
      }
    }
    Set<String> quick = suite.cases(true).stream()
        .map(c -> c.operation() + " " + c.size() + " " + c.peerName()).collect(Collectors.toSet());
    assertEquals(Set.of("fft 16x1024 scipy", "fft 128x4096 scipy", "fft 128x4096 jtransforms",
        "rfft 512x4096 scipy", "rfft 512x4096 jtransforms", "fft 128x1009 scipy",
        "rfft 128x4800 scipy"), quick);
    for (BenchCase c : cases) {
      if (c.peerName().equals("scipy")) {
        assertTrue(c.pythonStmt().contains("workers=" + c.workers()), c.pythonStmt());
      } else {
        assertNotNull(c.javaPeer());
      }
      assertTrue(c.work() > 0);
    }
  }

  /** The quick cases run once without failing (a smoke test, no timing). */
  @Test
  void quickCasesRun() {
    for (BenchCase c : new FftBenchSuite().cases(true)) {
      if (c.workers() == 2) {
        c.setup().get().run();
        if (c.javaPeer() != null) {
          c.javaPeer().get().run();
        }
      }
    }
  }
}
