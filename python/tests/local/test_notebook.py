"""Runs examples/notebooks/numspark_spectral_python.py as a script, cell by cell, on the local
session: ``%pip`` and markdown cells (``# MAGIC``) are skipped, ``display`` collects what it is
given (a DataFrame is computed, a figure drawn). The notebook asserts its own results."""
import os

from support import ROOT

NOTEBOOK = os.path.join(ROOT, "examples", "notebooks", "numspark_spectral_python.py")


def cells(path):
    with open(path) as f:
        source = f.read()
    assert source.startswith("# Databricks notebook source\n")
    for cell in source.split("# COMMAND ----------"):
        code = "\n".join(line for line in cell.splitlines() if not line.startswith("# MAGIC"))
        if code.strip() and code.strip() != "# Databricks notebook source":
            yield code


def test_notebook_runs_as_a_script(spark, tmp_path):
    shown = []

    def display(value):
        if hasattr(value, "collect"):
            value = value.collect()
            assert value, "display was given an empty DataFrame"
        elif hasattr(value, "savefig"):
            value.savefig(tmp_path / f"figure{len(shown)}.png")
        shown.append(value)

    import matplotlib
    matplotlib.use("Agg")  # no screen in CI; python/requirements-test.txt installs matplotlib
    namespace = {"spark": spark, "display": display, "__name__": "__notebook__"}
    for i, code in enumerate(cells(NOTEBOOK)):
        exec(compile(code, f"{NOTEBOOK} cell {i}", "exec"), namespace)
    assert len(shown) == 4  # peaks, the PSD figure, the features, the thread report
    assert (tmp_path / "figure1.png").stat().st_size > 10_000
