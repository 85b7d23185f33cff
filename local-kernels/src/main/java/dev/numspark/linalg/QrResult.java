package dev.numspark.linalg;

import dev.numspark.array.NdArray;

/** The result of {@link Linalg#qr}: A = Q R; {@code q} is null for mode {@code r}. */
public record QrResult(NdArray q, NdArray r) {}
