"""The pyspark benchmark: numspark.functions against what PySpark users write instead, on the same
cached DataFrame of generated signals in local[2], all in one run.

Peers, for Welch's PSD and for rfft:
  numspark     numspark.functions.welch / rfft (native Catalyst expressions in the JVM)
  pandas_udf   a pandas UDF calling scipy.signal.welch / scipy.fft.rfft on each Arrow batch at once
               (one 2-d call per batch: the pandas UDF's best case)
  python_udf   a plain Python UDF calling SciPy on each row

Each query writes its result to Spark's "noop" sink (every row computed, nothing collected). Each
peer first checks its first row against SciPy, warms up (until two runs in a row agree within
10%, at most 6 runs: the JVM's JIT takes a few runs, Python workers one), then runs --repeat times; the
median is reported. Run with the project's Python that has pyspark (python/requirements-test.txt):

    python python/bench/pyspark_bench.py            # 20 000 x 4096
    python python/bench/pyspark_bench.py --quick    # 2 000 x 4096
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time

import numpy as np
import pandas as pd
import scipy.fft
import scipy.signal
from pyspark import StorageLevel
from pyspark.sql import functions as F
from pyspark.sql.functions import pandas_udf, udf
from pyspark.sql.types import ArrayType, DoubleType, StructField, StructType

import numspark
import numspark.functions as nf

FS, NPERSEG = 1000.0, 256
# Types as objects, not DDL strings: parsing DDL needs a session, and these UDFs are module-level.
SIGNAL = ArrayType(DoubleType(), False)
COMPLEX = StructType([StructField("re", SIGNAL), StructField("im", SIGNAL)])


@pandas_udf(SIGNAL)
def welch_pandas(x: pd.Series) -> pd.Series:
    psd = scipy.signal.welch(np.stack(x.to_numpy()), fs=FS, nperseg=NPERSEG, axis=-1)[1]
    return pd.Series(list(psd))


@udf(SIGNAL)
def welch_python(x):
    return scipy.signal.welch(np.asarray(x), fs=FS, nperseg=NPERSEG)[1].tolist()


@pandas_udf(COMPLEX)
def rfft_pandas(x: pd.Series) -> pd.DataFrame:
    spectrum = scipy.fft.rfft(np.stack(x.to_numpy()), axis=-1)
    return pd.DataFrame({"re": list(spectrum.real), "im": list(spectrum.imag)})


@udf(COMPLEX)
def rfft_python(x):
    spectrum = scipy.fft.rfft(np.asarray(x))
    return spectrum.real.tolist(), spectrum.imag.tolist()


PEERS = {
    "welch": {
        "numspark": lambda: nf.welch("x", fs=FS, nperseg=NPERSEG).psd,
        "pandas_udf": lambda: welch_pandas("x"),
        "python_udf": lambda: welch_python("x"),
    },
    "rfft": {
        "numspark": lambda: nf.rfft("x"),
        "pandas_udf": lambda: rfft_pandas("x"),
        "python_udf": lambda: rfft_python("x"),
    },
}

REFERENCE = {
    "welch": lambda x: scipy.signal.welch(x, fs=FS, nperseg=NPERSEG)[1],
    "rfft": lambda x: scipy.fft.rfft(x),
}


def signals(spark, rows: int, length: int, partitions: int):
    """Deterministic signals (two tones per row plus a chirp-like term), generated in the JVM and
    cached, so every peer reads the same in-memory rows."""
    df = spark.range(0, rows, numPartitions=partitions).select(
        F.col("id"),
        F.expr(f"transform(sequence(0, {length - 1}), i -> "
               "sin(i * 0.05 * (id % 7 + 1)) + 0.5 * cos(i * 0.31) + 1e-6 * i * (id % 13))")
        .alias("x"))
    df = df.persist(StorageLevel.MEMORY_ONLY)
    df.count()
    return df


def check_first_row(df, op, peer, column):
    row = df.where("id = 0").select("x", column.alias("r")).first()
    got = row.r if op == "welch" else np.asarray(row.r.re) + 1j * np.asarray(row.r.im)
    np.testing.assert_allclose(np.asarray(got), REFERENCE[op](np.asarray(row.x)), rtol=1e-9,
                               atol=1e-9, err_msg=f"{op} {peer} differs from SciPy")


def time_query(df, column) -> float:
    start = time.perf_counter()
    df.select(column.alias("r")).write.format("noop").mode("overwrite").save()
    return time.perf_counter() - start


def warm_up(df, column, tolerance=0.10, most=6) -> list:
    """Runs the query until two runs in a row agree within ``tolerance`` (at most ``most`` runs);
    returns their times. One run was not enough: numspark's Welch took 1.45 s, 0.98 s, then
    0.83-0.92 s in one session, so the first timed runs still paid the JIT."""
    times = [time_query(df, column())]
    while len(times) < most:
        times.append(time_query(df, column()))
        if abs(times[-1] - times[-2]) <= tolerance * min(times[-1], times[-2]):
            break
    return times


def numspark_jar() -> str:
    """The jar inside the installed numspark package, else the Maven build's (a source checkout)."""
    try:
        return numspark.jar_path()
    except RuntimeError:
        from numspark._session import artifact
        root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        path = os.path.join(root, "spark-library", "target",
                            f"{artifact()}-{numspark.JAR_VERSION}.jar")
        if not os.path.isfile(path):
            sys.exit(f"pyspark_bench: no numspark jar; build it (mvn -DskipTests package): {path}")
        return path


