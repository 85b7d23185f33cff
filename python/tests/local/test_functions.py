"""Every numspark function on a local[2] session against SciPy (odd-length signals over several
partitions, NULL rows), and the errors of bad arguments."""
import pytest

import cases


@pytest.mark.parametrize("name", sorted(cases.SIGNAL_CASES))
def test_signal_function_equals_scipy(spark, name):
    cases.check_signal_case(spark, name)


@pytest.mark.parametrize("name", sorted(cases.MATRIX_CASES))
def test_linalg_function_equals_scipy(spark, name):
    cases.check_matrix_case(spark, name)


def test_signals_are_spread_over_partitions(spark):
    partitions = cases.signals(spark).rdd.glom().map(len).collect()
    assert len(partitions) == cases.PARTITIONS and sum(1 for p in partitions if p) >= 2
