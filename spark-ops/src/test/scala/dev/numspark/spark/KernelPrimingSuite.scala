package dev.numspark.spark

import org.apache.spark.SparkConf
import org.scalatest.funsuite.AnyFunSuite

/** The executor's priming thread: bounded in time, off at 0, never throws. */
class KernelPrimingSuite extends AnyFunSuite {

  test("priming runs the kernels until its budget is spent, then stops") {
    val start = System.nanoTime()
    val rounds = KernelPriming.prime(300L * 1000 * 1000)
    val seconds = (System.nanoTime() - start) / 1e9
    assert(rounds >= 1)
    assert(seconds < 0.3 + 5.0, s"one round at most past the budget, took $seconds s")
  }

  test("start returns at once with a daemon thread, and 0 seconds turns it off") {
    val thread = KernelPriming.start(new SparkConf().set(KernelPriming.SECONDS, "3"))
    assert(thread.isAlive, "start must not wait for the kernels")
    assert(thread.isDaemon && thread.getName == "numspark-prime")
    thread.join(30000)
    assert(!thread.isAlive)
    assert(KernelPriming.start(new SparkConf().set(KernelPriming.SECONDS, "0")) == null)
  }
}
