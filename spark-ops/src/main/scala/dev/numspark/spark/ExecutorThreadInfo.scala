package dev.numspark.spark

/**
 * One native thread-pool library as seen by one executor: a row of `Numspark.threadInfo`. (A
 * Scala case class, not a Java record: Scala 2.12's compiler, which builds the Spark 3.5 / 2.12
 * artifact, cannot read Java records.)
 */
private[spark] final case class ExecutorThreadInfo(
    executor: String,
    host: String,
    library: String,
    internalApi: String,
    version: String,
    numThreads: Int,
    threadingLayer: String,
    filepath: String)
