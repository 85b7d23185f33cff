"""numspark.ml through a real Spark Connect server: the server finds both stages among those its
jars register, and transform, Pipelines and save/load work as on a classic session."""
import numpy as np
import pytest
import scipy.fft
from pyspark.ml import Pipeline, PipelineModel
from pyspark.ml.feature import VectorAssembler

import cases
from numspark.ml import FFTTransformer, WelchTransformer


def test_transformers_equal_scipy(spark):
    cases.check_transformers_equal_scipy(spark)


def test_unset_params_take_the_servers_defaults(spark):
    # outputMode magnitude, n each signal's length, norm backward; output column uid__output
    stage = FFTTransformer(inputCol="x")
    row = stage.transform(cases.signals(spark)).where("id = 3").first()
    np.testing.assert_allclose(row[stage.uid + "__output"].toArray(),
                               np.abs(scipy.fft.rfft(np.asarray(row.x))), rtol=1e-12)


def test_pipeline_fit_transform_save_load(spark, tmp_path):
    df = cases.signals(spark).where("x IS NOT NULL")
    pipeline = Pipeline(stages=[
        FFTTransformer(inputCol="x", outputCol="spectrum", n=128), cases.welch_stage(),
        VectorAssembler(inputCols=["spectrum", "psd"], outputCol="features")])
    model = pipeline.fit(df)
    expected = [r.features for r in model.transform(df).orderBy("id").collect()]
    assert len(expected) == len(cases.LENGTHS)
    model.write().overwrite().save(str(tmp_path / "model"))
    again = PipelineModel.load(str(tmp_path / "model"))
    assert [type(s).__name__ for s in again.stages] == [
        "FFTTransformer", "WelchTransformer", "VectorAssembler"]
    assert [r.features for r in again.transform(df).orderBy("id").collect()] == expected


def test_a_stage_saves_and_loads(spark, tmp_path):
    cases.welch_stage().write().overwrite().save(str(tmp_path / "welch"))
    loaded = WelchTransformer.load(str(tmp_path / "welch"))
    assert isinstance(loaded, WelchTransformer)
    assert loaded.getNperseg() == 64 and loaded.getWindow() == "hamming"


def test_frequencies_says_it_needs_a_classic_session(spark):
    with pytest.raises(NotImplementedError, match="frequencies needs a classic SparkSession"):
        FFTTransformer(n=10).frequencies(99, 4.0)
