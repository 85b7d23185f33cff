package dev.numspark.spark

import org.scalatest.funsuite.AnyFunSuite

/**
 * `Numspark.doctor` on a local session with the plugin (the executor is this JVM). The test JVM
 * runs without the flags README "Tuning" recommends (-Xss16m, -XX:MaxInlineLevel=40), so the
 * doctor must name both.
 */
class DoctorSuite extends AnyFunSuite with LocalSpark {
  override protected def sparkConf: Map[String, String] =
    Map("spark.plugins" -> classOf[NumsparkPlugin].getName, "spark.task.cpus" -> "1")

  test("one row per executor with its cores, BLAS, vector width and FFT engine") {
    val rows = Numspark.doctor(spark).collect()
    assert(rows.length == 1, rows.mkString("\n"))
    val r = rows.head
    assert(r.getAs[String]("executor") == "driver")
    assert(r.getAs[Int]("cores") >= 1 && r.getAs[Int]("task_cpus") == 1)
    assert(r.getAs[Int]("blas_threads") >= 1)
    assert(r.getAs[Int]("vector_bits") >= 128, "the test JVM loads jdk.incubator.vector")
    assert(r.getAs[String]("fft_engine").startsWith("Vector API engine"), r)
    assert(r.getAs[String]("jvm_flags").contains("MaxInlineLevel=15"), r)
  }

  test("each problem is one verdict line naming the executor and what to set") {
    val report = Numspark.doctorReport(spark)
    val verdicts = report.linesIterator.filter(_.startsWith("executor driver (")).toSeq
    assert(verdicts.exists(_.contains("add -XX:MaxInlineLevel=40 to spark.executor.extraJavaOptions")),
      report)
    assert(verdicts.exists(_.contains("add -Xss16m")), report)
    assert(!verdicts.exists(_.contains("BLAS threads x")), "the plugin keeps BLAS within budget")
  }

  test("a healthy executor gets one line saying so") {
    val healthy = Doctor.probe().copy(executor = "7", problems = Nil)
    assert(Doctor.verdicts(Seq(healthy)) == Seq("no problem found on 1 executor(s)"))
  }
}
