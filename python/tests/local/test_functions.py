"""Every numspark function on a local[2] session against SciPy (odd-length signals over several
partitions, NULL rows): the tests in cases.py."""
import cases
from cases import (test_complex_linalg_function_equals_scipy,  # noqa: F401
                   test_linalg_function_equals_scipy, test_signal_function_equals_scipy)


def test_signals_are_spread_over_partitions(spark):
    partitions = cases.signals(spark).rdd.glom().map(len).collect()
    assert len(partitions) == cases.PARTITIONS and sum(1 for p in partitions if p) >= 2
