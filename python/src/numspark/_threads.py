"""threadpool_info(spark): threadpoolctl's report, taken on every executor."""
from __future__ import annotations

from typing import Dict, List

# threadpoolctl's user_api of each internal_api numspark's ThreadLimits reports.
_USER_API = {"openblas": "blas", "mkl": "blas", "blis": "blas", "flexiblas": "blas",
             "openmp": "openmp"}
# threadpoolctl's filename prefixes (its _ALL_PREFIXES), longest first.
_PREFIXES = ("libflexiblas", "libopenblas", "libmkl_rt", "mkl_rt", "libblis", "libiomp", "libgomp",
             "libomp", "vcomp")


def _prefix(library: str) -> str:
    for p in _PREFIXES:
        if library.startswith(p):
            return p
    return library.split(".")[0]


def _require_classic(spark, fn: str):
    if getattr(spark, "_jsparkSession", None) is None:
        raise NotImplementedError(
            f"numspark.{fn} needs a classic SparkSession (JVM access through py4j); Spark "
            "Connect sessions (and Databricks standard access mode and serverless) have none")
    return spark._jvm


def threadpool_info(spark) -> List[Dict]:
    """The native thread pools (BLAS, OpenMP) every executor loaded, as threadpoolctl reports them.

    Runs a small job on each executor (``dev.numspark.spark.Numspark.threadInfo``), so it shows
    what the tasks really get, after ``NumsparkPlugin`` applied the task CPU budget.

    Parameters
    ----------
    spark : pyspark.sql.SparkSession
        A classic session (not Spark Connect) with the numspark jar.

    Returns
    -------
    list of dict
        One dict per executor and library with threadpoolctl's keys (``user_api``,
        ``internal_api``, ``prefix``, ``filepath``, ``version``, ``threading_layer``,
        ``architecture``, ``num_threads``) plus ``executor`` and ``host``. ``architecture`` is
        None: the executors' report does not carry it yet.

    Examples
    --------
    >>> for lib in numspark.threadpool_info(spark):
    ...     print(lib["executor"], lib["internal_api"], lib["num_threads"])
    driver openblas 1
    """
    jvm = _require_classic(spark, "threadpool_info")
    from pyspark.sql import DataFrame
    jdf = jvm.dev.numspark.spark.Numspark.threadInfo(spark._jsparkSession)
    return [{
        "user_api": _USER_API.get(r["internal_api"], r["internal_api"]),
        "internal_api": r["internal_api"],
        "prefix": _prefix(r["library"]),
        "filepath": r["filepath"],
        "version": r["version"],
        "threading_layer": r["threading_layer"],
        "architecture": None,
        "num_threads": r["num_threads"],
        "executor": r["executor"],
        "host": r["host"],
    } for r in DataFrame(jdf, spark).collect()]


def doctor(spark) -> List[Dict]:
    """Checks every executor for what numspark needs, as ``bin/numspark doctor`` does.

    Runs a small job on each executor (``dev.numspark.spark.Numspark.doctor``).

    Parameters
    ----------
    spark : pyspark.sql.SparkSession
        A classic session (not Spark Connect) with the numspark jar.

    Returns
    -------
    list of dict
        One dict per executor: ``executor``, ``host``, ``cores``, ``task_cpus``, ``blas``,
        ``blas_version``, ``blas_threads``, ``openmp``, ``vector_bits``, ``fft_engine``,
        ``jvm_flags`` and ``problems``, a list of plain sentences that say what to install or set
        (empty when all is well).

    Examples
    --------
    >>> for row in numspark.doctor(spark):
    ...     print(row["executor"], row["fft_engine"], row["problems"])
    driver Vector API engine, 512-bit vectors []
    """
    jvm = _require_classic(spark, "doctor")
    from pyspark.sql import DataFrame
    jdf = jvm.dev.numspark.spark.Numspark.doctor(spark._jsparkSession)
    return [dict(r.asDict(), problems=list(r["problems"])) for r in DataFrame(jdf, spark).collect()]
