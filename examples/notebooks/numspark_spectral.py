# Databricks notebook source
# MAGIC %md
# MAGIC # Batch spectral analysis with numspark
# MAGIC
# MAGIC Welch power spectra, dominant frequencies and band powers of many signals with numspark's
# MAGIC SQL functions (`numspark_welch`, `numspark_rfft`, `numspark_fftconvolve`, ...), which compute
# MAGIC exactly what `scipy.signal.welch` and `scipy.fft` compute, inside Spark tasks.
# MAGIC
# MAGIC **Cluster settings** (Databricks Runtime 17.x: Spark 4.0, Scala 2.13):
# MAGIC
# MAGIC 1. Build the jar (`mvn -DskipTests package`) and upload
# MAGIC    `spark-library/target/numspark-spark-4.0_2.13-0.2.0.jar` (the numspark library jar) to a volume, e.g.
# MAGIC    `/Volumes/main/default/libs/`.
# MAGIC 2. Init script: `examples/notebooks/init-numspark.sh` (installs native OpenBLAS,
# MAGIC    `libopenblas0-pthread`, and copies the jar to `/databricks/jars/`); environment variable
# MAGIC    `NUMSPARK_JAR=/Volumes/main/default/libs/numspark-spark-4.0_2.13-0.2.0.jar`.
# MAGIC 3. Spark config:
# MAGIC    ```
# MAGIC    spark.plugins dev.numspark.spark.NumsparkPlugin
# MAGIC    spark.sql.extensions dev.numspark.spark.NumsparkExtensions
# MAGIC    ```
# MAGIC    The plugin limits native BLAS threads on every executor to `spark.task.cpus`; the
# MAGIC    extensions register the `numspark_*` SQL functions in every session.
# MAGIC
# MAGIC Every SQL statement of this notebook is run by a test in the numspark repository
# MAGIC (`NotebookTest`) against a local Spark session with the same extensions.

# COMMAND ----------

# Without spark.sql.extensions (e.g. a single-user cluster where you only attached the jar),
# register the functions in this session instead.
if not spark.catalog.functionExists("numspark_welch"):
    spark._jvm.dev.numspark.spark.Numspark.register(spark._jsparkSession)

# COMMAND ----------

# MAGIC %md
# MAGIC ## Signals
# MAGIC 200 signals of 4096 samples at 1 kHz: a machine tone at 50, 75, 100 or 125 Hz (by id), a
# MAGIC weaker 120 Hz hum, and deterministic pseudo-noise. Replace this view with your own table:
# MAGIC one row per signal, the samples in an `array<double>` column.

# COMMAND ----------

spark.sql("""
CREATE OR REPLACE TEMP VIEW signals AS
SELECT id,
       transform(sequence(0, 4095), t ->
         sin(2 * pi() * (50 + (id % 4) * 25) * t / 1000.0)
         + 0.5 * sin(2 * pi() * 120 * t / 1000.0)
         + 0.2 * ((abs(hash(id, t)) % 2001) / 1000.0 - 1.0)) AS signal
FROM range(200)
""")

# COMMAND ----------

# MAGIC %sql
# MAGIC DESCRIBE FUNCTION EXTENDED numspark_welch

# COMMAND ----------

# MAGIC %md
# MAGIC ## Welch power spectral density
# MAGIC `numspark_welch(x, fs [, nperseg [, noverlap [, window [, scaling]]]])` returns
# MAGIC `struct<freqs, psd>`, as `scipy.signal.welch(x, fs, window, nperseg, noverlap, scaling=...)`.

# COMMAND ----------

# MAGIC %sql
# MAGIC CREATE OR REPLACE TEMP VIEW spectra AS
# MAGIC SELECT id, w.freqs AS freqs, w.psd AS psd
# MAGIC FROM (SELECT id, numspark_welch(signal, 1000.0, 256, 128, 'hann', 'density') AS w
# MAGIC       FROM signals);
# MAGIC
# MAGIC SELECT id, size(freqs) AS bins, freqs[1] - freqs[0] AS resolution_hz
# MAGIC FROM spectra ORDER BY id LIMIT 5

