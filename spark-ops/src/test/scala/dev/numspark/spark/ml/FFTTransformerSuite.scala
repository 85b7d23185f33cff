package dev.numspark.spark.ml

import dev.numspark.array.NdArray
import dev.numspark.fft.Fft
import dev.numspark.spark.{LocalSpark, NumsparkExpression}
import org.apache.spark.ml.{Pipeline, PipelineModel, PipelineStage}
import org.apache.spark.ml.attribute.AttributeGroup
import org.apache.spark.ml.feature.VectorAssembler
import org.apache.spark.ml.linalg.{SQLDataTypes, Vector}
import org.apache.spark.sql.Row
import org.apache.spark.sql.types._
import org.scalatest.funsuite.AnyFunSuite

import java.nio.file.Files

import SignalRows._

/**
 * FFTTransformer on local[2]: every row's features are the local kernel's rfft X (as |X|, |X|^2 or
 * interleaved re, im), bit for bit, for array and Vector input; schema errors name the stage.
 */
class FFTTransformerSuite extends AnyFunSuite with LocalSpark {

  private lazy val data = frame(spark, signals(12, 40))

  private def rfft(x: Array[Double], n: Integer, norm: String): Array[Double] =
    Fft.rfft(NdArray.real(x, x.length), n, -1, norm, 1).data()

  /** Checks every non-NULL row of column c against the kernel; NULL signal rows must give NULL. */
  private def checkAgainstKernel(fft: FFTTransformer, c: String, n: Integer, norm: String)
      (expected: Array[Double] => Array[Double]): Unit = {
    val out = fft.setInputCol(c).setOutputCol("f").transform(data).collect()
    assert(out.length == 13)
    out.foreach { r =>
      if (r.isNullAt(r.fieldIndex(c))) assert(r.isNullAt(r.fieldIndex("f")), s"row ${r.getInt(0)}")
      else {
        val x = samples(r, c)
        val got = r.getAs[Vector]("f").toArray
        assert(got.sameElements(expected(rfft(x, n, norm))), s"$c row ${r.getInt(0)}")
      }
    }
  }

  private def magnitude(X: Array[Double]) = Array.tabulate(X.length / 2)(k => math.hypot(X(2 * k), X(2 * k + 1)))

  test("complex mode is rfft(x) as interleaved re, im, for every input type") {
    for (c <- Seq("x", "xi", "v", "s")) {
      checkAgainstKernel(new FFTTransformer().setOutputMode("complex"), c, null, null)(identity)
    }
  }

  test("magnitude (the default) is |X| and power is |X|^2, for every input type") {
    for (c <- Seq("x", "xi", "v", "s")) {
      checkAgainstKernel(new FFTTransformer(), c, null, null)(magnitude)
      checkAgainstKernel(new FFTTransformer().setOutputMode("power"), c, null, null) { X =>
        magnitude(X).map(h => h * h)
      }
    }
  }

  test("n pads or truncates and norm scales, as scipy.fft.rfft(x, n, norm=norm)") {
    for (n <- Seq(16, 64); norm <- Seq("backward", "ortho", "forward")) {
      checkAgainstKernel(new FFTTransformer().setOutputMode("complex").setN(n).setNorm(norm),
        "x", n, norm)(identity)
    }
  }

  test("with n set, the output vector's size is in the ML attribute metadata") {
    val out = new FFTTransformer().setInputCol("x").setOutputCol("f").setN(64)
      .setOutputMode("complex").transform(data)
    assert(AttributeGroup.fromStructField(out.schema("f")).size == 2 * (64 / 2 + 1))
    assert(out.head().getAs[Vector]("f").size == 66)
    val unknown = new FFTTransformer().setInputCol("x").transformSchema(data.schema)
    assert(unknown.last.dataType == SQLDataTypes.VectorType)
  }

  test("the transformation is a native Catalyst expression, not a UDF") {
    val out = new FFTTransformer().setInputCol("x").setOutputCol("f").transform(data)
    val expressions = out.queryExecution.analyzed.expressions.flatMap(_.collect {
      case e: NumsparkExpression => e.spec.name
    })
    assert(expressions == Seq(MlFunctions.FftFeatures))
  }

  test("a user's function named numspark_fft_features does not change the output") {
    // the stage builds its expression itself: a session function of that name is never asked
    spark.udf.register(MlFunctions.FftFeatures, (x: Seq[Double]) => Seq(-1.0))
    try {
      assert(spark.sql(s"SELECT ${MlFunctions.FftFeatures}(array(1.0, 2.0))").head().getSeq[Double](0) ==
        Seq(-1.0))
      checkAgainstKernel(new FFTTransformer(), "x", null, null)(magnitude)
    } finally spark.sql(s"DROP TEMPORARY FUNCTION ${MlFunctions.FftFeatures}")
  }

