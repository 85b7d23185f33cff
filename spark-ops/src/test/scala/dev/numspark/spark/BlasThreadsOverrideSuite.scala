package dev.numspark.spark

import java.io.StringWriter

import org.apache.logging.log4j.LogManager
import org.apache.logging.log4j.core.{Logger => CoreLogger}
import org.apache.logging.log4j.core.appender.WriterAppender
import org.apache.logging.log4j.core.layout.PatternLayout
import org.scalatest.funsuite.AnyFunSuite

/**
 * `spark.numspark.blasThreads` overrides the plugin's count; a count that oversubscribes the
 * executor (2 concurrent tasks x 4 threads on 2 cores) is applied as asked, with one warning.
 */
class BlasThreadsOverrideSuite extends AnyFunSuite with LocalSpark {
  private val log = new StringWriter()
  private val appender = WriterAppender.createAppender(
    PatternLayout.newBuilder().withPattern("%p %m%n").build(), null, log, "numspark-test",
    false, true)

  override protected def sparkConf: Map[String, String] = {
    appender.start()
    val logger = LogManager.getLogger(classOf[BlasThreadsExecutorPlugin]).asInstanceOf[CoreLogger]
    logger.addAppender(appender)
    logger.setLevel(org.apache.logging.log4j.Level.INFO)
    Map("spark.plugins" -> classOf[NumsparkPlugin].getName, "spark.task.cpus" -> "1",
      "spark.executor.cores" -> "2", "spark.numspark.blasThreads" -> "4")
  }

  override def afterAll(): Unit = {
    try super.afterAll()
    finally LogManager.getLogger(classOf[BlasThreadsExecutorPlugin]).asInstanceOf[CoreLogger]
      .removeAppender(appender)
  }

  test("the override is applied and the oversubscription is warned about once") {
    val openblas = NativeRequired.openblas()
    assert(openblas.numThreads == 4)
    spark.sparkContext.parallelize(1 to 8, 8).map(_ + 1).collect()
    val warnings = log.toString.linesIterator.filter(_.startsWith("WARN")).toSeq
    assert(warnings.size == 1, log.toString)
    assert(warnings.head.contains("2 concurrent tasks x 4 BLAS threads exceeds the executor's 2 cores"),
      warnings.head)
  }
}
