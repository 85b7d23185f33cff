"""The installed numspark wheel on a Spark line other than the default one (.ci/python-line-check:
pip's pyspark 3.5.9 with Scala 2.12, 4.1.4, 4.2.1): ``numspark.session()`` must pick the wheel's
jar for that line by itself, and the functions and ML stages must give SciPy's results there,
NULL rows included, and a bad constant option its clear error.

Skipped unless ``NUMSPARK_LINE_CHECK`` names the line the installed pyspark should get, e.g.
``NUMSPARK_LINE_CHECK=3.5_2.12 python -m pytest tests/line`` (run from python/, with the wheel
installed, not PYTHONPATH=src)."""
import os

import pytest
from pyspark.sql import functions as F

import cases
import numspark
import numspark.functions as nf

LINE = os.environ.get("NUMSPARK_LINE_CHECK")
pytestmark = pytest.mark.skipif(not LINE, reason="NUMSPARK_LINE_CHECK is not set "
                                                 "(.ci/python-line-check sets it)")


@pytest.fixture(scope="module")
def spark():
    session = numspark.session("local[2]", "numspark-line-check", config={
        "spark.ui.enabled": "false", "spark.sql.shuffle.partitions": "4"})
    yield session
    session.stop()


def test_the_bundled_jar_of_the_running_line_is_chosen(spark):
    jar = f"numspark-spark-{LINE}-{numspark.JAR_VERSION}.jar"
    assert numspark.jar_path().endswith(os.path.join("numspark", "jars", jar))
    assert jar in spark.conf.get("spark.jars")
    assert spark.version.startswith(LINE.split("_")[0] + ".")
    # the jar's own idea of its line (written by its Maven build), from the JVM
    assert spark._jvm.dev.numspark.spark.SparkLine.artifact() == f"numspark-spark-{LINE}"


@pytest.mark.parametrize("name", ["rfft", "fft", "welch", "welch_options", "fftconvolve_same"])
def test_signal_function_equals_scipy(spark, name):
    cases.check_signal_case(spark, name)  # one row of the DataFrame is NULL, its result too


@pytest.mark.parametrize("name", ["solve", "solve_pos", "inv"])
def test_linalg_function_equals_scipy(spark, name):
    cases.check_matrix_case(spark, name)


def test_null_signal_gives_null(spark):
    df = spark.createDataFrame([(None,), ([1.0, 2.0, 3.0],)], "x array<double>")
    rows = df.select(nf.rfft("x").alias("r")).collect()
    assert rows[0].r is None and len(rows[1].r.re) == 2


def test_bad_constant_option_fails_at_analysis_with_its_words(spark):
    df = spark.createDataFrame([([1.0, 2.0, 3.0, 4.0],)], "x array<double>")
    with pytest.raises(Exception) as raised:
        df.select(F.expr("numspark_rfft(x, 0)"))
    assert type(raised.value).__name__ == "AnalysisException", repr(raised.value)
    assert "numspark_rfft: invalid number of data points (0) specified" in str(raised.value)


def test_ml_stages_equal_scipy(spark):
    cases.check_transformers_equal_scipy(spark)  # the JVM stages of this line's jar, from Python
