"""numspark.ml: Params, transform against SciPy, Pipelines, and save/load from Python and across
to the JVM's own reader and writer (what a Scala job uses)."""
import numpy as np
import pytest
import scipy.fft
import scipy.signal
from pyspark.ml import Pipeline, PipelineModel
from pyspark.ml.feature import VectorAssembler

import cases
from numspark.ml import FFTTransformer, WelchTransformer


def test_params_set_and_defaults_come_from_the_jvm(spark):
    stage = FFTTransformer(inputCol="x", n=512)
    assert stage.getN() == 512 and stage.getInputCol() == "x"
    assert stage.setOutputMode("power") is stage and stage.getOutputMode() == "power"
    assert stage.getOutputCol() == stage.uid + "__output"
    welch = WelchTransformer(inputCol="x")
    assert welch.getOrDefault("window") == "hann" and welch.getOrDefault("fs") == 1.0


def test_transformers_equal_scipy(spark):
    cases.check_transformers_equal_scipy(spark)


def test_frequencies(spark):
    np.testing.assert_allclose(cases.welch_stage().frequencies(1001),
                               scipy.signal.welch(np.zeros(1001), fs=100.0, nperseg=64,
                                                  nfft=128)[0])
    np.testing.assert_allclose(FFTTransformer(n=10).frequencies(99, 4.0),
                               scipy.fft.rfftfreq(10, 1 / 4.0))


def test_bad_param_value_is_refused_when_set(spark):
    with pytest.raises(Exception, match="outputMode given invalid value phase"):
        FFTTransformer(inputCol="x", outputMode="phase").transform(cases.signals(spark))


def _same_params(a, b):
    names = ["inputCol", "outputCol", "fs", "window", "nperseg", "noverlap", "nfft", "detrend",
             "scaling", "average"]
    assert [a.getOrDefault(n) for n in names] == [b.getOrDefault(n) for n in names]


def test_save_load_in_python(spark, tmp_path):
    stage = cases.welch_stage()
    stage.write().overwrite().save(str(tmp_path / "welch"))
    loaded = WelchTransformer.load(str(tmp_path / "welch"))
    assert isinstance(loaded, WelchTransformer) and loaded.uid == stage.uid
    _same_params(loaded, stage)


def test_python_saved_stage_loads_in_the_jvm(spark, tmp_path):
    cases.welch_stage().write().overwrite().save(str(tmp_path / "welch"))
    jvm_stage = spark._jvm.dev.numspark.spark.ml.WelchTransformer.load(str(tmp_path / "welch"))
    assert jvm_stage.getNperseg() == 64 and jvm_stage.getWindow() == "hamming"
    assert jvm_stage.getDetrend() == "linear" and jvm_stage.getFs() == 100.0


def test_jvm_saved_stage_loads_in_python(spark, tmp_path):
    jvm_stage = spark._jvm.dev.numspark.spark.ml.FFTTransformer("fromScala")
    jvm_stage.setInputCol("x").setOutputCol("spectrum").setOutputMode("complex").setN(64)
    jvm_stage.write().overwrite().save(str(tmp_path / "fft"))
    loaded = FFTTransformer.load(str(tmp_path / "fft"))
    assert loaded.uid == "fromScala" and loaded.getOutputMode() == "complex" and loaded.getN() == 64
    row = loaded.transform(cases.signals(spark)).where("id = 0").first()
    np.testing.assert_allclose(row.spectrum.toArray(),
                               scipy.fft.rfft(np.asarray(row.x), n=64).view(float), atol=1e-12)


def test_pipeline_round_trip_python_and_jvm(spark, tmp_path):
    df = cases.signals(spark).where("x IS NOT NULL")
    pipeline = Pipeline(stages=[
        FFTTransformer(inputCol="x", outputCol="spectrum", n=128), cases.welch_stage(),
        VectorAssembler(inputCols=["spectrum", "psd"], outputCol="features")])
    model = pipeline.fit(df)
    expected = [r.features for r in model.transform(df).orderBy("id").collect()]
    model.write().overwrite().save(str(tmp_path / "model"))

    # Python saved -> Python load
    again = PipelineModel.load(str(tmp_path / "model"))
    assert [type(s).__name__ for s in again.stages] == [
        "FFTTransformer", "WelchTransformer", "VectorAssembler"]
    assert [r.features for r in again.transform(df).orderBy("id").collect()] == expected

    # Python saved -> JVM load -> JVM save -> Python load
    jvm_model = spark._jvm.org.apache.spark.ml.PipelineModel.load(str(tmp_path / "model"))
    jvm_model.write().overwrite().save(str(tmp_path / "jvm-model"))
    back = PipelineModel.load(str(tmp_path / "jvm-model"))
    assert isinstance(back.stages[1], WelchTransformer)
    assert [r.features for r in back.transform(df).orderBy("id").collect()] == expected
