"""The pyspark benchmark: numspark.functions against what PySpark users write instead, on the same
cached DataFrame of generated signals in local[2], all in one run.

Peers, for Welch's PSD and for rfft:
  numspark     numspark.functions.welch / rfft (native Catalyst expressions in the JVM)
  pandas_udf   a pandas UDF calling scipy.signal.welch / scipy.fft.rfft on each Arrow batch at once
               (one 2-d call per batch: the pandas UDF's best case)
  python_udf   a plain Python UDF calling SciPy on each row

Each query writes its result to Spark's "noop" sink (every row computed, nothing collected). Each
peer first checks its first row against SciPy, warms up for --warmup seconds of queries (at least
2 runs; the same budget for every peer), then runs --repeat times; the median is reported, with the
first run's time beside it. It measures this checkout: its python/src and its Maven build's jar
(printed; an installed wheel's only without a build). Run with a Python that has pyspark
(python/requirements-test.txt):

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
from pyspark.sql import functions as F
from pyspark.sql.functions import pandas_udf, udf
from pyspark.sql.types import ArrayType, DoubleType, StructField, StructType

# The checkout this script lives in: its Python package and (numspark_jar) its Maven build are
# what the bench measures, not whatever numspark a venv has installed, which can be older.
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
if os.path.isdir(os.path.join(ROOT, "python", "src", "numspark")):
    sys.path.insert(0, os.path.join(ROOT, "python", "src"))

import numspark  # noqa: E402 (after the checkout's path)
import numspark.functions as nf  # noqa: E402

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
    cached, so every peer reads the same in-memory rows.

    ``cache()``, PySpark's default for a DataFrame (MEMORY_AND_DISK_DESER: rows kept as objects).
    PySpark's ``StorageLevel.MEMORY_ONLY`` is the *serialized* level: every query then spent
    about 0.15 s deserializing the 655 MB of cached batches (a JFR profile of a
    query reading only ``id`` was 40% ObjectInputStream/LZ4), the same for every peer."""
    df = spark.range(0, rows, numPartitions=partitions).select(
        F.col("id"),
        F.expr(f"transform(sequence(0, {length - 1}), i -> "
               "sin(i * 0.05 * (id % 7 + 1)) + 0.5 * cos(i * 0.31) + 1e-6 * i * (id % 13))")
        .alias("x"))
    df = df.cache()
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


def warm_up(df, column, seconds: float, least=2, most=60) -> list:
    """Runs the query for ``seconds`` (at least ``least``, at most ``most`` runs); returns the
    times. A rule of "until two runs in a row agree within 10%" stopped too early for the JVM:
    numspark's Welch went 0.84, 0.58, 0.47, 0.45 s (stop), and on to 0.31-0.33 s after 20 runs,
    while Spark kept compiling 150-300 methods a query (its generated code, on the same two cores
    as the tasks: -XX:+PrintCompilation) and numspark's own C2 code was done after 2 runs. Python's
    peers do not change after their first run."""
    times = [time_query(df, column())]
    start = time.perf_counter()
    while len(times) < most and (len(times) < least or time.perf_counter() - start < seconds):
        times.append(time_query(df, column()))
    return times


def numspark_jar() -> str:
    """The checkout's Maven build (spark-library/target), else the jar inside the installed numspark
    package. The build first: a venv's installed wheel once carried a jar from before Welch ran on
    the FFT engine, and the bench, preferring it, reported that older Welch (0.54 s, not 0.3 s)."""
    from numspark._session import artifact
    path = os.path.join(ROOT, "spark-library", "target", f"{artifact()}-{numspark.JAR_VERSION}.jar")
    if os.path.isfile(path):
        return path
    try:
        return numspark.jar_path()
    except RuntimeError:
        sys.exit(f"pyspark_bench: no numspark jar; build it (mvn -DskipTests package): {path}")


def run(args) -> dict:
    # The UDFs' Python workers need this interpreter's numpy/SciPy (pyspark's default is python3).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    jar = numspark_jar()
    modified = time.ctime(os.path.getmtime(jar))
    print(f"numspark jar: {jar} (modified {modified})", flush=True)
    spark = numspark.session(f"local[{args.cores}]", "numspark-pyspark-bench", jars=jar, config={
        "spark.driver.memory": args.driver_memory, "spark.ui.enabled": "false",
        "spark.sql.execution.arrow.pyspark.enabled": "true"})
    df = signals(spark, args.rows, args.length, args.partitions)
    results = {"jar": jar, "jar_modified": modified,
               "rows": args.rows, "length": args.length, "cores": args.cores,
               "partitions": args.partitions, "repeat": args.repeat, "warmup_seconds": args.warmup,
               "python": platform.python_version(), "pyspark": spark.version,
               "numpy": np.__version__, "scipy": scipy.__version__, "pandas": pd.__version__,
               "cpu": _cpu(), "ops": {}}
    # What every peer pays before computing anything: reading the cached signals and writing a
    # column of the same size to the sink.
    warm_up(df, lambda: F.col("x"), args.warmup)
    floor = statistics.median([time_query(df, F.col("x")) for _ in range(args.repeat)])
    results["read_floor_seconds"] = floor
    print(f"floor  (the signals themselves) median {floor:8.3f} s", flush=True)
    for op in args.ops:
        timings = {}
        for peer, column in PEERS[op].items():
            check_first_row(df, op, peer, column())
            warm = warm_up(df, column, args.warmup)
            runs = [time_query(df, column()) for _ in range(args.repeat)]
            timings[peer] = {"seconds": statistics.median(runs), "runs": runs,
                             "rows_per_s": args.rows / statistics.median(runs),
                             "first_run_seconds": warm[0], "warmup_runs": len(warm)}
            print(f"{op:6s} {peer:11s} median {statistics.median(runs):8.3f} s  "
                  f"{timings[peer]['rows_per_s']:10.0f} signals/s  first run {warm[0]:.3f} s, "
                  f"{len(warm)} warm-up runs  runs {[round(r, 3) for r in runs]}", flush=True)
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
    parser.add_argument("--warmup", type=float,
                        help="seconds of warm-up queries per peer (default 10; --quick 3)")
    parser.add_argument("--ops", nargs="+", default=["welch", "rfft"], choices=list(PEERS))
    parser.add_argument("--driver-memory", default="6g")
    parser.add_argument("--json", help="write the results to this file")
    args = parser.parse_args(argv)
    args.rows = args.rows or (2000 if args.quick else 20000)
    args.repeat = args.repeat or (2 if args.quick else 3)
    args.warmup = args.warmup if args.warmup is not None else (3.0 if args.quick else 10.0)
    results = run(args)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
