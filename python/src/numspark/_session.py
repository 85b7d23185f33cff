"""A SparkSession with numspark: the jar for the running pyspark's Spark line, the SQL extension,
the executor plugin and the JVM options numspark recommends (README "Tuning")."""
from __future__ import annotations

import glob
import os
import re
import warnings
from typing import Dict, Optional

from numspark._version import JAR_VERSION, LINES, SPARK_LINES

EXTENSION = "dev.numspark.spark.NumsparkExtensions"
PLUGIN = "dev.numspark.spark.NumsparkPlugin"
GROUP_ID = "dev.numspark"

# -Xss16m: threaded OpenBLAS LAPACK puts large buffers on the calling thread's stack;
# -XX:MaxInlineLevel=40: keeps C2 from cutting the Vector API's call chains under Spark's generated
# code; --add-modules=jdk.incubator.vector: the vectorised FFT engine (Spark 4 adds it too).
JVM_OPTIONS = ("-Xss16m", "-XX:MaxInlineLevel=40", "--add-modules=jdk.incubator.vector")

_JARS_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "jars")
_SCALA_LIBRARY = re.compile(r"^scala-library-(2\.1[0-9])\.[0-9]+\.jar$")


def spark_line(version: Optional[str] = None) -> str:
    """The Spark line ("4.0") of a Spark version, by default the installed pyspark's."""
    if version is None:
        import pyspark
        version = pyspark.__version__
    return ".".join(version.split(".")[:2])


def _spark_home() -> Optional[str]:
    """The Spark installation pyspark starts its JVM from: ``SPARK_HOME``, else pip's pyspark."""
    if os.environ.get("SPARK_HOME"):
        return os.environ["SPARK_HOME"]
    try:
        import pyspark
    except ImportError:
        return None
    return os.path.dirname(os.path.abspath(pyspark.__file__))


def scala_version(line: Optional[str] = None, spark_home: Optional[str] = None) -> str:
    """The Scala version ("2.12") of a Spark installation's jars.

    Read from the name of ``SPARK_HOME/jars/scala-library-2.1x.y.jar`` (``spark_home`` defaults
    to the installation the running pyspark uses); without that file, the Scala version of the
    Spark line's PyPI pyspark: 2.12 for 3.x, 2.13 for 4.x (``line`` defaults to pyspark's).
    """
    home = spark_home if spark_home is not None else _spark_home()
    if home:
        for path in glob.glob(os.path.join(home, "jars", "scala-library-*.jar")):
            match = _SCALA_LIBRARY.match(os.path.basename(path))
            if match:
                return match.group(1)
    line = line or spark_line()
    if line in SPARK_LINES:
        return SPARK_LINES[line]
    return "2.12" if line.split(".")[0] in ("2", "3") else "2.13"  # PyPI's pyspark 3.x / 4.x


def _lines_text() -> str:
    """:data:`LINES` as text: ``3.5 (Scala 2.12 or 2.13), 4.0 (Scala 2.13), ...``."""
    scalas: Dict[str, list] = {}
    for name in LINES:
        spark, scala = name.split("_")
        scalas.setdefault(spark, []).append(scala)
    return ", ".join(f"{spark} (Scala {' or '.join(s)})" for spark, s in scalas.items())


def artifact(line: Optional[str] = None, scala: Optional[str] = None) -> str:
    """The numspark library's Maven artifact for a Spark line and Scala version:
    ``numspark-spark-3.5_2.12``.

    Parameters
    ----------
    line : str, optional
        The Spark line ("3.5", "4.0", ...). Default: the installed pyspark's.
    scala : str, optional
        The Scala version ("2.12" or "2.13"). Default: the installed pyspark's
        (:func:`scala_version`) when ``line`` is not given, else the line's default (2.12 for 3.5,
        2.13 for 4.x, as PyPI's pyspark).
    """
    if scala is None:
        scala = scala_version(line) if line is None else SPARK_LINES.get(line)
    line = line or spark_line()
    if f"{line}_{scala}" not in LINES:
        what = f"Spark {line} with Scala {scala}" if scala else f"Spark {line}"
        raise RuntimeError(
            f"numspark {JAR_VERSION} is built for Spark {_lines_text()}; "
            f"there is no numspark artifact for {what}")
    return f"numspark-spark-{line}_{scala}"


def maven_coordinates(line: Optional[str] = None, scala: Optional[str] = None) -> str:
    """``dev.numspark:numspark-spark-4.0_2.13:<version>`` for ``spark.jars.packages``
    (``line`` and ``scala`` as :func:`artifact`)."""
    return f"{GROUP_ID}:{artifact(line, scala)}:{JAR_VERSION}"


def bundled_jars() -> Dict[str, str]:
    """The jars shipped inside this package: line ("4.0_2.13") -> path."""
    suffix = f"-{JAR_VERSION}.jar"
    found = {}
    for path in sorted(glob.glob(os.path.join(_JARS_DIR, f"numspark-spark-*{suffix}"))):
        found[os.path.basename(path)[len("numspark-spark-"):-len(suffix)]] = path
    return found


def jar_path(line: Optional[str] = None, scala: Optional[str] = None) -> str:
    """The path of the jar shipped inside this package for a Spark line and Scala version
    (default: the installed pyspark's; ``line`` and ``scala`` as :func:`artifact`)."""
    name = artifact(line, scala)
    path = os.path.join(_JARS_DIR, f"{name}-{JAR_VERSION}.jar")
    if not os.path.isfile(path):
        shipped = ", ".join(bundled_jars()) or "none"
        raise RuntimeError(
            f"this numspark package has no {name} jar (it ships the lines: {shipped}): pass "
            f"jars='maven' (spark.jars.packages={GROUP_ID}:{name}:{JAR_VERSION}) or the path of "
            f"a {name}-{JAR_VERSION}.jar, or install a wheel with every line, built by "
            "python/build-wheel.sh --lines all")
    return path


