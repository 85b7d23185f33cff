package dev.numspark.spark

import dev.numspark.parallel.ThreadLimits
import org.apache.spark.SparkEnv
import org.apache.spark.sql.{DataFrame, SparkSession}

import scala.jdk.CollectionConverters._

/**
 * The entry point for Spark users: `Numspark.register(spark)` adds the SQL functions and
 * `Numspark.threadInfo(spark)` reports each executor's native thread pools. Java callers use the
 * same static methods.
 */
object Numspark {

  /**
   * Registers the numspark SQL functions (`numspark_fft`, `numspark_welch`, `numspark_solve`, ...)
   * in this session. The alternative is `spark.sql.extensions=dev.numspark.spark.NumsparkExtensions`.
   */
  def register(spark: SparkSession): Unit = NumsparkFunctions.register(spark)

  /**
   * One row per executor and native library: executor, host, library, internal_api, version,
   * num_threads, threading_layer, filepath — taken inside a task on each executor, so it shows what
   * the tasks really get (after the [[NumsparkPlugin]] applied its limits).
   */
  def threadInfo(spark: SparkSession): DataFrame = {
    import spark.implicits._
    val executors = math.max(1, spark.sparkContext.statusTracker.getExecutorInfos.length - 1)
    val reports = collectPerExecutor(spark, executors)
    reports.map(r => (r.executor, r.host, r.library, r.internalApi, r.version, r.numThreads,
        r.threadingLayer, r.filepath))
      .toDF("executor", "host", "library", "internal_api", "version", "num_threads",
        "threading_layer", "filepath")
  }

  /** Runs small jobs until every executor has answered (a few attempts at most). */
  private def collectPerExecutor(spark: SparkSession, executors: Int): Seq[ExecutorThreadInfo] = {
    val sc = spark.sparkContext
    var seen = Map.empty[String, Seq[ExecutorThreadInfo]]
    var attempt = 0
    while (attempt < 5 && (attempt == 0 || seen.size < executors)) {
      val partitions = math.max(sc.defaultParallelism, executors) * 2
      val found = sc.parallelize(0 until partitions, partitions).mapPartitions { _ =>
        val env = SparkEnv.get
        val host = env.blockManager.blockManagerId.host
        Iterator.single(env.executorId -> ThreadLimits.info().asScala.toSeq.map { i =>
          new ExecutorThreadInfo(env.executorId, host, i.filepath.split('/').last, i.internalApi,
            i.version, i.numThreads, i.threadingLayer, i.filepath)
        })
      }.collect()
      seen ++= found
      attempt += 1
    }
    seen.toSeq.sortBy(_._1).flatMap(_._2)
  }
}
