"""numspark.functions through a real Spark Connect server: the same checks against SciPy as the
local suite, NULL rows, and errors."""
import pytest

import numspark
import numspark.functions as nf
from cases import (test_complex_linalg_function_equals_scipy,  # noqa: F401
                   test_linalg_function_equals_scipy, test_signal_function_equals_scipy)


def test_the_session_is_remote(spark):
    assert type(spark).__module__.startswith("pyspark.sql.connect")


def test_bad_argument_fails_at_the_call(spark):
    with pytest.raises(ValueError, match=r"numspark.functions.welch: Parameter nperseg=-1 is not"):
        nf.welch("x", nperseg=-1)


def test_row_level_problem_names_the_sql_function(spark):
    short = spark.createDataFrame([([1.0] * 50,)], "x array<double>")
    with pytest.raises(Exception, match=r"numspark_welch: noverlap=100 must be less than nperseg=50!"):
        short.select(nf.welch("x", noverlap=100)).collect()


def test_threadpool_info_says_it_needs_a_classic_session(spark):
    with pytest.raises(NotImplementedError, match="needs a classic SparkSession"):
        numspark.threadpool_info(spark)


def test_covariance_eigh_says_it_needs_a_classic_session(spark):
    import cases
    import numspark.linalg
    with pytest.raises(NotImplementedError, match="numspark.linalg.covariance_eigh needs a classic"):
        numspark.linalg.covariance_eigh(cases.complex_matrices(spark), "z", ["id"])
