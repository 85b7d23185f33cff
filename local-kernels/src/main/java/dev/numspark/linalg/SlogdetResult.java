package dev.numspark.linalg;

import dev.numspark.array.NdArray;

/**
 * The result of {@link Linalg#slogdet}, as {@code numpy.linalg.slogdet}: det = sign *
 * exp(logabsdet); a singular matrix has sign 0 and logabsdet -inf.
 */
public record SlogdetResult(NdArray sign, NdArray logabsdet) {}
