package dev.numspark.linalg;

import dev.numspark.array.NdArray;

/**
 * The result of {@link Linalg#choFactor}, as {@code scipy.linalg.cho_factor}: the Cholesky factor
 * in the triangle selected by {@code lower}; the other triangle keeps the input's entries.
 */
public record ChoFactor(NdArray c, boolean lower) {}
