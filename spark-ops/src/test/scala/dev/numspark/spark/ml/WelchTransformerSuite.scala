package dev.numspark.spark.ml

import dev.numspark.array.NdArray
import dev.numspark.signal.{Signal, SpectralOptions}
import dev.numspark.spark.LocalSpark
import org.apache.spark.ml.{Pipeline, PipelineModel}
import org.apache.spark.ml.attribute.AttributeGroup
import org.apache.spark.ml.linalg.Vector
import org.scalatest.funsuite.AnyFunSuite

import java.nio.file.Files

import SignalRows._

/**
 * WelchTransformer on local[2]: every row's features are the local kernel's welch PSD, bit for
 * bit, for array and Vector input and every option; frequencies match; errors name the stage.
 */
class WelchTransformerSuite extends AnyFunSuite with LocalSpark {

  private lazy val data = frame(spark, signals(10, 300))

  /** Checks every row of column c against Signal.welch with these options. */
  private def checkAgainstKernel(welch: WelchTransformer, c: String, options: SpectralOptions): Unit = {
    val out = welch.setInputCol(c).setOutputCol("psd").transform(data).collect()
    assert(out.length == 11)
    out.foreach { r =>
      if (r.isNullAt(r.fieldIndex(c))) assert(r.isNullAt(r.fieldIndex("psd")), s"row ${r.getInt(0)}")
      else {
        val x = samples(r, c)
        val expected = Signal.welch(NdArray.real(x, x.length), options).values().data()
        assert(r.getAs[Vector]("psd").toArray.sameElements(expected), s"$c row ${r.getInt(0)}")
      }
    }
  }

  test("the defaults are scipy.signal.welch's, for every input type") {
    for (c <- Seq("x", "xi", "v", "s")) {
      checkAgainstKernel(new WelchTransformer(), c, SpectralOptions.defaults())
    }
  }

  test("every option is passed to the kernel") {
    checkAgainstKernel(new WelchTransformer().setFs(250).setWindow("tukey:0.25").setNperseg(64)
        .setNoverlap(40).setNfft(100).setDetrend("linear").setScaling("spectrum")
        .setAverage("median"), "x",
      SpectralOptions.defaults().fs(250).window("tukey", 0.25).nperseg(64).noverlap(40).nfft(100)
        .detrend("linear").scaling("spectrum").average("median"))
    checkAgainstKernel(new WelchTransformer().setWindow("boxcar").setNperseg(50).setDetrend("false"),
      "v", SpectralOptions.defaults().window("boxcar").nperseg(50).detrend("false"))
  }

  test("a user's function named numspark_welch_features does not change the output") {
    // the stage builds its expression itself: a session function of that name is never asked
    spark.udf.register(MlFunctions.WelchFeatures, (x: Seq[Double], fs: Double) => Seq(fs))
    try {
      assert(spark.sql(s"SELECT ${MlFunctions.WelchFeatures}(array(1.0), 2.0)").head()
        .getSeq[Double](0) == Seq(2.0))
      checkAgainstKernel(new WelchTransformer().setNperseg(64), "x",
        SpectralOptions.defaults().nperseg(64))
    } finally spark.sql(s"DROP TEMPORARY FUNCTION ${MlFunctions.WelchFeatures}")
  }

  test("params: SciPy's defaults, setters and getters, validation on set") {
    val w = new WelchTransformer()
    assert((w.getFs, w.getWindow, w.getDetrend, w.getScaling, w.getAverage) ==
      ((1.0, "hann", "constant", "density", "mean")))
    assert(Seq(w.nperseg, w.noverlap, w.nfft).forall(p => !w.isDefined(p)))
    w.setNperseg(128).setNoverlap(100).setNfft(256).setFs(8000)
    assert((w.getNperseg, w.getNoverlap, w.getNfft, w.getFs) == ((128, 100, 256, 8000.0)))
    intercept[IllegalArgumentException](w.setFs(0))
    intercept[IllegalArgumentException](w.setNperseg(0))
    intercept[IllegalArgumentException](w.setNoverlap(-1))
    intercept[IllegalArgumentException](w.setDetrend("quadratic"))
    intercept[IllegalArgumentException](w.setScaling("psd2"))
    intercept[IllegalArgumentException](w.setAverage("max"))
  }

