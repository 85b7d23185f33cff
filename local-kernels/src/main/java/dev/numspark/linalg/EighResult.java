package dev.numspark.linalg;

import dev.numspark.array.NdArray;

/**
 * The result of {@link Linalg#eigh}: eigenvalues {@code w} in ascending order and, unless only
 * values were asked for (then null), the orthonormal eigenvectors as the columns of {@code v}.
 */
public record EighResult(NdArray w, NdArray v) {}
