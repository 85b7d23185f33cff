package dev.numspark.spark.ml

import dev.numspark.spark.{LocalSpark, NumsparkExtensions}
import org.apache.spark.ml.linalg.Vector
import org.apache.spark.sql.AnalysisException
import org.scalatest.funsuite.AnyFunSuite

import SignalRows._

/** The feature SQL functions through spark.sql.extensions: documented examples, NULLs, errors. */
class MlFunctionsSuite extends AnyFunSuite with LocalSpark {

  override protected def sparkConf: Map[String, String] =
    Map("spark.sql.extensions" -> classOf[NumsparkExtensions].getName)

  test("DESCRIBE FUNCTION shows usage and examples, and every example gives what it says") {
    for (spec <- MlFunctions.all) {
      val described = spark.sql(s"DESCRIBE FUNCTION EXTENDED ${spec.name}").collect().map(_.getString(0))
      assert(described.exists(_.contains(spec.name + "(")), described.mkString("\n"))
      val lines = spec.examples.linesIterator.map(_.trim).filter(_.nonEmpty).toSeq.drop(1)
      assert(lines.length >= 2)
      lines.grouped(2).foreach { case Seq(query, result) =>
        val got = spark.sql(query.stripPrefix("> ").stripSuffix(";")).head().getAs[Vector](0).toArray
        val expected = result.stripPrefix("[").stripSuffix("]").split(",").map(_.toDouble)
        assert(got.length == expected.length, query)
        got.zip(expected).foreach { case (g, e) => assert(math.abs(g - e) <= 1e-12, s"$query: $g") }
      }
    }
  }

  test("NULL in gives NULL out; NULL options keep SciPy's defaults") {
    val r = spark.sql("SELECT numspark_fft_features(CAST(NULL AS array<double>)), " +
      "numspark_welch_features(array(1.0, 2.0, 3.0, 4.0), NULL, NULL, NULL, NULL, NULL, NULL, " +
      "NULL, NULL), numspark_welch_features(array(1.0, 2.0, 3.0, 4.0))").head()
    assert(r.isNullAt(0))
    assert(r.getAs[Vector](1) == r.getAs[Vector](2))
  }

  test("bad arguments are analysis errors naming the function") {
    val e = intercept[AnalysisException](spark.sql("SELECT numspark_fft_features('abc')").collect())
    assert(e.getMessage.contains("numspark_fft_features: x must be array<double> (any numeric " +
      "array) or an ML Vector"), e.getMessage)
    val options = intercept[AnalysisException] {
      spark.sql("SELECT numspark_welch_features(array(1.0), 'a')").collect()
    }
    assert(options.getMessage.contains("fs must be a number"), options.getMessage)
    val mode = intercept[Exception] {
      spark.sql("SELECT numspark_fft_features(array(1.0), 'phase')").collect()
    }
    assert(rootMessage(mode).contains("numspark_fft_features: mode must be one of 'magnitude', " +
      "'power', 'complex', got 'phase'"), rootMessage(mode))
  }

  test("the transformers run in a session that has the functions from the extension") {
    val df = frame(spark, signals(3, 16))
    val out = new FFTTransformer().setInputCol("v").setOutputCol("f").transform(df)
    assert(out.filter("f IS NOT NULL").count() == 3)
  }
}
