"""Which numspark artifact the Python package picks for a pyspark: Spark line and Scala version
(no Spark is started; the pyspark installation is faked where it matters)."""
import os
import re

import pytest

import numspark
from numspark import _session
from numspark._session import artifact, jar_path, maven_coordinates, scala_version
from numspark._version import DEFAULT_LINE, JAR_VERSION, LINES, SPARK_LINES
from support import ROOT

V = JAR_VERSION


@pytest.mark.parametrize("line, scala, expected", [
    ("3.5", "2.12", "numspark-spark-3.5_2.12"),
    ("3.5", "2.13", "numspark-spark-3.5_2.13"),
    ("3.5", None, "numspark-spark-3.5_2.12"),  # PyPI's pyspark 3.5 is Scala 2.12
    ("4.0", None, "numspark-spark-4.0_2.13"),
    ("4.0", "2.13", "numspark-spark-4.0_2.13"),
    ("4.1", None, "numspark-spark-4.1_2.13"),
    ("4.2", None, "numspark-spark-4.2_2.13"),
])
def test_artifact_of_each_line_and_scala(line, scala, expected):
    assert artifact(line, scala) == expected
    assert artifact(line, scala=scala) == expected
    assert maven_coordinates(line, scala) == f"dev.numspark:{expected}:{V}"


def test_every_published_line_has_an_artifact():
    assert [artifact(*name.split("_")) for name in LINES] == [f"numspark-spark-{n}" for n in LINES]
    assert DEFAULT_LINE in LINES
    assert all(f"{line}_{scala}" in LINES for line, scala in SPARK_LINES.items())


def test_lines_are_the_jvm_sides():
    with open(os.path.join(ROOT, "spark-ops", "src", "main", "java", "dev", "numspark", "spark",
                           "SparkLine.java")) as f:
        java = f.read()
    declared = re.search(r"LINES = List\.of\(([^)]*)\)", java).group(1)
    assert tuple(re.findall(r'"([^"]+)"', declared)) == LINES


@pytest.mark.parametrize("line, scala, what", [
    ("3.4", None, "Spark 3.4"),
    ("3.4", "2.12", "Spark 3.4 with Scala 2.12"),
    ("4.3", "2.13", "Spark 4.3 with Scala 2.13"),
    ("4.0", "2.12", "Spark 4.0 with Scala 2.12"),
])
def test_unknown_line_or_scala_names_what_exists(line, scala, what):
    with pytest.raises(RuntimeError) as raised:
        artifact(line, scala)
    assert str(raised.value) == (
        f"numspark {V} is built for Spark 3.5 (Scala 2.12 or 2.13), 4.0 (Scala 2.13), "
        f"4.1 (Scala 2.13), 4.2 (Scala 2.13); there is no numspark artifact for {what}")


def _fake_spark_home(tmp_path, *jars):
    (tmp_path / "jars").mkdir()
    for name in jars:
        (tmp_path / "jars" / name).write_bytes(b"")
    return str(tmp_path)


def test_scala_version_from_the_installations_scala_library(tmp_path):
    home = _fake_spark_home(tmp_path, "spark-core_2.12-3.5.9.jar", "scala-library-2.12.18.jar",
                            "scala-reflect-2.12.18.jar")
    assert scala_version("3.5", spark_home=home) == "2.12"
    assert scala_version("4.0", spark_home=home) == "2.12"  # the file wins over the line's default


def test_scala_213_installation(tmp_path):
    assert scala_version("3.5", spark_home=_fake_spark_home(tmp_path, "scala-library-2.13.8.jar")) \
        == "2.13"


@pytest.mark.parametrize("line, expected", [("3.5", "2.12"), ("4.0", "2.13"), ("4.2", "2.13"),
                                            ("3.4", "2.12"), ("4.3", "2.13")])
def test_scala_version_without_scala_library_is_the_lines_default(tmp_path, line, expected):
    assert scala_version(line, spark_home=_fake_spark_home(tmp_path)) == expected


def _fake_pyspark(monkeypatch, tmp_path, version, *jars):
    """The running pyspark as ``version`` with SPARK_HOME=tmp_path holding ``jars``."""
    import types
    import sys
    monkeypatch.setitem(sys.modules, "pyspark", types.SimpleNamespace(__version__=version))
    monkeypatch.setenv("SPARK_HOME", _fake_spark_home(tmp_path, *jars))


@pytest.mark.parametrize("version, jars, expected", [
    ("3.5.9", ["scala-library-2.12.18.jar"], "numspark-spark-3.5_2.12"),
    ("3.5.2", ["scala-library-2.13.8.jar"], "numspark-spark-3.5_2.13"),
    ("3.5.0", [], "numspark-spark-3.5_2.12"),
    ("4.0.1", ["scala-library-2.13.16.jar"], "numspark-spark-4.0_2.13"),
    ("4.1.3", ["scala-library-2.13.17.jar"], "numspark-spark-4.1_2.13"),
    ("4.2.0", [], "numspark-spark-4.2_2.13"),
])
def test_the_running_pysparks_artifact(monkeypatch, tmp_path, version, jars, expected):
    _fake_pyspark(monkeypatch, tmp_path, version, *jars)
    assert artifact() == expected
    assert numspark.maven_coordinates() == f"dev.numspark:{expected}:{V}"


def test_an_unsupported_running_pyspark(monkeypatch, tmp_path):
    _fake_pyspark(monkeypatch, tmp_path, "3.4.4", "scala-library-2.12.17.jar")
    with pytest.raises(RuntimeError, match="no numspark artifact for Spark 3.4 with Scala 2.12$"):
        numspark.jar_path()


def test_jar_path_finds_the_bundled_jar_of_the_line(monkeypatch, tmp_path):
    monkeypatch.setattr(_session, "_JARS_DIR", str(tmp_path))
    for name in ("3.5_2.12", "4.0_2.13"):
        (tmp_path / f"numspark-spark-{name}-{V}.jar").write_bytes(b"")
    assert jar_path("3.5") == str(tmp_path / f"numspark-spark-3.5_2.12-{V}.jar")
    assert jar_path("4.0", "2.13") == str(tmp_path / f"numspark-spark-4.0_2.13-{V}.jar")
    assert list(_session.bundled_jars()) == ["3.5_2.12", "4.0_2.13"]


def test_jar_path_of_a_line_the_wheel_lacks_says_what_to_do(monkeypatch, tmp_path):
    monkeypatch.setattr(_session, "_JARS_DIR", str(tmp_path))
    (tmp_path / f"numspark-spark-4.0_2.13-{V}.jar").write_bytes(b"")
    with pytest.raises(RuntimeError) as raised:
        jar_path("3.5", "2.13")
    assert str(raised.value) == (
        f"this numspark package has no numspark-spark-3.5_2.13 jar (it ships the lines: 4.0_2.13): "
        f"pass jars='maven' (spark.jars.packages=dev.numspark:numspark-spark-3.5_2.13:{V}) or the "
        f"path of a numspark-spark-3.5_2.13-{V}.jar, or install a wheel with every line, built by "
        "python/build-wheel.sh --lines all")
