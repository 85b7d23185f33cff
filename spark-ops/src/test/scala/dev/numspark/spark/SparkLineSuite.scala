package dev.numspark.spark

import org.scalatest.funsuite.AnyFunSuite

/** The jar's Spark line against the running Spark: one message naming the artifact to use. */
class SparkLineSuite extends AnyFunSuite with LocalSpark {

  test("the jar is built for the Spark line and Scala version running this test") {
    val running = SparkLine.runningSpark().split('.').take(2).mkString(".")
    assert(SparkLine.line() == running)
    assert(SparkLine.runningScala().startsWith(SparkLine.scalaBinaryVersion() + "."))
    SparkLine.check() // passes, here
    assert(SparkLine.artifact() == s"numspark-spark-$running" + "_" + SparkLine.scalaBinaryVersion())
  }

  test("a jar for another line names the artifact for the running Spark") {
    assert(SparkLine.mismatch("3.5", "2.12", "4.1.2", "2.13.16") ==
      "numspark-spark-3.5_2.12 is built for Spark 3.5 (Scala 2.12); this is Spark 4.1.2 " +
        "(Scala 2.13): use numspark-spark-4.1_2.13")
    assert(SparkLine.mismatch("4.0", "2.13", "3.5.2", "2.12.18") ==
      "numspark-spark-4.0_2.13 is built for Spark 4.0 (Scala 2.13); this is Spark 3.5.2 " +
        "(Scala 2.12): use numspark-spark-3.5_2.12")
    assert(SparkLine.mismatch("4.0", "2.13", "4.0.4", "2.13.16") == null)
  }

  test("a Spark line without an artifact lists the artifacts there are") {
    val m = SparkLine.mismatch("4.0", "2.13", "3.4.1", "2.12.17")
    assert(m.startsWith("numspark-spark-4.0_2.13 is built for Spark 4.0 (Scala 2.13); this is " +
      "Spark 3.4.1 (Scala 2.12): numspark has no artifact for it (artifacts: numspark-spark-3.5_2.12,"))
  }

  test("the start-up line says what runs") {
    val line = SparkLine.startupLine()
    assert(line.startsWith(s"numspark ${SparkLine.version()} (${SparkLine.artifact()}) on Spark " +
      SparkLine.runningSpark()))
    assert(line.contains("FFT ") && line.contains("BLAS "), line)
  }
}