  test("frequencies are the f of welch for that signal length: k fs / nfft") {
    val w = new WelchTransformer().setFs(1000).setNperseg(256)
    val f = w.frequencies(1000)
    assert(f.length == 129 && f.indices.forall(k => f(k) == k * (1.0 / (256 * (1.0 / 1000)))))
    val x = new Array[Double](100)
    // a signal shorter than nperseg is one segment of its own length
    assert(w.frequencies(100).sameElements(
      Signal.welch(NdArray.real(x, 100), SpectralOptions.defaults().fs(1000).nperseg(256)).freqs()))
    assert(w.frequencies(0).isEmpty)
  }

  test("with nfft set, the PSD size is in the ML attribute metadata") {
    val out = new WelchTransformer().setInputCol("x").setOutputCol("psd").setNperseg(64).setNfft(128)
      .transform(data)
    assert(AttributeGroup.fromStructField(out.schema("psd")).size == 65)
    assert(out.na.drop().head().getAs[Vector]("psd").size == 65)
  }

  test("transformSchema errors name the stage and the problem, in SciPy's words") {
    def message(w: WelchTransformer) =
      intercept[IllegalArgumentException](w.transformSchema(data.schema)).getMessage
    val missing = message(new WelchTransformer().setInputCol("y"))
    assert(missing.startsWith("WelchTransformer") && missing.contains("input column 'y' does not exist"),
      missing)
    val wrongType = message(new WelchTransformer().setInputCol("id"))
    assert(wrongType.contains("input column 'id' must be array<double>") && wrongType.contains("int"),
      wrongType)
    val exists = message(new WelchTransformer().setInputCol("x").setOutputCol("x"))
    assert(exists.contains("output column 'x' already exists"), exists)
    val window = message(new WelchTransformer().setInputCol("x").setWindow("no-such-window"))
    assert(window.contains("window 'no-such-window'"), window)
    val overlap = message(new WelchTransformer().setInputCol("x").setNperseg(8).setNoverlap(8))
    assert(overlap.contains("noverlap=8 must be less than nperseg=8!"), overlap)
    val nfft = message(new WelchTransformer().setInputCol("x").setNperseg(8).setNfft(4))
    assert(nfft.contains("nfft=4 must be greater than or equal to nperseg=8!"), nfft)
  }

  test("a kernel error on a row fails the job with an error naming the function") {
    // noverlap 100 is fine for the 256-sample default segment but not for a 50-sample signal
    val session = spark
    import session.implicits._
    val df = Seq(Array.tabulate(50)(_.toDouble)).toDF("x")
    val e = intercept[Exception] {
      new WelchTransformer().setInputCol("x").setNoverlap(100).transform(df).collect()
    }
    assert(rootMessage(e).contains("numspark_welch_features: noverlap=100 must be less than nperseg=50!"),
      rootMessage(e))
  }

  test("save and load, alone and inside a saved PipelineModel") {
    val dir = Files.createTempDirectory("welch-transformer")
    val w = new WelchTransformer().setInputCol("x").setOutputCol("psd").setFs(100)
      .setWindow("hamming").setNperseg(32).setAverage("median")
    w.save(dir.resolve("welch").toString)
    val loaded = WelchTransformer.load(dir.resolve("welch").toString)
    assert(loaded.uid == w.uid && loaded.getWindow == "hamming" && loaded.getNperseg == 32 &&
      loaded.getAverage == "median" && !loaded.isDefined(loaded.nfft) && loaded.getFs == 100.0)
    assert(psd(loaded.transform(data)) == psd(w.transform(data)))

    val model = new Pipeline().setStages(Array(w)).fit(data)
    model.save(dir.resolve("model").toString)
    val reloaded = PipelineModel.load(dir.resolve("model").toString)
    assert(psd(reloaded.transform(data)) == psd(w.transform(data)))
    Files.walk(dir).sorted(java.util.Comparator.reverseOrder()).forEach(p => Files.delete(p))
  }

  private def psd(df: org.apache.spark.sql.DataFrame): Seq[Seq[Double]] =
    df.orderBy("id").collect().toSeq.map { r =>
      if (r.isNullAt(r.fieldIndex("psd"))) null else r.getAs[Vector]("psd").toArray.toSeq
    }
}
