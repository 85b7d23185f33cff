package dev.numspark.tools.bench;

import java.util.function.Supplier;

/**
 * One benchmark: the numspark operation and its peer, measured on the same data in one run.
 *
 * <p>{@code setup} builds the inputs once and returns the timed action (called repeatedly after a
 * warm-up; the runner reports the median). The peer is either Python ({@code pythonSetup} runs
 * once, then {@code pythonStmt} is timed the same way, with numpy as {@code np} and scipy
 * imported; leave null to skip), or a Java peer ({@code javaPeer}, e.g. JTransforms directly or
 * the Java BLAS), or both null for no peer.
 *
 * <p>When a timed action also implements {@link AutoCloseable}, the runner closes it after its
 * measurement (e.g. to stop a Spark session before the peer starts its own).
 *
 * @param operation e.g. {@code rfft}
 * @param size human-readable size, e.g. {@code 4096x4096}
 * @param workers the workers/threads the case uses (numspark and peer alike)
 * @param work the amount of work per call, for throughput (e.g. flops or samples); 0 if none
 * @param setup builds numspark's timed action
 * @param peerName e.g. {@code scipy}, {@code jtransforms}, {@code netlib-java}
 * @param javaPeer builds the Java peer's timed action, or null
 * @param pythonSetup Python that prepares the same inputs, or null
 * @param pythonStmt the Python statement to time, or null
 */
public record BenchCase(
    String operation,
    String size,
    int workers,
    double work,
    Supplier<Runnable> setup,
    String peerName,
    Supplier<Runnable> javaPeer,
    String pythonSetup,
    String pythonStmt) {}
