package dev.numspark.signal;

import dev.numspark.array.NdArray;

/**
 * The result of {@code welch}, {@code periodogram} and {@code csd}: the sample frequencies and the
 * spectrum, shaped like the input with the signal axis replaced by the frequencies (float64 for
 * power spectra, complex128 for cross spectra).
 */
public record Spectrum(double[] freqs, NdArray values) {}
