package dev.numspark.fft.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.numspark.fft.Fft;
import org.junit.jupiter.api.Test;

class PlanCacheTest {
  @Test
  void planCacheStaysBounded() {
    for (int n = 2; n < 2 + 2 * PlanCache.MAX_PLANS; n++) {
      Fft.fft(new double[n]);
    }
    assertTrue(PlanCache.size() <= PlanCache.MAX_PLANS, "cached plans: " + PlanCache.size());
  }
}
