package dev.numspark.linalg;

import dev.numspark.array.NdArray;

/**
 * The result of {@link Linalg#eig}: complex eigenvalues {@code w} and the right eigenvectors as
 * the columns of {@code v} (unit norm, largest component real, as LAPACK's geev). As SciPy, v is
 * real when every eigenvalue of the whole input is real, complex otherwise; null when only values
 * were asked for.
 */
public record EigResult(NdArray w, NdArray v) {}
