package dev.numspark.signal;

import dev.numspark.array.NdArray;

/**
 * The result of {@code spectrogram} and {@code stft}: frequencies, segment times and the values,
 * shaped like the input with the signal axis replaced by the frequencies and the segment times as a
 * new last axis (SciPy's {@code Sxx} / {@code Zxx}).
 */
public record Spectrogram(double[] freqs, double[] times, NdArray values) {}
