package dev.numspark.spark

import dev.numspark.parallel.Workers
import org.apache.spark.sql.SparkSession
import org.scalatest.BeforeAndAfterAll
import org.scalatest.funsuite.AnyFunSuite

/**
 * On a real standalone Master + Worker (2 cores, spark.task.cpus=1) with the numspark plugin:
 * the executor's native BLAS runs on the task budget (1 thread, where OpenBLAS alone would take
 * every core), tasks see that budget as their default workers, and results equal local mode.
 */
class StandaloneClusterSuite extends AnyFunSuite with BeforeAndAfterAll {
  private var cluster: StandaloneCluster = _
  private var spark: SparkSession = _

  override def beforeAll(): Unit = {
    cluster = StandaloneCluster.start(cores = 2)
    spark = SparkSession.builder()
      .master(cluster.masterUrl)
      .appName("StandaloneClusterSuite")
      .config("spark.driver.host", "127.0.0.1")
      .config("spark.driver.bindAddress", "127.0.0.1")
      .config("spark.executor.memory", "1g")
      .config("spark.executor.cores", "2")
      .config("spark.task.cpus", "1")
      .config("spark.plugins", classOf[NumsparkPlugin].getName)
      .config("spark.ui.enabled", "false")
      .getOrCreate()
  }

  override def afterAll(): Unit = {
    try if (spark != null) spark.stop()
    finally if (cluster != null) cluster.stop()
  }

  test("executors report OpenBLAS limited to the task budget") {
    val rows = Numspark.threadInfo(spark).collect()
    val openblas = rows.filter(_.getAs[String]("internal_api") == "openblas")
    assert(openblas.nonEmpty, s"no OpenBLAS reported by the executors: ${rows.mkString("\n")}")
    assert(openblas.forall(_.getAs[String]("executor") != "driver"))
    assert(openblas.map(_.getAs[Int]("num_threads")).toSet == Set(1), rows.mkString("\n"))
  }

  test("tasks see spark.task.cpus as their default workers and budget") {
    val seen = spark.sparkContext.parallelize(1 to 4, 4)
      .map(_ => (Workers.getWorkers(), Workers.threadBudget())).collect().toSet
    assert(seen == Set((1, 1)))
  }

  test("a BLAS computation on the executors equals the local one") {
    def gram(seed: Int): Array[Double] = {
      val n = 64
      val rnd = new scala.util.Random(seed)
      val a = Array.fill(n * n)(rnd.nextDouble())
      val c = new Array[Double](n * n)
      dev.numspark.parallel.NativeBlas.blas().dgemm("T", "N", n, n, n, 1.0, a, n, a, n, 0.0, c, n)
      c
    }
    val remote = spark.sparkContext.parallelize(1 to 4, 4).map(gram).collect()
    val local = (1 to 4).map(gram)
    remote.zip(local).foreach { case (r, l) => assert(r.sameElements(l)) }
  }
}
