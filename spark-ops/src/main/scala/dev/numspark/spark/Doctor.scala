package dev.numspark.spark

import java.lang.management.ManagementFactory

import com.sun.management.HotSpotDiagnosticMXBean
import dev.numspark.fft.FftEngineInfo
import dev.numspark.parallel.{NativeBlas, ThreadLimits, UserApi}
import org.apache.spark.SparkEnv
import org.apache.spark.sql.{DataFrame, SparkSession}

import scala.jdk.CollectionConverters._

/** What one executor runs numspark with: a row of `Numspark.doctor`. */
private[spark] final case class DoctorRow(
    executor: String,
    host: String,
    cores: Int,
    task_cpus: Int,
    blas: String,
    blas_version: String,
    blas_threads: Int,
    openmp: String,
    vector_bits: Int,
    fft_engine: String,
    jvm_flags: String,
    problems: Seq[String])

/**
 * `Numspark.doctor(spark)`: one row per executor (host, cores and task CPUs, BLAS library, version
 * and threads, OpenMP, vector width and FFT engine, the JVM flags that matter), each problem found
 * as one plain sentence that says what to do.
 */
private[spark] object Doctor {
  /** README "Tuning": what the executors' JVMs should have. */
  private val MinInlineLevel = 40
  private val MinStackKb = 16 * 1024

  def rows(spark: SparkSession): Seq[DoctorRow] =
    ExecutorProbe.collect(spark)(probe()).map(_._2)

  def frame(spark: SparkSession): DataFrame = {
    import spark.implicits._
    rows(spark).toDF()
  }

  /** The table's verdict lines: one per problem, "executor 3: ...", or that none was found. */
  def verdicts(rows: Seq[DoctorRow]): Seq[String] = {
    val lines = rows.flatMap(r => r.problems.map(p => s"executor ${r.executor} (${r.host}): $p"))
    if (lines.isEmpty) Seq(s"no problem found on ${rows.size} executor(s)") else lines
  }

  private def when(problem: Boolean)(message: => String): Option[String] =
    if (problem) Some(message) else None

  /** Runs inside a task: this executor's facts and problems. */
  private[spark] def probe(): DoctorRow = {
    val env = SparkEnv.get
    val conf = env.conf
    val cores = conf.getInt("spark.executor.cores", Runtime.getRuntime.availableProcessors())
    val taskCpus = conf.getInt("spark.task.cpus", 1)
    val libs = ThreadLimits.info().asScala.toSeq
    val blas = libs.find(_.userApi() == UserApi.BLAS)
    val openmp = libs.filter(_.userApi() == UserApi.OPENMP)
      .map(l => s"${l.internalApi()} ${l.numThreads()} threads").mkString(", ")
    val hotspot = ManagementFactory.getPlatformMXBean(classOf[HotSpotDiagnosticMXBean])
    val inline = hotspot.getVMOption("MaxInlineLevel").getValue.toInt
    val stackKb = hotspot.getVMOption("ThreadStackSize").getValue.toLong
    val flags = s"MaxInlineLevel=$inline, ThreadStackSize=${stackKb}k, " +
      (if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent)
        "jdk.incubator.vector loaded" else "no jdk.incubator.vector")
    val problems = Seq(
      when(!NativeBlas.isNative())(s"Java BLAS (${NativeBlas.implementation()}), " +
        "dgemm 20-40x slower than native: install libopenblas0-pthread on the executors"),
      when(NativeBlas.isNative() && blas.isEmpty)("a native BLAS numspark cannot " +
        "control (likely the reference BLAS, 20-40x slower): install libopenblas0-pthread"),
      blas.filter(b => b.numThreads() * math.max(1, cores / taskCpus) > cores).map(b =>
        s"${b.numThreads()} BLAS threads x ${cores / taskCpus} concurrent tasks > $cores cores: " +
          "set spark.plugins=dev.numspark.spark.NumsparkPlugin"),
      Option(FftEngineInfo.remedy()).map(r => s"FFT ${FftEngineInfo.describe()}: $r"),
      when(inline < MinInlineLevel)(s"-XX:MaxInlineLevel=$inline: add " +
        s"-XX:MaxInlineLevel=$MinInlineLevel to spark.executor.extraJavaOptions (README Tuning)"),
      when(stackKb < MinStackKb)(s"thread stacks of ${stackKb}k: add -Xss16m to " +
        "spark.executor.extraJavaOptions (README Tuning)")
    ).flatten
    DoctorRow(env.executorId, env.blockManager.blockManagerId.host, cores, taskCpus,
      blas.map(_.internalApi()).getOrElse(NativeBlas.implementation()),
      blas.map(_.version()).orNull, blas.map(_.numThreads()).getOrElse(1), openmp,
      FftEngineInfo.vectorBits(), FftEngineInfo.describe(), flags, problems)
  }
}

/** Runs small jobs until every executor has answered once (a few attempts at most). */
private[spark] object ExecutorProbe {
  def collect[T](spark: SparkSession)(probe: => T): Seq[(String, T)] = {
    val sc = spark.sparkContext
    val executors = math.max(1, sc.statusTracker.getExecutorInfos.length - 1)
    var seen = Map.empty[String, T]
    var attempt = 0
    while (attempt < 5 && (attempt == 0 || seen.size < executors)) {
      val partitions = math.max(sc.defaultParallelism, executors) * 2
      val found = sc.parallelize(0 until partitions, partitions).mapPartitions { _ =>
        Iterator.single(SparkEnv.get.executorId -> probe)
      }.collect()
      seen ++= found
      attempt += 1
    }
    seen.toSeq.sortBy(_._1)
  }
}