def run(args) -> dict:
    # The UDFs' Python workers need this interpreter's numpy/SciPy (pyspark's default is python3).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = numspark.session(f"local[{args.cores}]", "numspark-pyspark-bench", jars=numspark_jar(), config={
        "spark.driver.memory": args.driver_memory, "spark.ui.enabled": "false",
        "spark.sql.execution.arrow.pyspark.enabled": "true"})
    df = signals(spark, args.rows, args.length, args.partitions)
    results = {"rows": args.rows, "length": args.length, "cores": args.cores,
               "partitions": args.partitions, "repeat": args.repeat,
               "python": platform.python_version(), "pyspark": spark.version,
               "numpy": np.__version__, "scipy": scipy.__version__, "pandas": pd.__version__,
               "cpu": _cpu(), "ops": {}}
    for op in args.ops:
        timings = {}
        for peer, column in PEERS[op].items():
            check_first_row(df, op, peer, column())
            warm_up(df, column)
            runs = [time_query(df, column()) for _ in range(args.repeat)]
            timings[peer] = {"seconds": statistics.median(runs), "runs": runs,
                             "rows_per_s": args.rows / statistics.median(runs)}
            print(f"{op:6s} {peer:11s} median {statistics.median(runs):8.3f} s  "
                  f"{timings[peer]['rows_per_s']:10.0f} signals/s  runs {runs}", flush=True)
        base = timings["numspark"]["seconds"]
        for peer in ("pandas_udf", "python_udf"):
            timings[f"numspark_vs_{peer}"] = timings[peer]["seconds"] / base
        print(f"{op:6s} numspark is {timings['numspark_vs_pandas_udf']:.1f}x the pandas UDF, "
              f"{timings['numspark_vs_python_udf']:.1f}x the Python UDF", flush=True)
        results["ops"][op] = timings
    spark.stop()
    return results


def _cpu() -> str:
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="2 000 signals, 2 repeats")
    parser.add_argument("--rows", type=int)
    parser.add_argument("--length", type=int, default=4096)
    parser.add_argument("--cores", type=int, default=2)
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--repeat", type=int)
    parser.add_argument("--ops", nargs="+", default=["welch", "rfft"], choices=list(PEERS))
    parser.add_argument("--driver-memory", default="6g")
    parser.add_argument("--json", help="write the results to this file")
    args = parser.parse_args(argv)
    args.rows = args.rows or (2000 if args.quick else 20000)
    args.repeat = args.repeat or (2 if args.quick else 3)
    results = run(args)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
