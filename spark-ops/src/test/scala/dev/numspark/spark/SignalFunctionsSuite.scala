package dev.numspark.spark

import com.fasterxml.jackson.databind.{JsonNode, ObjectMapper}
import dev.numspark.array.NdArray
import dev.numspark.fft.Fft
import dev.numspark.signal.{Signal, SpectralOptions, Window}
import org.apache.spark.sql.{AnalysisException, Row}
import org.apache.spark.sql.types.{ArrayType, DoubleType}
import org.apache.spark.sql.functions._
import org.scalatest.funsuite.AnyFunSuite

import scala.jdk.CollectionConverters._

/** The FFT SQL functions on local[2] equal the local kernels exactly; errors name the function. */
class SignalFunctionsSuite extends AnyFunSuite with LocalSpark {

  override def beforeAll(): Unit = {
    super.beforeAll()
    Numspark.register(spark)
  }

  private def signals(rows: Int, length: Int) = {
    val rnd = new scala.util.Random(42)
    val session = spark
    import session.implicits._
    (0 until rows).map(i => (i, Array.fill(length + i % 3)(rnd.nextGaussian()))).toDF("id", "x")
  }

  private def parts(r: Row): Array[Double] = {
    val re = r.getSeq[Double](0)
    val im = r.getSeq[Double](1)
    re.indices.flatMap(i => Seq(re(i), im(i))).toArray
  }

  test("numspark_rfft equals Fft.rfft row by row, bit for bit") {
    val df = signals(20, 64)
    val out = df.select(col("x"), expr("numspark_rfft(x)").as("X")).collect()
    out.foreach { r =>
      val x = r.getSeq[Double](0).toArray
      val expected = Fft.rfft(NdArray.real(x, x.length), null, -1, null, 1).data()
      assert(parts(r.getStruct(1)).sameElements(expected))
    }
  }

  test("numspark_rfft's struct reads the same through every consumer") {
    // The struct is built directly in Catalyst's memory layout: check it through a shuffle,
    // the cache, field and element access, JSON, a nested function, and n and norm options.
    val df = signals(12, 33)
    val spectra = df.select(col("id"), col("x"),
      expr("numspark_rfft(x, 40, 'ortho')").as("spec")).repartition(3).cache()
    val rows = spectra.select(col("id"), col("x"), col("spec"), col("spec.re").as("re"),
      expr("element_at(spec.im, 2)").as("im1"), to_json(col("spec")).as("json"),
      expr("numspark_abs(spec)").as("abs")).collect()
    assert(rows.length == 12)
    val mapper = new ObjectMapper()
    rows.foreach { r =>
      val x = r.getSeq[Double](1).toArray
      val expected = Fft.rfft(NdArray.real(x, x.length), 40, -1, "ortho", 1).data()
      assert(parts(r.getStruct(2)).sameElements(expected), s"row ${r.getInt(0)}")
      assert(r.getSeq[Double](3).sameElements(expected.indices.collect {
        case i if i % 2 == 0 => expected(i) }))
      assert(r.getDouble(4) == expected(3))
      val json = mapper.readTree(r.getString(5))
      assert(json.get("re").size() == 21 && json.get("im").get(1).asDouble() == expected(3))
      assert(r.getSeq[Double](6).zipWithIndex.forall { case (a, k) =>
        a == Math.hypot(expected(2 * k), expected(2 * k + 1)) })
    }
    spectra.unpersist()
  }

  test("numspark_fft and numspark_ifft with n and norm equal the kernels") {
    val df = signals(8, 30)
    val out = df.select(col("x"), expr("numspark_fft(x, 32, 'ortho')"),
      expr("numspark_ifft(numspark_fft(x), null, 'forward')")).collect()
    out.foreach { r =>
      val x = r.getSeq[Double](0).toArray
      val input = NdArray.real(x, x.length).toComplex
      assert(parts(r.getStruct(1)).sameElements(Fft.fft(input, 32, -1, "ortho", 1).data()))
      val roundTrip = Fft.ifft(Fft.fft(input, null, -1, null, 1), null, -1, "forward", 1).data()
      assert(parts(r.getStruct(2)).sameElements(roundTrip))
    }
  }