def _append(options: Dict[str, str], key: str, value: str, separator: str) -> str:
    """``value`` added to an existing comma- or space-separated setting, once."""
    current = options.get(key)
    if not current:
        return value
    items = current.split(separator)
    missing = [v for v in value.split(separator) if v not in items]
    return separator.join(items + missing)


def _jvm_running() -> bool:
    from pyspark import SparkContext
    return SparkContext._gateway is not None


def configure(builder, *, jars: str = "bundled", plugin: bool = True, jvm_options: bool = True):
    """Adds numspark's settings to a ``SparkSession.Builder`` and returns it.

    Parameters
    ----------
    builder : pyspark.sql.SparkSession.Builder
        The builder to configure; settings it already has (``spark.jars``,
        ``spark.sql.extensions``, ``spark.plugins``, the extra Java options) are kept and
        numspark's are appended.
    jars : {"bundled", "maven"} or str, optional
        ``"bundled"`` (default): the jar shipped in this package for the installed pyspark's Spark
        line and Scala version (:func:`jar_path`; the release wheel has Spark 3.5 with Scala 2.12
        and 2.13, 4.0, 4.1 and 4.2). ``"maven"``: ``spark.jars.packages`` with numspark's Maven
        coordinates for that line (:func:`maven_coordinates`). Any other string: the path or URL of a numspark jar. ``None``: leave
        the class path alone (a cluster that has the jar already).
    plugin : bool, optional
        Set ``spark.plugins=dev.numspark.spark.NumsparkPlugin`` (native BLAS threads = each task's
        CPUs on every executor). Default True.
    jvm_options : bool, optional
        Add ``-Xss16m -XX:MaxInlineLevel=40 --add-modules=jdk.incubator.vector`` to the executors'
        and the driver's extra Java options (in local mode the driver runs the tasks). The driver's
        take effect only when pyspark starts its JVM: if a JVM already runs in this process, a
        warning says so. Default True.

    Returns
    -------
    pyspark.sql.SparkSession.Builder
        ``builder``, for chaining.

    Examples
    --------
    >>> from pyspark.sql import SparkSession
    >>> import numspark
    >>> spark = numspark.configure(SparkSession.builder.master("local[2]")).getOrCreate()
    """
    options = getattr(builder, "_options", {})
    if jars == "maven":
        builder.config("spark.jars.packages",
                       _append(options, "spark.jars.packages", maven_coordinates(), ","))
    elif jars is not None:
        path = jar_path() if jars == "bundled" else jars
        builder.config("spark.jars", _append(options, "spark.jars", path, ","))
    builder.config("spark.sql.extensions", _append(options, "spark.sql.extensions", EXTENSION, ","))
    if plugin:
        builder.config("spark.plugins", _append(options, "spark.plugins", PLUGIN, ","))
    if jvm_options:
        flags = " ".join(JVM_OPTIONS)
        for role in ("executor", "driver"):
            key = f"spark.{role}.extraJavaOptions"
            builder.config(key, _append(options, key, flags, " "))
        if _jvm_running():
            warnings.warn("numspark.configure: a JVM already runs in this Python process, so "
                          "spark.driver.extraJavaOptions cannot take effect for it (executors "
                          "started later still get theirs)", RuntimeWarning, stacklevel=2)
    return builder


def session(master: Optional[str] = None, app_name: str = "numspark", *,
            remote: Optional[str] = None, config: Optional[Dict[str, str]] = None,
            jars: str = "bundled", plugin: bool = True, jvm_options: bool = True):
    """A SparkSession with numspark's jar, SQL functions, plugin and JVM options.

    Parameters
    ----------
    master : str, optional
        The master URL, e.g. ``"local[2]"``. Default: pyspark's (``local[*]`` when run as a plain
        Python script).
    app_name : str, optional
        The application's name.
    remote : str, optional
        A Spark Connect URL (``"sc://host:15002"``). The server must have been started with the
        numspark jar and ``spark.sql.extensions``; no JVM setting is made from here.
    config : dict, optional
        More settings for the builder, applied before numspark's (which append to them).
    jars, plugin, jvm_options
        As :func:`configure`.

    Returns
    -------
    pyspark.sql.SparkSession

    Examples
    --------
    >>> import numspark
    >>> import numspark.functions as nf
    >>> spark = numspark.session("local[2]")
    >>> df = spark.createDataFrame([([0.0, 1.0, 0.0, -1.0] * 64,)], "signal array<double>")
    >>> df.select(nf.welch("signal", fs=4.0).alias("w")).select("w.psd").first()
    """
    from pyspark.sql import SparkSession

    builder = SparkSession.builder
    if remote is not None:
        builder = builder.remote(remote)
    for key, value in (config or {}).items():
        builder = builder.config(key, value)
    if remote is not None:
        return builder.getOrCreate()
    if master is not None:
        builder = builder.master(master)
    builder = builder.appName(app_name)
    existing = SparkSession.getActiveSession()
    if existing is not None:
        warnings.warn("numspark.session: a SparkSession already exists in this process; its "
                      "class path and plugins cannot change (stop it first for numspark's "
                      "settings to apply)", RuntimeWarning, stacklevel=2)
    return configure(builder, jars=jars, plugin=plugin, jvm_options=jvm_options).getOrCreate()
