package dev.numspark.fft.engine;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Lets a test class's small arrays run on several workers too ({@link FftConfig#parallelMinBytes}
 * 0), else "workers 1 vs 2" would compare one path with itself; restored after the class. Public
 * for FftTest, which checks the same through the public API.
 */
public final class ParallelEvenWhenSmall implements BeforeAllCallback, AfterAllCallback {
  private long saved;

  @Override
  public void beforeAll(ExtensionContext context) {
    saved = FftConfig.parallelMinBytes;
    FftConfig.parallelMinBytes = 0;
  }

  @Override
  public void afterAll(ExtensionContext context) {
    FftConfig.parallelMinBytes = saved;
  }
}
