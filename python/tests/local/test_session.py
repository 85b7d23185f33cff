"""numspark.configure on a builder: numspark's settings appended to the user's, once."""
import pytest
from pyspark.sql import SparkSession

import numspark
from numspark._session import EXTENSION, PLUGIN


def _options(builder):
    return builder._options


def test_configure_appends_to_existing_settings(spark):
    builder = SparkSession.Builder().config("spark.sql.extensions", "com.example.Ext") \
        .config("spark.executor.extraJavaOptions", "-Dfoo=1").config("spark.jars", "/a.jar")
    with pytest.warns(RuntimeWarning, match="driver.extraJavaOptions cannot take effect"):
        numspark.configure(builder, jars="/numspark.jar")  # a JVM runs (the spark fixture)
    options = _options(builder)
    assert options["spark.sql.extensions"] == f"com.example.Ext,{EXTENSION}"
    assert options["spark.plugins"] == PLUGIN
    assert options["spark.jars"] == "/a.jar,/numspark.jar"
    assert options["spark.executor.extraJavaOptions"] == (
        "-Dfoo=1 -Xss16m -XX:MaxInlineLevel=40 --add-modules=jdk.incubator.vector")
    with pytest.warns(RuntimeWarning):
        numspark.configure(builder, jars="/numspark.jar")  # twice: nothing repeated
    assert _options(builder)["spark.sql.extensions"] == f"com.example.Ext,{EXTENSION}"
    assert _options(builder)["spark.jars"] == "/a.jar,/numspark.jar"


def test_configure_with_maven_coordinates_and_without_plugin_or_options(spark):
    builder = numspark.configure(SparkSession.Builder(), jars="maven", plugin=False,
                                 jvm_options=False)
    options = _options(builder)
    assert options["spark.jars.packages"] == numspark.maven_coordinates()
    assert "spark.jars" not in options and "spark.plugins" not in options
    assert "spark.driver.extraJavaOptions" not in options
