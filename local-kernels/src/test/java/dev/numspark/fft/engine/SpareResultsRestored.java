package dev.numspark.fft.engine;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Each test starts with no spare and no remembered size, and afterwards the spare-results switch
 * ({@link FftConfig#spareResults}) and {@link SpareResults#minSpareBytes} are as they were,
 * whatever the test set.
 */
final class SpareResultsRestored implements BeforeEachCallback, AfterEachCallback {
  private boolean enabled;
  private long minSpareBytes;

  @Override
  public void beforeEach(ExtensionContext context) {
    enabled = FftConfig.spareResults;
    minSpareBytes = SpareResults.minSpareBytes;
    SpareResults.clear();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    FftConfig.spareResults = enabled;
    SpareResults.minSpareBytes = minSpareBytes;
    SpareResults.clear();
  }
}
