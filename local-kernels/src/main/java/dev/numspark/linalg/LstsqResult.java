package dev.numspark.linalg;

import dev.numspark.array.NdArray;

/**
 * The result of {@link Linalg#lstsq}, as {@code scipy.linalg.lstsq}: the solution {@code x}, the
 * squared residual norms {@code residues} (empty unless rows &gt; columns and full rank), the
 * effective {@code rank} of each matrix of the batch (in batch order) and its singular values
 * {@code s}.
 */
public record LstsqResult(NdArray x, NdArray residues, int[] rank, NdArray s) {}
