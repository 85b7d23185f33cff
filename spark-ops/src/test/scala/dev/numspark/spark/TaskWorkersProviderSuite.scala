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

  test("asking for more workers than the task budget works and warns once per setting") {
    val records = new java.util.concurrent.ConcurrentLinkedQueue[String]()
    val handler = new java.util.logging.Handler {
      override def publish(r: java.util.logging.LogRecord): Unit =
        if (r.getLevel == java.util.logging.Level.WARNING) {
          records.add(java.text.MessageFormat.format(r.getMessage, r.getParameters: _*))
        }
      override def flush(): Unit = ()
      override def close(): Unit = ()
    }
    val logger = java.util.logging.Logger.getLogger(classOf[Workers].getName)
    logger.addHandler(handler)
    try {
      // 7 workers on a budget of 2: a setting no other test uses (each is reported once per JVM)
      val resolved = spark.sparkContext.parallelize(1 to 4, 2).map(_ => Workers.resolve(7)).collect()
      assert(resolved.toSeq == Seq(7, 7, 7, 7))
      assert(records.size == 1, records)
      assert(records.peek.contains("workers=7 exceeds the task's CPU budget of 2"), records)
    } finally logger.removeHandler(handler)
  }

  test("a scoped default still wins inside a task") {
    val seen = spark.sparkContext.parallelize(1 to 1, 1).map { _ =>
      val scope = Workers.setWorkers(1)
      try Workers.getWorkers() finally scope.close()
    }.collect()
    assert(seen.toSeq == Seq(1))
  }
}
