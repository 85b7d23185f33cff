package dev.numspark.spark

import org.apache.spark.ml.linalg.{DenseMatrix, Matrix, Vector, Vectors}
import org.apache.spark.sql.{AnalysisException, DataFrame}
import org.apache.spark.sql.catalyst.expressions.Cast
import org.apache.spark.sql.functions.expr
import org.apache.spark.sql.types.DoubleType
import org.scalatest.funsuite.AnyFunSuite

/**
 * A constant option that no row can take fails the query when it is analyzed, with the kernel's
 * (SciPy's) words and the function's name, before any job runs; errors that depend on a row's
 * values stay run-time errors.
 */
class LiteralOptionsSuite extends AnyFunSuite with LocalSpark {

  override def beforeAll(): Unit = {
    super.beforeAll()
    Numspark.register(spark)
  }

  /** Signals (x), a spectrum, a matrix (A) and a vector (b), from an RDD (not a local relation). */
  private lazy val data: DataFrame = {
    val session = spark
    import session.implicits._
    val local = Seq((Array(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0),
      new DenseMatrix(2, 2, Array(2.0, 0.0, 0.0, 2.0)): Matrix, Vectors.dense(1.0, 1.0): Vector))
      .toDF("x", "A", "b").selectExpr("x", "numspark_rfft(x) AS spectrum", "A", "b")
    spark.createDataFrame(local.rdd, local.schema)
  }

  private var groups = 0

  /**
   * The AnalysisException of building the DataFrame (no action is called); checks that it names
   * the function and that no job ran for it.
   */
  private def analysisError(fn: String)(build: => DataFrame): String = {
    groups += 1
    val group = s"literal-options-$groups"
    val sc = spark.sparkContext
    sc.setJobGroup(group, "analysis only")
    val e = try intercept[AnalysisException](build) finally sc.clearJobGroup()
    assert(sc.statusTracker.getJobIdsForGroup(group).isEmpty, s"a job ran for $fn")
    assert(e.getMessage.contains(s"$fn: "), e.getMessage)
    e.getMessage
  }

  private def assertAnalysisError(call: String, words: String): Unit = {
    val fn = call.takeWhile(_ != '(')
    val viaSelect = analysisError(fn)(data.select(expr(call)))
    assert(viaSelect.contains(s"$fn: $words"), s"$call: $viaSelect")
    data.createOrReplaceTempView("literal_options")
    val viaSql = analysisError(fn)(spark.sql(s"SELECT $call FROM literal_options"))
    assert(viaSql.contains(s"$fn: $words"), s"$call: $viaSql")
  }

  test("the four reported calls fail at analysis with SciPy's words") {
    assertAnalysisError("numspark_rfft(x, 0)", "invalid number of data points (0) specified")
    assertAnalysisError("numspark_fft(x, 16, 'bogus')", "Invalid norm value 'bogus', should be " +
      "\"backward\", \"ortho\" or \"forward\"")
    assertAnalysisError("numspark_welch(x, 250.0, -3)",
      "Parameter nperseg=-3 is not a positive integer!")
    assertAnalysisError("numspark_dct(x, 7)", "invalid DCT type")
  }

  test("FFT functions: n and norm") {
    for (fn <- Seq("numspark_fft", "numspark_ifft", "numspark_rfft", "numspark_power_spectrum")) {
      assertAnalysisError(s"$fn(x, -2)", "invalid number of data points (-2) specified")
      assertAnalysisError(s"$fn(x, NULL, 'none')", "Invalid norm value 'none'")
    }
    assertAnalysisError("numspark_irfft(spectrum, 0)", "invalid number of data points (0) specified")
    assertAnalysisError("numspark_irfft(spectrum, 8, 'Ortho')", "Invalid norm value 'Ortho'")
  }

  test("numspark_dct: type and norm") {
    assertAnalysisError("numspark_dct(x, 0, 'ortho')", "invalid DCT type")
    assertAnalysisError("numspark_dct(x, 2, 'backwards')", "Invalid norm value 'backwards'")
  }

  test("numspark_welch: fs, nperseg, noverlap, window and scaling") {
    assertAnalysisError("numspark_welch(x, 0.0)", "Sampling frequency fs=0 must be positive!")
    assertAnalysisError("numspark_welch(x, NULL)", "fs must not be NULL")
    assertAnalysisError("numspark_welch(x, 100.0, 0)", "Parameter nperseg=0 is not a positive integer!")
    assertAnalysisError("numspark_welch(x, 100.0, 64, 64)", "noverlap=64 must be less than nperseg=64!")
    // nperseg's default is 256 (shorter signals have shorter segments): noverlap 300 fits none
    assertAnalysisError("numspark_welch(x, 100.0, NULL, 300)",
      "noverlap=300 must be less than nperseg=256!")
    assertAnalysisError("numspark_welch(x, 100.0, 64, 16, 'no-such-window')",
      "Invalid window name 'no-such-window'")
    assertAnalysisError("numspark_welch(x, 100.0, 64, 16, 'hann', 'power')",
      "Parameter scaling='power' not in {'spectrum': 'magnitude', 'density': 'psd'}!")
  }