  test("numspark_irfft inverts numspark_rfft; numspark_dct equals Fft.dct") {
    val out = signals(5, 16).select(col("x"), expr("numspark_irfft(numspark_rfft(x), size(x))"),
      expr("numspark_dct(x, 4, 'ortho')")).collect()
    out.foreach { r =>
      val x = r.getSeq[Double](0).toArray
      r.getSeq[Double](1).zip(x).foreach { case (a, b) => assert(math.abs(a - b) <= 1e-12) }
      val dct = Fft.dct(NdArray.real(x, x.length), 4, null, -1, "ortho", 1, null).data()
      assert(r.getSeq[Double](2).toArray.sameElements(dct))
    }
  }

  test("numspark_abs and numspark_power_spectrum are |X| and |X|^2") {
    val r = spark.sql("SELECT numspark_abs(numspark_rfft(array(3.0, 4.0))), " +
      "numspark_power_spectrum(array(3.0, 4.0))").head()
    assert(r.getSeq[Double](0) == Seq(7.0, 1.0))
    assert(r.getSeq[Double](1) == Seq(49.0, 1.0))
  }

  test("numspark_welch equals Signal.welch with the same options") {
    val out = signals(6, 300).select(col("x"),
      expr("numspark_welch(x, 100.0)"),
      expr("numspark_welch(x, 1000, 64, 16, 'tukey:0.25', 'spectrum')")).collect()
    out.foreach { r =>
      val x = NdArray.real(r.getSeq[Double](0).toArray, r.getSeq[Double](0).length)
      val defaults = Signal.welch(x, SpectralOptions.defaults().fs(100.0).workers(1))
      val custom = Signal.welch(x, SpectralOptions.defaults().fs(1000).nperseg(64).noverlap(16)
        .window(Window.parse("tukey:0.25")).scaling("spectrum").workers(1))
      for ((col, expected) <- Seq(1 -> defaults, 2 -> custom)) {
        val s = r.getStruct(col)
        assert(s.getSeq[Double](0).toArray.sameElements(expected.freqs()))
        assert(s.getSeq[Double](1).toArray.sameElements(expected.values().data()))
      }
    }
  }

  test("numspark_fftconvolve equals Signal.fftconvolve in every mode") {
    val df = signals(4, 50).select(col("x"), expr("slice(x, 1, 7)").as("k"))
    for (mode <- Seq("full", "same", "valid")) {
      df.select(col("x"), col("k"), expr(s"numspark_fftconvolve(x, k, '$mode')")).collect().foreach { r =>
        val a = r.getSeq[Double](0).toArray
        val b = r.getSeq[Double](1).toArray
        val expected = Signal.fftconvolve(NdArray.real(a, a.length), NdArray.real(b, b.length),
          mode, null, 1).data()
        assert(r.getSeq[Double](2).toArray.sameElements(expected), mode)
      }
    }
    val e = intercept[Exception](df.select(expr("numspark_fftconvolve(x, k, 'sideways')")).collect())
    assert(rootMessage(e).contains("numspark_fftconvolve:"), rootMessage(e))
  }

  test("integer and float arrays are accepted as signals") {
    val r = spark.sql("SELECT numspark_rfft(array(1, 2, 3, 4))").head().getStruct(0)
    assert(r.getSeq[Double](0) == Seq(10.0, -2.0, -2.0))
  }

  test("NULL in gives NULL out") {
    val r = spark.sql("SELECT numspark_fft(CAST(NULL AS array<double>)), " +
      "numspark_abs(CAST(NULL AS struct<re: array<double>, im: array<double>>))").head()
    assert(r.isNullAt(0) && r.isNullAt(1))
  }

  test("a NULL sample is an error naming the function, not a silent zero") {
    val session = spark
    import session.implicits._
    val df = Seq(Seq(Some(1.0), None, Some(3.0))).toDF("x")
    val e = intercept[Exception](df.select(expr("numspark_rfft(x)")).collect())
    assert(rootMessage(e).contains("numspark_rfft: the signal has a NULL at index 1"), rootMessage(e))
  }

