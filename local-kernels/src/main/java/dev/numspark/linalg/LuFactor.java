package dev.numspark.linalg;

import dev.numspark.array.NdArray;

/**
 * The result of {@link Linalg#luFactor}: as {@code scipy.linalg.lu_factor}, {@code lu} holds L
 * (unit diagonal, not stored) below and U on and above the diagonal of P A = L U, and {@code piv}
 * the 0-based pivot rows (row i was swapped with row piv[i]), {@code n} per matrix of the batch in
 * batch order.
 */
public record LuFactor(NdArray lu, int[] piv) {}
