"""Batch operations on DataFrames of complex snapshots: per-group covariance and its eigh.

The array-processing building block (MUSIC, beamforming, PCA of spectra): the sample covariance
R = (1/N) sum x x^H of each group's N snapshots, then R's Hermitian eigendecomposition. Each
partition sums its groups' x x^H before the shuffle, so one M x M sum per group and partition
crosses the network (``dev.numspark.spark.ComplexLinalgOps`` on the JVM).
"""
from __future__ import annotations

from typing import Optional, Sequence

from pyspark.sql import DataFrame

from numspark._threads import _require_classic

__all__ = ["covariance", "covariance_eigh"]


def _call(name: str, df: DataFrame, snapshot_col: str, group_cols: Optional[Sequence[str]],
          output_col: str) -> DataFrame:
    if not isinstance(df, DataFrame):
        raise TypeError(f"numspark.linalg.{name}: df must be a DataFrame, got "
                        f"{type(df).__name__}")
    if isinstance(group_cols, str):
        group_cols = [group_cols]
    groups = list(group_cols or [])
    for what, value in [("snapshot_col", snapshot_col), ("output_col", output_col)] + \
            [("group_cols", g) for g in groups]:
        if not isinstance(value, str):
            raise TypeError(f"numspark.linalg.{name}: {what} must be column names (str), got "
                            f"{type(value).__name__} {value!r}")
    spark = df.sparkSession
    jvm = _require_classic(spark, f"linalg.{name}")
    seq = jvm.org.apache.spark.api.python.PythonUtils.toSeq(groups)
    ops = jvm.dev.numspark.spark.ComplexLinalgOps
    method = ops.covariance if name == "covariance" else ops.covarianceEigh
    return DataFrame(method(df._jdf, seq, snapshot_col, output_col), spark)


def covariance(df: DataFrame, snapshot_col: str, group_cols: Optional[Sequence[str]] = None,
               output_col: str = "covariance") -> DataFrame:
    """The sample covariance matrix of each group's snapshots, ``X.T @ X.conj() / N``.

    No mean is removed (unlike ``numpy.cov``) and the divisor is N, as MUSIC and MVDR use it.

    Parameters
    ----------
    df : DataFrame
        A classic (not Spark Connect) DataFrame.
    snapshot_col : str
        Complex snapshots ``struct<re: array<double>, im: array<double>>`` of M sensors each (or
        real ``array<double>``); NULL rows are skipped. Snapshots of different lengths in one
        group fail the job.
    group_cols : sequence of str, optional
        The grouping columns (a frequency bin, a window, ...). None: one covariance of all rows.
    output_col : str
        The result column.

    Returns
    -------
    DataFrame
        One row per group: the group columns, then ``output_col`` = R as a complex M x M matrix
        (``struct<re, im>``, row-major), NULL for a group without a non-NULL snapshot.

    Examples
    --------
    >>> R = numspark.linalg.covariance(snapshots, "x", ["bin"])
    """
    return _call("covariance", df, snapshot_col, group_cols, output_col)


def covariance_eigh(df: DataFrame, snapshot_col: str, group_cols: Optional[Sequence[str]] = None,
                    output_col: str = "eigh") -> DataFrame:
    """Per group, the covariance of :func:`covariance` and its eigendecomposition, ``scipy.linalg.eigh(R)``.

    Parameters
    ----------
    df : DataFrame
        A classic (not Spark Connect) DataFrame.
    snapshot_col : str
        Complex snapshots, as :func:`covariance` takes them.
    group_cols : sequence of str, optional
        The grouping columns. None: one decomposition of all rows.
    output_col : str
        The result column.

    Returns
    -------
    DataFrame
        The group columns, then ``output_col`` = ``struct<values: array<double>, vectors:
        struct<re, im>>`` as :func:`numspark.functions.zeigh` returns it: ascending real
        eigenvalues, orthonormal eigenvectors as the columns. For MUSIC, the noise subspace is
        the columns of the M - K smallest eigenvalues.

    Examples
    --------
    >>> e = numspark.linalg.covariance_eigh(snapshots, "x", ["bin"])
    >>> e.select("bin", "eigh.values")
    """
    return _call("covariance_eigh", df, snapshot_col, group_cols, output_col)
