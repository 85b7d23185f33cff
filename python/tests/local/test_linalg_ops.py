"""numspark.linalg's per-group covariance and eigh of complex snapshots against numpy/SciPy."""
import numpy as np
import pytest
import scipy.linalg

import cases
import numspark.linalg

SENSORS = 6
BINS = 3


def _snapshots(spark, rng):
    """Per bin, 40 to 60 snapshots x = A s + noise of a 6-sensor array (two sources); one NULL."""
    rows, by_bin = [], {}
    for b in range(BINS):
        a = rng.standard_normal((SENSORS, 2)) + 1j * rng.standard_normal((SENSORS, 2))
        xs = []
        for _ in range(40 + 10 * b):
            s = rng.standard_normal(2) + 1j * rng.standard_normal(2)
            x = a @ s + 0.1 * (rng.standard_normal(SENSORS) + 1j * rng.standard_normal(SENSORS))
            xs.append(x)
            rows.append((b, cases.to_complex_struct(x)))
        by_bin[b] = np.array(xs)
    rows.append((0, None))
    df = spark.createDataFrame(rows, f"bin int, x {cases.COMPLEX}").repartition(4)
    return df, by_bin


def test_covariance_and_its_eigh_per_group_equal_numpy_and_scipy(spark):
    df, by_bin = _snapshots(spark, np.random.default_rng(21))
    covs = {r.bin: r.R for r in numspark.linalg.covariance(df, "x", ["bin"], "R").collect()}
    eighs = {r.bin: r.e for r in numspark.linalg.covariance_eigh(df, "x", "bin", "e").collect()}
    assert sorted(covs) == sorted(eighs) == list(range(BINS))
    for b, x in by_bin.items():
        expected = x.T @ x.conj() / len(x)   # (1/N) sum x x^H, no mean removed
        r = cases._square(covs[b])
        cases.assert_close(r, expected, f"covariance of bin {b}")
        w, v = scipy.linalg.eigh(expected)
        got_w = np.asarray(eighs[b].values)
        cases.assert_close(got_w, w, f"eigenvalues of bin {b}")
        # the signal subspace (two largest) is unique as a projector, whatever the vectors' phases
        got_v = cases._square(eighs[b].vectors)
        cases.assert_close(got_v[:, -2:] @ got_v[:, -2:].conj().T, v[:, -2:] @ v[:, -2:].conj().T,
                           f"signal subspace of bin {b}")


def test_bad_arguments_fail_before_any_job(spark):
    df = spark.createDataFrame([(0, cases.to_complex_struct(np.ones(3)))], f"bin int, x {cases.COMPLEX}")
    with pytest.raises(TypeError, match="numspark.linalg.covariance: group_cols must be column names"):
        numspark.linalg.covariance(df, "x", [1])
    with pytest.raises(Exception, match="no column 'y'"):
        numspark.linalg.covariance_eigh(df, "y", ["bin"])