  test("numspark_fftconvolve: mode; numspark_solve: assume_a") {
    assertAnalysisError("numspark_fftconvolve(x, x, 'circular')",
      "acceptable mode flags are 'valid', 'same', or 'full'")
    // 'hermitian' is a structure since SciPy 1.17 (and numspark's complex solve)
    assertAnalysisError("numspark_solve(A, b, 'hermitean')",
      "hermitean is not a recognized matrix structure")
  }

  test("numspark_fft_features: mode, n and norm") {
    assertAnalysisError("numspark_fft_features(x, 'phase')",
      "mode must be one of 'magnitude', 'power', 'complex', got 'phase'")
    assertAnalysisError("numspark_fft_features(x, 'power', 0)",
      "invalid number of data points (0) specified")
    assertAnalysisError("numspark_fft_features(x, 'power', 16, 'bogus')", "Invalid norm value 'bogus'")
  }

  test("numspark_welch_features: every option") {
    val f = "numspark_welch_features"
    assertAnalysisError(s"$f(x, -1.0)", "Sampling frequency fs=-1 must be positive!")
    assertAnalysisError(s"$f(x, 1.0, 'kaiser')", "'kaiser' must have parameters")
    assertAnalysisError(s"$f(x, 1.0, 'hann', -1)", "Parameter nperseg=-1 is not a positive integer!")
    assertAnalysisError(s"$f(x, 1.0, 'hann', 8, 9)", "noverlap=9 must be less than nperseg=8!")
    assertAnalysisError(s"$f(x, 1.0, 'hann', 8, 4, 0)",
      "nfft=0 must be greater than or equal to nperseg=1!")
    assertAnalysisError(s"$f(x, 1.0, 'hann', 8, 4, 8, 'quadratic')",
      "Trend type must be 'linear' or 'constant'.")
    assertAnalysisError(s"$f(x, 1.0, 'hann', 8, 4, 8, 'linear', 'psd2')", "Parameter scaling='psd2'")
    assertAnalysisError(s"$f(x, 1.0, 'hann', 8, 4, 8, 'linear', 'density', 'max')",
      "Parameter average='max' must be 'median' or 'mean'!")
  }

  test("an option of the wrong type is an analysis error; an integer fs is cast to double") {
    assertAnalysisError("numspark_dct(x, 2.5)", "type must be an integer, got decimal(2,1)")
    assertAnalysisError("numspark_fft(x, 4.0D)", "n must be an integer, got double")
    assertAnalysisError("numspark_welch(x, '250')", "fs must be a number, got string")
    val legacy = spark.conf.get("spark.sql.ansi.enabled")
    spark.conf.set("spark.sql.ansi.enabled", "false")
    try assertAnalysisError("numspark_dct(x, 2.5)", "type must be an integer")
    finally spark.conf.set("spark.sql.ansi.enabled", legacy)

    val asInt = data.select(expr("numspark_welch(x, 4, 4)"))
    val cast = asInt.queryExecution.analyzed.expressions.flatMap(_.collect {
      case e: NumsparkExpression => e.children(1)
    })
    assert(cast.collect { case c: Cast => c.dataType } == Seq(DoubleType), cast)
    assert(asInt.head() == data.select(expr("numspark_welch(x, 4.0, 4)")).head())
  }

  test("errors that depend on a row's values stay run-time errors") {
    // nfft 6 < nperseg 8 is fine for this 4-sample signal (its segment is 4 samples long)
    val short = spark.sql("SELECT numspark_welch_features(array(1.0, 2.0, 3.0, 4.0), 1.0, " +
      "'boxcar', 8, 2, 6) AS p").head().getAs[Vector](0)
    assert(short.size == 4)
    // noverlap 10 fits the default 256-sample segment, not this 8-sample signal's
    val df = data.select(expr("numspark_welch(x, 1.0, NULL, 10)"))
    val e = intercept[Exception](df.collect())
    val message = Iterator.iterate[Throwable](e)(_.getCause).takeWhile(_ != null)
      .map(_.getMessage).mkString(" | ")
    assert(!e.isInstanceOf[AnalysisException] &&
      message.contains("numspark_welch: noverlap=10 must be less than nperseg=8!"), message)
  }
}
