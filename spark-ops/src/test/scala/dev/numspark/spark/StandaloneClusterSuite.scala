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
      // as README recommends: Spark 4 gives executors the Vector API module itself, 3.5 does not
      .config("spark.executor.extraJavaOptions", "--add-modules=jdk.incubator.vector")
      .config("spark.ui.enabled", "false")
      .getOrCreate()
  }

  override def afterAll(): Unit = {
    try if (spark != null) spark.stop()
    finally if (cluster != null) cluster.stop()
  }

  test("executors report OpenBLAS limited to the task budget") {
    NativeRequired.openblas()
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

  test("kernels on the executors equal the local ones") {
    // FFT and small-matrix linear algebra are bitwise reproducible: exactly equal.
    def kernels(seed: Int): (Array[Double], Array[Double]) = {
      val rnd = new scala.util.Random(seed)
      val x = Array.fill(1000)(rnd.nextGaussian())
      val a = Array.fill(64)(rnd.nextGaussian())
      val spectrum = dev.numspark.fft.Fft.rfft(dev.numspark.array.NdArray.real(x, 1000), null, -1,
        null, 1).data()
      val solved = dev.numspark.linalg.Linalg.solve(dev.numspark.array.NdArray.real(a, 8, 8),
        dev.numspark.array.NdArray.real(x.take(8), 8)).data()
      (spectrum, solved)
    }
    val remote = spark.sparkContext.parallelize(1 to 4, 4).map(kernels).collect()
    remote.zip((1 to 4).map(kernels)).foreach { case ((rs, rx), (ls, lx)) =>
      assert(rs.sameElements(ls))
      assert(rx.sameElements(lx))
    }
  }

  test("native dgemm on the executors agrees with the local one") {
    // OpenBLAS's last bits depend on its kernel (the cluster scripts may pick another one for
    // this CPU, see bin/openblas-coretype) and on memory alignment: agree to rounding.
    def gram(seed: Int): Array[Double] = {
      val n = 64
      val rnd = new scala.util.Random(seed)
      val a = Array.fill(n * n)(rnd.nextDouble())
      val c = new Array[Double](n * n)
      dev.numspark.parallel.NativeBlas.blas().dgemm("T", "N", n, n, n, 1.0, a, n, a, n, 0.0, c, n)
      c
    }
    val remote = spark.sparkContext.parallelize(1 to 4, 4).map(gram).collect()
    remote.zip((1 to 4).map(gram)).foreach { case (r, l) =>
      r.indices.foreach(i => assert(math.abs(r(i) - l(i)) <= 1e-12 * math.abs(l(i))))
    }
  }
  test("a stage's task resource profile sets the BLAS threads of its tasks, then they return") {
    // Stage-level scheduling with a task-only profile (standalone, no dynamic allocation): the
    // plugin re-applies the budget at task start, so BLAS threads follow TaskContext.cpus().
    import org.apache.spark.resource.{ResourceProfileBuilder, TaskResourceRequests}
    NativeRequired.openblas()
    def observe(): (Int, Int, Set[Int]) = {
      import scala.jdk.CollectionConverters._
      val openblas = dev.numspark.parallel.ThreadLimits.info().asScala
        .filter(_.internalApi() == "openblas").map(_.numThreads()).toSet
      (org.apache.spark.TaskContext.get().cpus(), Workers.threadBudget(), openblas)
    }
    val twoCpus = new ResourceProfileBuilder().require(new TaskResourceRequests().cpus(2)).build()
    val wide = spark.sparkContext.parallelize(1 to 2, 2).withResources(twoCpus)
      .map(_ => observe()).collect().toSet
    assert(wide == Set((2, 2, Set(2))), wide)
    val narrow = spark.sparkContext.parallelize(1 to 4, 4).map(_ => observe()).collect().toSet
    assert(narrow == Set((1, 1, Set(1))), narrow)
  }

  // Last in this suite: it kills the cluster's executor.
  test("an executor killed mid-query: the same result, and the plugin's limit on its replacement") {
    import java.util.concurrent.{ConcurrentHashMap, CountDownLatch, TimeUnit}
    import org.apache.spark.scheduler.{SparkListener, SparkListenerTaskStart}
    import scala.concurrent.{Await, Future}
    import scala.concurrent.ExecutionContext.Implicits.global
    import scala.concurrent.duration._
    import scala.jdk.CollectionConverters._
    val sc = spark.sparkContext
    val started = new CountDownLatch(4)
    val executorsBefore = ConcurrentHashMap.newKeySet[String]()
    val listener = new SparkListener {
      override def onTaskStart(e: SparkListenerTaskStart): Unit = {
        executorsBefore.add(e.taskInfo.executorId)
        started.countDown()
      }
    }
    sc.addSparkListener(listener)
    val calls = 64
    val query = Future {
      sc.parallelize(0 until calls, 16).map { i =>
        Thread.sleep(200) // keep tasks in flight long enough to be killed mid-query
        val r = dev.numspark.reliability.MixedCalls.call(i)
        (i, dev.numspark.reliability.MixedCalls.check(i, r), org.apache.spark.SparkEnv.get.executorId)
      }.collect()
    }
    assert(started.await(120, TimeUnit.SECONDS), "the query's tasks did not start")
    sc.removeSparkListener(listener)
    val executors = cluster.executorProcesses()
    assert(executors.size == 1, s"expected one executor JVM, found ${executors.size}")
    val killed = executorsBefore.asScala.toSet
    assert(executors.head.destroyForcibly(), "the executor could not be killed")
    val rows = Await.result(query, 5.minutes)
    assert(rows.map(_._1).sorted.toSeq == (0 until calls), "every call answered exactly once")
    assert(rows.forall(_._2 == null), rows.flatMap(r => Option(r._2)).take(3).mkString("\n"))
    val replacements = rows.map(_._3).toSet -- killed
    assert(replacements.nonEmpty, s"no task ran on a replacement of executor(s) $killed")
    NativeRequired.openblas()
    val openblas = Numspark.threadInfo(spark).collect()
      .filter(_.getAs[String]("internal_api") == "openblas")
    assert(openblas.nonEmpty && openblas.forall(r => !killed(r.getAs[String]("executor"))),
      openblas.mkString("\n"))
    assert(openblas.map(_.getAs[Int]("num_threads")).toSet == Set(1), openblas.mkString("\n"))
    info(s"1 executor killed mid-query (${killed.mkString(",")}); $calls of $calls calls answered " +
      s"right on ${replacements.mkString(",")}; its OpenBLAS at the plugin's 1 thread")
  }
}
