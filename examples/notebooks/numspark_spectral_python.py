# Databricks notebook source
# MAGIC %md
# MAGIC # Batch spectral analysis with numspark in Python
# MAGIC
# MAGIC Welch power spectra, dominant frequencies and band powers of many signals with
# MAGIC `numspark.functions` (`welch`, `rfft`, `fftconvolve`, ...): typed PySpark column functions with
# MAGIC SciPy's names and defaults, running as native expressions inside Spark tasks, with the
# MAGIC results `scipy.signal.welch` gives.
# MAGIC
# MAGIC **Cluster** (Databricks Runtime 17.x: Spark 4.0, Scala 2.13; *dedicated* access mode):
# MAGIC
# MAGIC 1. Build the wheel (`python/build-wheel.sh`, the jar is inside) and the jar; upload both to a
# MAGIC    volume, e.g. `/Volumes/main/default/libs/`.
# MAGIC 2. Init script `examples/notebooks/init-numspark.sh` (native OpenBLAS, and the jar on the
# MAGIC    class path before Spark starts), environment variable `NUMSPARK_JAR=<the jar's path>`.
# MAGIC 3. Spark config: `spark.plugins dev.numspark.spark.NumsparkPlugin`,
# MAGIC    `spark.sql.extensions dev.numspark.spark.NumsparkExtensions`,
# MAGIC    `spark.executor.extraJavaOptions -Xss16m -XX:MaxInlineLevel=40`.
# MAGIC 4. The wheel as a cluster library, or the `%pip` cell below.
# MAGIC
# MAGIC Outside Databricks, `numspark.session()` makes a local session with all of that.
# MAGIC This notebook is run by numspark's CI as a script (`python/tests/local/test_notebook.py`),
# MAGIC with `display` replaced.

# COMMAND ----------

# MAGIC %pip install /Volumes/main/default/libs/numspark-0.1.0.dev0-py3-none-any.whl

# COMMAND ----------

import numspark
import numspark.functions as nf
from pyspark.sql import functions as F

# COMMAND ----------

# MAGIC %md
# MAGIC ## Signals
# MAGIC 200 signals of 4095 samples (an odd length: any length works) at 1 kHz: a machine tone at
# MAGIC 50, 75, 100 or 125 Hz (by id), a weaker 120 Hz hum, and deterministic pseudo-noise. Replace
# MAGIC this DataFrame with your own table: one row per signal, the samples in an `array<double>`.

# COMMAND ----------

FS = 1000.0
signals = spark.range(200).select(
    "id",
    F.expr("""transform(sequence(0, 4094), t ->
                sin(2 * pi() * (50 + (id % 4) * 25) * t / 1000.0)
                + 0.5 * sin(2 * pi() * 120 * t / 1000.0)
                + 0.2 * ((abs(hash(id, t)) % 2001) / 1000.0 - 1.0))""").alias("signal"))

# COMMAND ----------

# MAGIC %md
# MAGIC ## Welch power spectral density
# MAGIC `nf.welch` returns `struct<freqs, psd>`: SciPy's `(f, Pxx)`. Bad arguments fail at the call,
# MAGIC with SciPy's words (`nf.welch("signal", nperseg=-1)` raises `ValueError: ... Parameter
# MAGIC nperseg=-1 is not a positive integer!`).

# COMMAND ----------

spectra = signals.select("id", nf.welch("signal", fs=FS, nperseg=512, window="hann").alias("w"))
peaks = spectra.select(
    "id",
    F.element_at("w.freqs", F.array_position("w.psd", F.array_max("w.psd")).cast("int"))
    .alias("dominant_hz"),
    # power between 45 and 130 Hz: the sum of psd * df over the band
    (F.aggregate(F.zip_with("w.freqs", "w.psd",
                            lambda f, p: F.when((f >= 45) & (f <= 130), p).otherwise(0.0)),
                 F.lit(0.0), lambda acc, p: acc + p) * (FS / 512)).alias("band_power"))
display(peaks.orderBy("id").limit(8))

# COMMAND ----------

# The dominant frequency of each signal is its machine tone (the notebook checks itself).
tones = {r.id: r.dominant_hz for r in peaks.collect()}
assert all(abs(hz - (50 + (i % 4) * 25)) <= FS / 512 for i, hz in tones.items()), tones

# COMMAND ----------

# MAGIC %md
# MAGIC ## The same numbers as SciPy
# MAGIC One row, checked against `scipy.signal.welch` on the driver (skipped where SciPy is absent).

# COMMAND ----------

try:
    import numpy as np
    import scipy.signal
except ImportError:
    print("SciPy is not installed here; skipping the comparison")
else:
    row = signals.where("id = 3").select("signal", nf.welch("signal", fs=FS, nperseg=512).alias("w")).first()
    f, pxx = scipy.signal.welch(np.asarray(row.signal), fs=FS, nperseg=512)
    np.testing.assert_allclose(row.w.psd, pxx, rtol=1e-10, atol=1e-14)
    print("numspark.functions.welch == scipy.signal.welch on row 3")

# COMMAND ----------

# MAGIC %md
# MAGIC ## Mean PSD per machine tone (plot)

# COMMAND ----------

mean_psd = (spectra.select((F.col("id") % 4).alias("machine"), F.posexplode("w.psd").alias("bin", "psd"))
            .groupBy("machine", "bin").agg(F.avg("psd").alias("psd"))
            .orderBy("machine", "bin").toPandas())
freqs = spectra.select("w.freqs").first().freqs

try:
    import matplotlib
    import matplotlib.pyplot as plt
except ImportError:
    print("matplotlib is not installed here; the plot is skipped")
else:
    fig, ax = plt.subplots(figsize=(8, 4))
    for machine, group in mean_psd.groupby("machine"):
        ax.semilogy([freqs[b] for b in group["bin"]], group["psd"], label=f"{50 + machine * 25} Hz machine")
    ax.set_xlim(0, 200)
    ax.set_xlabel("frequency [Hz]")
    ax.set_ylabel("PSD [V**2/Hz]")
    ax.legend()
    display(fig)

# COMMAND ----------

# MAGIC %md
# MAGIC ## Spectra as ML features, and the executors' native threads
# MAGIC `numspark.ml.WelchTransformer` adds the PSD as a Spark ML vector (for `pyspark.ml`);
# MAGIC `numspark.threadpool_info` shows which BLAS each executor loaded and its threads (it needs JVM
# MAGIC access: dedicated clusters, not standard access mode or serverless).

# COMMAND ----------

from numspark.ml import WelchTransformer

features = WelchTransformer(inputCol="signal", outputCol="psd", fs=FS, nperseg=256).transform(signals)
display(features.select("id", "psd").limit(3))

# COMMAND ----------

import pandas as pd

display(pd.DataFrame(numspark.threadpool_info(spark)))
