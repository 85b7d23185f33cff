package dev.numspark.spark

import org.apache.spark.SparkConf
import org.apache.spark.sql.catalyst.expressions.UnsafeArrayData
import org.apache.spark.sql.catalyst.util.GenericArrayData
import org.apache.spark.sql.types.{ArrayType, DoubleType}
import org.apache.spark.sql.vectorized.ColumnarArray
import org.scalatest.funsuite.AnyFunSuite

/** The executor's priming thread: bounded in time, off at 0, never throws. */
class KernelPrimingSuite extends AnyFunSuite {

  test("priming runs the kernels until its budget is spent, then stops") {
    val start = System.nanoTime()
    val rounds = KernelPriming.prime(300L * 1000 * 1000)
    val seconds = (System.nanoTime() - start) / 1e9
    assert(rounds >= 1)
    // the budget is CPU time, and wall-clock time is capped at WALL_FACTOR times it
    assert(seconds < 0.3 * KernelPriming.WALL_FACTOR + 5.0,
      s"one round at most past the budget, took $seconds s")
  }

  test("start returns at once with a daemon thread, and 0 seconds turns it off") {
    val thread = KernelPriming.start(new SparkConf().set(KernelPriming.SECONDS, "3"))
    assert(thread.isAlive, "start must not wait for the kernels")
    assert(thread.isDaemon && thread.getName == "numspark-prime")
    thread.join(30000)
    assert(!thread.isAlive)
    assert(KernelPriming.start(new SparkConf().set(KernelPriming.SECONDS, "0")) == null)
  }

  test("the other array kinds priming feeds the row path hold the same signal") {
    val signal = Array.tabulate(4096)(i => math.sin(0.01 * i * i) + (i % 7) - 3.0)
    val kinds = KernelPriming.otherArrayKinds(signal)
    assert(kinds.map(_.getClass).toSet == Set(classOf[GenericArrayData], classOf[ColumnarArray]))
    val t = ArrayType(DoubleType, containsNull = false)
    val expected = RowRfft.struct("numspark_rfft", UnsafeArrayData.fromPrimitiveArray(signal), t,
      null, null)
    kinds.foreach { k =>
      assert(k.toDoubleArray().sameElements(signal), k.getClass.getSimpleName)
      val got = RowRfft.struct("numspark_rfft", k, t, null, null)
      assert(got.getArray(0).toDoubleArray().sameElements(expected.getArray(0).toDoubleArray()))
      assert(got.getArray(1).toDoubleArray().sameElements(expected.getArray(1).toDoubleArray()))
    }
  }

  test("the row calls run on a new thread each time, and its failure reaches the caller") {
    val seen = new java.util.concurrent.ConcurrentLinkedQueue[Thread]()
    val cpu = KernelPriming.onFreshThread(() => {
      seen.add(Thread.currentThread())
      var x = 0.0
      var i = 0
      while (i < 2000000) { x += math.sqrt(i.toDouble); i += 1 }
      assert(x > 0)
    })
    KernelPriming.onFreshThread(() => seen.add(Thread.currentThread()))
    assert(seen.size == 2 && seen.peek() != Thread.currentThread())
    assert(seen.toArray.distinct.length == 2, "one new thread per call")
    assert(cpu > 0, "the CPU time the thread used is counted against the budget")
    val e = intercept[IllegalStateException] {
      KernelPriming.onFreshThread(() => throw new IllegalStateException("boom"))
    }
    assert(e.getMessage == "boom")
  }

  test("the CPU budget counts this thread's and the row threads' CPU time") {
    val budget = new KernelPriming.CpuBudget()
    val before = budget.used()
    budget.add(50L * 1000 * 1000)
    assert(budget.used() - before >= 50L * 1000 * 1000)
    budget.add(-1) // a thread whose CPU time is not measured adds nothing
    assert(budget.used() >= before + 50L * 1000 * 1000)
  }
}
