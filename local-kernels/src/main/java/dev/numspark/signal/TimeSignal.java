package dev.numspark.signal;

import dev.numspark.array.NdArray;

/** The result of {@code istft}: sample times and the reconstructed signal. */
public record TimeSignal(double[] times, NdArray x) {}
