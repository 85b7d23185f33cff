package dev.numspark.fft.engine;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Each test starts with no spare and no remembered size, and afterwards {@link SpareResults}'
 * switches ({@code enabled}, {@code minSpareBytes}) are as they were, whatever the test set.
 */
final class SpareResultsRestored implements BeforeEachCallback, AfterEachCallback {
  private boolean enabled;
  private long minSpareBytes;

  @Override
  public void beforeEach(ExtensionContext context) {
    enabled = SpareResults.enabled;
    minSpareBytes = SpareResults.minSpareBytes;
    SpareResults.clear();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    SpareResults.enabled = enabled;
    SpareResults.minSpareBytes = minSpareBytes;
    SpareResults.clear();
  }
}
