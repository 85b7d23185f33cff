/**
 * Internal, not API: JTransforms behind {@link dev.numspark.fft.FftPlan}. The only numspark
 * package that sees JTransforms' types; they must not appear in any public signature. Classes
 * here are public only because {@code dev.numspark.fft} has to reach them.
 */
package dev.numspark.fft.jtransforms;
