package dev.numspark.tools.cli;

import java.util.List;

/**
 * Supplies kernel operations to {@code bin/numspark kernel}; one per concern (FFT, signal, linear
 * algebra, optimize), registered in {@code META-INF/services/dev.numspark.tools.cli.KernelOpProvider}.
 */
public interface KernelOpProvider {
  List<KernelOp> ops();
}
