package dev.numspark.spark

import dev.numspark.parallel.Workers
import org.apache.spark.sql.SparkSession
import org.scalatest.BeforeAndAfterAll
import org.scalatest.funsuite.AnyFunSuite

/** Inside a real Spark task the default workers is the task's CPU budget; outside it is 1. */
class TaskWorkersProviderSuite extends AnyFunSuite with BeforeAndAfterAll {
  private var spark: SparkSession = _

  override def beforeAll(): Unit = {
    spark = SparkSession.builder()
      .master("local[2]")
      .appName("TaskWorkersProviderSuite")
      .config("spark.task.cpus", "2")
      .config("spark.ui.enabled", "false")
      .getOrCreate()
  }

  override def afterAll(): Unit = {
    if (spark != null) spark.stop()
  }

  test("outside a task the default is SciPy's 1") {
    assert(Workers.getWorkers() == 1)
  }

  test("inside a task the default and the budget are spark.task.cpus") {
    val seen = spark.sparkContext.parallelize(1 to 2, 2)
      .map(_ => (Workers.getWorkers(), Workers.threadBudget()))
      .collect()
    assert(seen.toSeq == Seq((2, 2), (2, 2)))
  }

  test("a scoped default still wins inside a task") {
    val seen = spark.sparkContext.parallelize(1 to 1, 1).map { _ =>
      val scope = Workers.setWorkers(1)
      try Workers.getWorkers() finally scope.close()
    }.collect()
    assert(seen.toSeq == Seq(1))
  }
}
