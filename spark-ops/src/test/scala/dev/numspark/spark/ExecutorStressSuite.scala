package dev.numspark.spark

import dev.numspark.parallel.BlasThreads
import dev.numspark.reliability.MixedCalls
import org.apache.spark.SparkEnv
import org.scalatest.funsuite.AnyFunSuite

/**
 * The reliability suite across Spark tasks in one executor (local mode: the executor is this JVM,
 * 2 task slots, the numspark plugin on): concurrent tasks mix kernels, sizes and workers (unset =
 * the task budget, 1, 2), every result is right, and the native BLAS count afterwards is the
 * plugin's standing setting.
 */
class ExecutorStressSuite extends AnyFunSuite with LocalSpark {

  override protected def sparkConf: Map[String, String] =
    Map("spark.plugins" -> classOf[NumsparkPlugin].getName, "spark.task.cpus" -> "1")

  test("concurrent tasks with mixed workers get right results and leave the plugin's count") {
    val partitions = 16
    val perTask = 60
    val results = spark.sparkContext.parallelize(0 until partitions, partitions).map { p =>
      val wrong = (0 until perTask).flatMap { k =>
        val i = p * perTask + k
        Option(MixedCalls.check(i, MixedCalls.call(i)))
      }
      (SparkEnv.get.executorId, perTask, wrong)
    }.collect()
    assert(results.flatMap(_._3).isEmpty, results.flatMap(_._3).take(5).mkString("\n"))
    assert(results.map(_._2).sum == partitions * perTask)
    assert(results.map(_._1).toSet == Set("driver"), "one executor: the local-mode driver")
    if (BlasThreads.controlsNative()) {
      assert(BlasThreads.standingCount() == 1, "the plugin's budget is the standing setting")
      assert(NativeRequired.openblas().numThreads == 1)
    }
    info(s"${partitions * perTask} mixed calls in $partitions tasks, 2 at a time, all right; " +
      s"${BlasThreads.epochsStarted()} BLAS epochs so far in this JVM")
  }
}
