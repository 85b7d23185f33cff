/**
 * Internal, not API: the engines behind {@code dev.numspark.fft.Fft} and
 * {@link dev.numspark.fft.FftPlan}. JTransforms (the line ops, {@code JTransformsPlan}) and the
 * Vector API engine ({@code Block*}, {@code Line*}: batched and single-line transforms) each sit
 * behind {@code FftEngine}; {@code Engines} picks one per transform, {@code FftConfig} holds the
 * switches. The only numspark package that sees JTransforms' or the Vector API's types. A class
 * or member here is public only because {@code dev.numspark.fft} has to reach it; it may change
 * or go without notice.
 */
package dev.numspark.fft.engine;
