package dev.numspark.spark

import org.apache.spark.sql.SparkSession
import org.scalatest.{BeforeAndAfterAll, Suite}

/**
 * A local[2] session per suite, stopped afterwards; extra settings from [[sparkConf]]. Spark's
 * silent fallback from generated code to interpretation is off, so every suite tests the code
 * that the functions generate.
 */
trait LocalSpark extends BeforeAndAfterAll { self: Suite =>
  @transient protected var spark: SparkSession = _

  protected def sparkConf: Map[String, String] = Map.empty

  override def beforeAll(): Unit = {
    super.beforeAll()
    SparkSession.getActiveSession.foreach(_.stop())
    val builder = SparkSession.builder().master("local[2]").appName(getClass.getSimpleName)
      .config("spark.ui.enabled", "false")
      .config("spark.sql.shuffle.partitions", "2")
      // generated code that does not compile must fail a test, not fall back to interpretation
      .config("spark.sql.codegen.fallback", "false")
      .config("spark.sql.codegen.factoryMode", "CODEGEN_ONLY")
    spark = sparkConf.foldLeft(builder) { case (b, (k, v)) => b.config(k, v) }.getOrCreate()
  }

  override def afterAll(): Unit = {
    try if (spark != null) spark.stop()
    finally super.afterAll()
  }
}