  test("params: defaults, Java-style setters and getters, validation on set") {
    val fft = new FFTTransformer()
    assert(fft.getOutputMode == "magnitude" && fft.getNorm == "backward")
    assert(!fft.isSet(fft.n) && !fft.isDefined(fft.n))
    assert(fft.getOutputCol == fft.uid + "__output")
    fft.setN(10).setNorm("ortho").setOutputMode("power").setInputCol("a").setOutputCol("b")
    assert((fft.getN, fft.getNorm, fft.getOutputMode, fft.getInputCol, fft.getOutputCol) ==
      ((10, "ortho", "power", "a", "b")))
    intercept[IllegalArgumentException](fft.setOutputMode("phase"))
    intercept[IllegalArgumentException](fft.setNorm("none"))
    intercept[IllegalArgumentException](fft.setN(0))
  }

  test("frequencies are rfftfreq(n, 1/fs)") {
    val fft = new FFTTransformer()
    assert(fft.frequencies(8, 100.0).sameElements(Array(0.0, 12.5, 25.0, 37.5, 50.0)))
    assert(fft.setN(4).frequencies(1000).sameElements(Array(0.0, 0.25, 0.5)))
  }

  test("transformSchema errors name the stage and the problem") {
    def message(f: FFTTransformer) =
      intercept[IllegalArgumentException](f.transformSchema(data.schema)).getMessage
    val unset = message(new FFTTransformer())
    assert(unset.contains("FFTTransformer") && unset.contains("inputCol is not set"), unset)
    val missing = message(new FFTTransformer().setInputCol("signal"))
    assert(missing.contains("input column 'signal' does not exist") && missing.contains("[id, x, xi, v, s]"),
      missing)
    val strings = data.selectExpr("CAST(id AS string) AS t")
    val wrongType = intercept[IllegalArgumentException] {
      new FFTTransformer().setInputCol("t").transform(strings)
    }.getMessage
    assert(wrongType.contains("input column 't' must be array<double>") && wrongType.contains("string"),
      wrongType)
    val exists = message(new FFTTransformer().setInputCol("x").setOutputCol("v"))
    assert(exists.contains("output column 'v' already exists"), exists)
  }

  test("a NULL sample fails the job with an error naming the function") {
    val session = spark
    import session.implicits._
    val df = Seq(Seq(Some(1.0), None, Some(3.0))).toDF("x")
    val e = intercept[Exception](new FFTTransformer().setInputCol("x").transform(df).collect())
    assert(rootMessage(e).contains("numspark_fft_features: the signal has a NULL at index 1"),
      rootMessage(e))
  }

  test("save and load keep uid and params; the loaded stage gives the same features") {
    val dir = Files.createTempDirectory("fft-transformer")
    val fft = new FFTTransformer().setInputCol("v").setOutputCol("f").setN(32).setNorm("ortho")
      .setOutputMode("power")
    fft.write.overwrite().save(dir.resolve("fft").toString)
    val loaded = FFTTransformer.load(dir.resolve("fft").toString)
    assert(loaded.uid == fft.uid)
    assert(loaded.extractParamMap().toSeq.map(p => p.param.name -> p.value).toMap ==
      fft.extractParamMap().toSeq.map(p => p.param.name -> p.value).toMap)
    assert(features(loaded.transform(data)) == features(fft.transform(data)))
    deleteRecursively(dir)
  }

  test("inside a Pipeline with other stages, fitted, saved and loaded as a PipelineModel") {
    val dir = Files.createTempDirectory("fft-pipeline")
    val stages: Array[PipelineStage] = Array(
      new FFTTransformer().setInputCol("x").setOutputCol("spectrum").setN(16),
      new WelchTransformer().setInputCol("v").setOutputCol("psd").setNperseg(16).setNfft(16),
      new VectorAssembler().setInputCols(Array("spectrum", "psd")).setOutputCol("f"))
    val noNulls = data.na.drop()
    val model = new Pipeline().setStages(stages).fit(noNulls)
    model.write.overwrite().save(dir.toString)
    val loaded = PipelineModel.load(dir.toString)
    assert(loaded.stages.map(_.getClass) sameElements model.stages.map(_.getClass))
    val expected = features(model.transform(noNulls))
    assert(features(loaded.transform(noNulls)) == expected)
    // the assembled features are the two stages' own outputs side by side
    noNulls.collect().zip(expected).foreach { case (r, f) =>
      val x = samples(r, "x")
      assert(f.take(9) == magnitude(rfft(x, 16, null)).toSeq)
      assert(f.length == 9 + 9)
    }
    deleteRecursively(dir)
  }

  private def features(df: org.apache.spark.sql.DataFrame): Seq[Seq[Double]] =
    df.orderBy("id").collect().toSeq.map { r: Row =>
      val i = r.fieldIndex("f")
      if (r.isNullAt(i)) null else r.getAs[Vector](i).toArray.toSeq
    }

  private def deleteRecursively(dir: java.nio.file.Path): Unit =
    Files.walk(dir).sorted(java.util.Comparator.reverseOrder()).forEach(p => Files.delete(p))
}
