package dev.numspark.spark

import dev.numspark.parallel.ThreadLimits
import org.scalatest.funsuite.AnyFunSuite

import scala.jdk.CollectionConverters._

/** In local mode the executor is the driver JVM: the plugin's limit shows in this process. */
class NumsparkPluginSuite extends AnyFunSuite with LocalSpark {
  private var before: Option[Int] = None

  override protected def sparkConf: Map[String, String] = {
    before = ThreadLimits.info().asScala.find(_.internalApi == "openblas").map(_.numThreads)
    Map("spark.plugins" -> classOf[NumsparkPlugin].getName, "spark.task.cpus" -> "1")
  }

  private def openblasThreads(): Int = NativeRequired.openblas().numThreads

  test("BLAS threads equal spark.task.cpus while the session runs") {
    assert(openblasThreads() == 1)
    val rows = Numspark.threadInfo(spark).collect()
    assert(rows.exists(r => r.getAs[String]("internal_api") == "openblas" &&
      r.getAs[Int]("num_threads") == 1 && r.getAs[String]("executor") == "driver"),
      rows.mkString("\n"))
  }

  test("stopping the session restores the previous thread count") {
    spark.stop()
    assert(before.contains(openblasThreads()))
  }
}