  test("NULL samples are found in any word of the null bitmap; arrays typed nullable without NULLs compute") {
    val session = spark
    import session.implicits._
    // 130 samples: the null bitmap of an UnsafeArrayData has three 64-bit words
    def signal(nullAt: Option[Int]) = (0 until 130).map(i => if (nullAt.contains(i)) None else Some(i % 5 - 2.0))
    for (at <- Seq(0, 63, 64, 129)) {
      val df = Seq(signal(Some(at))).toDF("x")
      val e = intercept[Exception](df.select(expr("numspark_welch(x, 1.0, 16)")).collect())
      assert(rootMessage(e).contains(s"numspark_welch: the signal has a NULL at index $at"), rootMessage(e))
    }
    val clean = Seq(signal(None)).toDF("x")
    assert(clean.schema("x").dataType == ArrayType(DoubleType, containsNull = true))
    val psd = clean.select(expr("numspark_welch(x, 1.0, 16).psd")).head().getSeq[Double](0)
    val expected = Signal.welch(NdArray.real(signal(None).map(_.get).toArray, 130),
      SpectralOptions.defaults().fs(1.0).nperseg(16)).values().data().toSeq
    assert(psd == expected)
  }

  test("bad arguments are analysis errors naming the function") {
    val wrongType = intercept[AnalysisException](spark.sql("SELECT numspark_rfft('abc')").collect())
    assert(wrongType.getMessage.contains("numspark_rfft: x must be array<double>"), wrongType.getMessage)
    val arity = intercept[AnalysisException](spark.sql("SELECT numspark_fft()").collect())
    assert(arity.getMessage.contains("numspark_fft takes 1 to 3 arguments"), arity.getMessage)
    val notConstant = intercept[AnalysisException] {
      signals(2, 8).select(expr("numspark_fft(x, 8, CAST(id AS string))")).collect()
    }
    assert(notConstant.getMessage.contains("must be constants"), notConstant.getMessage)
  }

  test("a kernel's own error (n < 1) reaches the user with SciPy's words") {
    val e = intercept[Exception](signals(2, 4).select(expr("numspark_fft(x, 0)")).collect())
    assert(rootMessage(e).contains("numspark_fft: invalid number of data points (0) specified"),
      rootMessage(e))
    // the per-row rfft path translates errors without SignalFunctions.guarded
    for (fn <- Seq("numspark_rfft", "numspark_power_spectrum")) {
      val r = intercept[Exception](signals(2, 4).select(expr(s"$fn(x, 0)")).collect())
      assert(rootMessage(r).contains(s"$fn: invalid number of data points (0) specified"),
        rootMessage(r))
    }
  }

  test("DESCRIBE FUNCTION shows usage and an example, and every example is right") {
    val json = new ObjectMapper()
    for (spec <- SignalFunctions.all) {
      val described = spark.sql(s"DESCRIBE FUNCTION EXTENDED ${spec.name}").collect().map(_.getString(0))
      assert(described.exists(_.contains(spec.name + "(")), described.mkString("\n"))
      assert(described.exists(_.contains("Examples:")), described.mkString("\n"))
      val lines = spec.examples.linesIterator.map(_.trim).filter(_.nonEmpty).toSeq
      val query = lines.find(_.startsWith("> SELECT ")).get.stripPrefix("> SELECT ").stripSuffix(";")
      val expected = json.readTree(lines.last)
      val actual = json.readTree(spark.sql(s"SELECT to_json($query)").head().getString(0))
      assertClose(expected, actual, spec.name)
    }
  }

  private def assertClose(expected: JsonNode, actual: JsonNode, what: String): Unit = {
    if (expected.isNumber) {
      assert(math.abs(expected.asDouble - actual.asDouble) <= 1e-12 * math.max(1, math.abs(expected.asDouble)),
        s"$what: $expected vs $actual")
    } else if (expected.isArray) {
      assert(expected.size == actual.size, s"$what: $expected vs $actual")
      (0 until expected.size).foreach(i => assertClose(expected.get(i), actual.get(i), what))
    } else {
      assert(expected.fieldNames.asScala.toSet == actual.fieldNames.asScala.toSet, s"$what: $actual")
      expected.fieldNames.asScala.foreach(f => assertClose(expected.get(f), actual.get(f), what))
    }
  }

  private def rootMessage(t: Throwable): String =
    Iterator.iterate(t)(_.getCause).takeWhile(_ != null).map(_.getMessage).mkString(" | ")
}
