package dev.numspark.spark;

import java.io.Serializable;

/** One native thread-pool library as seen by one executor: a row of {@code Numspark.threadInfo}. */
public record ExecutorThreadInfo(
    String executor,
    String host,
    String library,
    String internalApi,
    String version,
    int numThreads,
    String threadingLayer,
    String filepath) implements Serializable {}
