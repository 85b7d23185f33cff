package dev.numspark.spark

import org.scalatest.funsuite.AnyFunSuite

/** With only `spark.sql.extensions` set (as PySpark and SQL users do), the functions exist. */
class NumsparkExtensionsSuite extends AnyFunSuite with LocalSpark {
  override protected def sparkConf: Map[String, String] =
    Map("spark.sql.extensions" -> classOf[NumsparkExtensions].getName)

  test("every function is available without Numspark.register") {
    NumsparkFunctions.specs.foreach { spec =>
      assert(spark.catalog.functionExists(spec.name), spec.name)
    }
    val r = spark.sql("SELECT numspark_abs(numspark_fft(array(0.0, 1.0)))").head()
    assert(r.getSeq[Double](0) == Seq(1.0, 1.0))
  }
}
