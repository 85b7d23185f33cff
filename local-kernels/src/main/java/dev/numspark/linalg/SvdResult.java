package dev.numspark.linalg;

import dev.numspark.array.NdArray;

/**
 * The result of {@link Linalg#svd}: A = U diag(s) Vt, singular values {@code s} in descending
 * order; {@code u} and {@code vt} are null when not computed.
 */
public record SvdResult(NdArray u, NdArray s, NdArray vt) {}
