"""The version of the numspark jar this package wraps, and the package's own version from it.

The Maven build (the parent pom.xml's <version>) is the one place the version is set: JAR_VERSION
below must equal it, which ``python/build-wheel.sh`` and ``tests/test_packaging.py`` check (both
fail when the two differ). The Python version is derived from it in PEP 440 form:
``0.1.0-SNAPSHOT`` -> ``0.1.0.dev0``, ``0.2.0`` -> ``0.2.0``.
"""

JAR_VERSION = "0.2.0"

#: The Spark lines (major.minor) and Scala version of the jars this package ships or names.
SPARK_LINES = {"4.0": "2.13"}


def python_version(jar_version: str) -> str:
    """The PEP 440 version of a Maven version."""
    if jar_version.endswith("-SNAPSHOT"):
        return jar_version[: -len("-SNAPSHOT")] + ".dev0"
    return jar_version


__version__ = python_version(JAR_VERSION)
