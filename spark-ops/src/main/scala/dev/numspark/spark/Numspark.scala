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
    val reports = collectPerExecutor(spark)
    reports.map(r => (r.executor, r.host, r.library, r.internalApi, r.version, r.numThreads,
        r.threadingLayer, r.filepath))
      .toDF("executor", "host", "library", "internal_api", "version", "num_threads",
        "threading_layer", "filepath")
  }

  private def collectPerExecutor(spark: SparkSession): Seq[ExecutorThreadInfo] =
    ExecutorProbe.collect(spark) {
      val env = SparkEnv.get
      val host = env.blockManager.blockManagerId.host
      ThreadLimits.info().asScala.toSeq.map { i =>
        ExecutorThreadInfo(env.executorId, host, i.filepath.split('/').last, i.internalApi,
          i.version, i.numThreads, i.threadingLayer, i.filepath)
      }
    }.flatMap(_._2)

  /**
   * One row per executor: host, cores and task CPUs, BLAS library, version and threads, OpenMP,
   * vector width and FFT engine, the JVM flags that matter, and the problems found (each a plain
   * sentence saying what to do). `doctorReport` prints it with one verdict line per problem.
   */
  def doctor(spark: SparkSession): DataFrame = Doctor.frame(spark)

  /** `Numspark.doctor` as text: the rows, then one verdict line per problem found. */
  def doctorReport(spark: SparkSession): String = {
    val rows = Doctor.rows(spark)
    val table = rows.map { r =>
      s"executor ${r.executor} on ${r.host}: ${r.cores} cores, ${r.task_cpus} per task; BLAS " +
        s"${r.blas} ${Option(r.blas_version).getOrElse("")} ${r.blas_threads} threads" +
        (if (r.openmp.isEmpty) "" else s"; OpenMP ${r.openmp}") +
        s"; FFT ${r.fft_engine}; ${r.jvm_flags}"
    }
    (table ++ Seq("") ++ Doctor.verdicts(rows)).mkString("\n")
  }
}
