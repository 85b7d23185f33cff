package dev.numspark.spark

import org.apache.spark.ml.linalg.{DenseMatrix, Matrix, Vector, Vectors}
import org.apache.spark.sql.{DataFrame, Row}
import org.apache.spark.sql.execution.{ProjectExec, WholeStageCodegenExec}
import org.scalatest.funsuite.AnyFunSuite

/**
 * The generated code of [[NumsparkExpression]] (used inside whole-stage code generation) computes
 * exactly what its interpreted `eval` does, for every function, NULLs and row-varying options
 * included. (All suites run with `spark.sql.codegen.fallback=false` and `factoryMode=CODEGEN_ONLY`,
 * see [[LocalSpark]], so code that fails to compile fails the tests instead of falling back.)
 */
class NumsparkExpressionSuite extends AnyFunSuite with LocalSpark {

  override def beforeAll(): Unit = {
    super.beforeAll()
    Numspark.register(spark)
  }

  /**
   * Rows of signals, a second signal, a row-varying n, a matrix and a vector; some NULL. Read
   * from an RDD: a local relation would let the optimizer evaluate the calls itself (interpreted).
   */
  private def inputs: DataFrame = {
    val local = localInputs
    spark.createDataFrame(local.rdd, local.schema)
  }

  private def localInputs: DataFrame = {
    val session = spark
    import session.implicits._
    val rnd = new scala.util.Random(7)
    (0 until 9).map { i =>
      val x = if (i == 4) null else Array.fill(16 + i)(rnd.nextGaussian())
      val y = Array.fill(3 + i % 4)(rnd.nextGaussian())
      val n: Option[Int] = if (i == 6) None else Some(8 + 2 * i)
      val a: Matrix = if (i == 2) null
        else new DenseMatrix(3, 3, Array.fill(9)(rnd.nextGaussian()).zipWithIndex
          .map { case (v, k) => if (k % 4 == 0) v + 5.0 else v }, true)
      val b: Vector = Vectors.dense(Array.fill(3)(rnd.nextGaussian()))
      (i, x, y, n, a, b)
    }.toDF("id", "x", "y", "n", "A", "b")
  }

  /** One call of every function, options constant and (for n) varying by row. */
  private val calls = Seq(
    "numspark_fft(x)", "numspark_fft(x, n, 'ortho')", "numspark_ifft(numspark_fft(x), n)",
    "numspark_rfft(x)", "numspark_rfft(x, n)", "numspark_rfft(x, 12, 'forward')",
    "numspark_irfft(numspark_rfft(x), n)", "numspark_abs(numspark_rfft(x))",
    "numspark_power_spectrum(x)", "numspark_power_spectrum(x, n)", "numspark_dct(x, 2, 'ortho')",
    "numspark_dct(x, 4)", "numspark_welch(x, 4.0, 8)", "numspark_fftconvolve(x, y, 'same')",
    "numspark_fftconvolve(y, x)", "numspark_solve(A, b)", "numspark_lstsq(A, b)",
    "numspark_eigh(A)", "numspark_svdvals(A)", "numspark_det(A)", "numspark_inv(A)",
    "numspark_fft_features(x)", "numspark_fft_features(x, 'complex')",
    "numspark_welch_features(x, 4.0, 'boxcar', 4)")

  private def evaluate(codegen: Boolean): Array[Row] = {
    val settings = Map(
      "spark.sql.codegen.wholeStage" -> codegen.toString,
      "spark.sql.codegen.factoryMode" -> (if (codegen) "CODEGEN_ONLY" else "NO_CODEGEN"))
    val before = settings.keys.map(k => k -> spark.conf.getOption(k)).toMap
    settings.foreach { case (k, v) => spark.conf.set(k, v) }
    try inputs.selectExpr("id" +: calls.zipWithIndex.map { case (c, i) => s"$c AS c$i" }: _*)
      .orderBy("id").collect()
    finally before.foreach {
      case (k, Some(v)) => spark.conf.set(k, v)
      case (k, None) => spark.conf.unset(k)
    }
  }

  test("generated code equals interpreted evaluation for every function, NULLs included") {
    val generated = evaluate(codegen = true)
    val interpreted = evaluate(codegen = false)
    assert(generated.length == 9)
    generated.zip(interpreted).foreach { case (g, i) =>
      calls.indices.foreach { c =>
        assert(g.get(c + 1) == i.get(c + 1), s"${calls(c)} on row ${g.getInt(0)}")
      }
    }
    val row4 = generated.find(_.getInt(0) == 4).get // x is NULL there
    assert(row4.isNullAt(calls.indexOf("numspark_rfft(x)") + 1))
    assert(!row4.isNullAt(calls.indexOf("numspark_svdvals(A)") + 1))
    val row6 = generated.find(_.getInt(0) == 6).get // n is NULL there: SciPy's default length
    assert(row6.get(calls.indexOf("numspark_rfft(x, n)") + 1) ==
      row6.get(calls.indexOf("numspark_rfft(x)") + 1))
    val row2 = generated.find(_.getInt(0) == 2).get // A is NULL there
    assert(row2.isNullAt(calls.indexOf("numspark_det(A)") + 1))
  }

  test("a query with the functions stays in one whole-stage-codegen stage") {
    val df = inputs.selectExpr("numspark_rfft(x, n) AS X", "numspark_det(A) AS d")
      .selectExpr("element_at(X.re, 1) + d AS s")
    df.collect()
    val fused = df.queryExecution.executedPlan.collect {
      case w: WholeStageCodegenExec => w.child.collect { case p: ProjectExec => p }
    }.flatten
    val names = fused.flatMap(_.projectList.flatMap(_.collect {
      case e: NumsparkExpression => e.prettyName
    }))
    assert(names.toSet == Set("numspark_rfft", "numspark_det"), df.queryExecution.executedPlan)
  }
}