# COMMAND ----------

# MAGIC %md
# MAGIC ## Dominant frequency and band powers
# MAGIC The dominant frequency is the bin of the largest PSD value; a band's power is the PSD
# MAGIC integrated over the band (sum times the bin width).

# COMMAND ----------

# MAGIC %sql
# MAGIC CREATE OR REPLACE TEMP VIEW features AS
# MAGIC SELECT id,
# MAGIC        element_at(freqs, array_position(psd, array_max(psd)) :: int) AS dominant_hz,
# MAGIC        aggregate(zip_with(freqs, psd, (f, p) -> IF(f >= 40 AND f < 60, p, 0D)), 0D,
# MAGIC                  (acc, x) -> acc + x) * (freqs[1] - freqs[0]) AS band_40_60,
# MAGIC        aggregate(zip_with(freqs, psd, (f, p) -> IF(f >= 110 AND f < 130, p, 0D)), 0D,
# MAGIC                  (acc, x) -> acc + x) * (freqs[1] - freqs[0]) AS band_110_130
# MAGIC FROM spectra;
# MAGIC
# MAGIC SELECT round(dominant_hz) AS dominant_hz, count(*) AS signals,
# MAGIC        avg(band_40_60) AS mean_band_40_60, avg(band_110_130) AS mean_band_110_130
# MAGIC FROM features GROUP BY 1 ORDER BY 1

# COMMAND ----------

display(spark.sql("SELECT * FROM features ORDER BY id LIMIT 20"))

# COMMAND ----------

# MAGIC %md
# MAGIC ## FFT and convolution
# MAGIC `numspark_rfft` returns `struct<re, im>` (as `scipy.fft.rfft`), `numspark_abs` its
# MAGIC magnitude; `numspark_fftconvolve(a, b, mode)` is `scipy.signal.fftconvolve`.

# COMMAND ----------

spectrum = spark.sql("""
SELECT id,
       slice(numspark_abs(numspark_rfft(signal)), 1, 8) AS first_magnitudes,
       slice(numspark_power_spectrum(signal, 4096, 'ortho'), 1, 8) AS first_powers
FROM signals WHERE id < 4
""")
display(spectrum)

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT id,
# MAGIC        slice(numspark_fftconvolve(signal, array(0.25D, 0.5D, 0.25D), 'same'), 1, 5) AS smoothed,
# MAGIC        size(numspark_fftconvolve(signal, array(0.25D, 0.5D, 0.25D), 'full')) AS full_length
# MAGIC FROM signals WHERE id < 3

# COMMAND ----------

# MAGIC %md
# MAGIC ## The Dataset API (Scala)
# MAGIC The same functions from a typed Dataset: Welch through `call_function`, then plain Scala on
# MAGIC primitive arrays per row; and each executor's native BLAS threads (`Numspark.threadInfo`).

# COMMAND ----------

# MAGIC %scala
# MAGIC import dev.numspark.spark.Numspark
# MAGIC import org.apache.spark.sql.functions.{call_function, col, lit}
# MAGIC import spark.implicits._
# MAGIC
# MAGIC val dominant = spark.table("signals")
# MAGIC   .select(col("id"), call_function("numspark_welch", col("signal"), lit(1000.0), lit(256)).as("w"))
# MAGIC   .select(col("id"), col("w.freqs"), col("w.psd"))
# MAGIC   .as[(Long, Array[Double], Array[Double])]
# MAGIC   .map { case (id, freqs, psd) => (id, freqs(psd.indices.maxBy(i => psd(i)))) }
# MAGIC   .toDF("id", "dominant_hz")
# MAGIC
# MAGIC display(dominant.groupBy("dominant_hz").count().orderBy("dominant_hz"))
# MAGIC display(Numspark.threadInfo(spark))

# COMMAND ----------

# MAGIC %md
# MAGIC ## Summary
# MAGIC To keep the features, `CREATE TABLE spectral_features AS SELECT * FROM features` (Delta).

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT count(*) AS signals, avg(band_40_60) AS mean_band_40_60 FROM features
