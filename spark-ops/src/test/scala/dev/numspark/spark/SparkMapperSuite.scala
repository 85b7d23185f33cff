package dev.numspark.spark

import java.util.function.{Function => JFunction}

import org.scalatest.funsuite.AnyFunSuite

import scala.jdk.CollectionConverters._

object SparkMapperSuite {
  /** Serializable functions, as a user would pass them. */
  class Square extends JFunction[Integer, Integer] with Serializable {
    override def apply(x: Integer): Integer = x * x
  }
  class FailAt(bad: Int) extends JFunction[Integer, Integer] with Serializable {
    override def apply(x: Integer): Integer =
      if (x == bad) throw new ArithmeticException(s"objective failed at $x") else x
  }
}

class SparkMapperSuite extends AnyFunSuite with LocalSpark {
  import SparkMapperSuite._

  test("results come back in the items' order") {
    val mapper = new SparkMapper(spark, 3)
    val items = (0 until 100).map(Integer.valueOf).asJava
    val out = mapper.map[Integer, Integer](new Square, items).asScala.map(_.intValue)
    assert(out == (0 until 100).map(i => i * i))
    assert(mapper.parallelism() == 3)
  }

  test("the default slices are the default parallelism") {
    assert(new SparkMapper(spark).parallelism() == spark.sparkContext.defaultParallelism)
  }

  test("a failing item fails the map with its original exception") {
    val e = intercept[ArithmeticException] {
      new SparkMapper(spark).map(new FailAt(7), (0 until 20).map(Integer.valueOf).asJava)
    }
    assert(e.getMessage.contains("objective failed at 7"))
  }

  test("a function that cannot be shipped is refused with a clear message") {
    val notSerializable: JFunction[Integer, Integer] = new JFunction[Integer, Integer] {
      override def apply(x: Integer): Integer = x
    }
    val e = intercept[IllegalArgumentException] {
      new SparkMapper(spark).map(notSerializable, List(Integer.valueOf(1)).asJava)
    }
    assert(e.getMessage.startsWith("SparkMapper needs a Serializable function"))
  }

  test("slices must be positive and empty input maps to nothing") {
    intercept[IllegalArgumentException](new SparkMapper(spark, 0))
    assert(new SparkMapper(spark).map(new Square, List.empty[Integer].asJava).isEmpty)
  }
}
