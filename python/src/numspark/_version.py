"""The version of the numspark jar this package wraps, and the package's own version from it.

The Maven build (the parent pom.xml's <version>) is the one place the version is set: JAR_VERSION
below must equal it, which ``python/build-wheel.sh`` and ``tests/test_packaging.py`` check (both
fail when the two differ). The Python version is derived from it in PEP 440 form:
``0.1.0-SNAPSHOT`` -> ``0.1.0.dev0``, ``0.2.0`` -> ``0.2.0``.
"""

JAR_VERSION = "0.2.0"

#: Every artifact numspark publishes, as Spark line (major.minor) and Scala version: the Maven
#: profiles' names and ``dev.numspark.spark.SparkLine.LINES`` on the JVM (a test checks they agree).
#: The artifact of ``3.5_2.12`` is ``dev.numspark:numspark-spark-3.5_2.12``.
LINES = ("3.5_2.12", "3.5_2.13", "4.0_2.13", "4.1_2.13", "4.2_2.13")

#: Each Spark line with the Scala version its PyPI pyspark is built with: the one numspark uses
#: when the pyspark installation does not show its own (no ``jars/scala-library-*.jar``).
SPARK_LINES = {"3.5": "2.12", "4.0": "2.13", "4.1": "2.13", "4.2": "2.13"}

#: The line whose jar every wheel carries (``python/build-wheel.sh`` without options ships only it).
DEFAULT_LINE = "4.0_2.13"


def python_version(jar_version: str) -> str:
    """The PEP 440 version of a Maven version."""
    if jar_version.endswith("-SNAPSHOT"):
        return jar_version[: -len("-SNAPSHOT")] + ".dev0"
    return jar_version


__version__ = python_version(JAR_VERSION)
