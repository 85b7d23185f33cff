"""numspark.threadpool_info: threadpoolctl's keys plus executor and host, from inside a task."""
import numspark

THREADPOOLCTL_KEYS = {"user_api", "internal_api", "prefix", "filepath", "version",
                      "threading_layer", "architecture", "num_threads"}


def test_threadpool_info_reports_openblas_on_the_task_budget(spark):
    info = numspark.threadpool_info(spark)
    assert info, "no native library reported"
    for lib in info:
        assert set(lib) == THREADPOOLCTL_KEYS | {"executor", "host"}
        assert lib["executor"] == "driver" and lib["host"]
    openblas = [lib for lib in info if lib["internal_api"] == "openblas"]
    assert openblas, f"OpenBLAS not found: {info}"
    lib = openblas[0]
    assert lib["user_api"] == "blas" and lib["prefix"] == "libopenblas"
    assert lib["filepath"].endswith(".so") and lib["version"]
    # NumsparkPlugin: one task CPU (spark.task.cpus=1) -> one BLAS thread
    assert lib["num_threads"] == 1


def test_session_sets_numspark_settings(spark):
    conf = spark.sparkContext.getConf()
    assert "dev.numspark.spark.NumsparkExtensions" in conf.get("spark.sql.extensions")
    assert "dev.numspark.spark.NumsparkPlugin" in conf.get("spark.plugins")
    for role in ("executor", "driver"):
        options = conf.get(f"spark.{role}.extraJavaOptions")
        assert "-Xss16m" in options and "-XX:MaxInlineLevel=40" in options
    # the driver's options reached the running JVM (pyspark started it with them)
    args = spark._jvm.java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()
    assert "-XX:MaxInlineLevel=40" in list(args)


def test_doctor_finds_no_problem_in_a_numspark_session(spark):
    rows = numspark.doctor(spark)
    assert len(rows) == 1, rows
    row = rows[0]
    assert row["executor"] == "driver" and row["task_cpus"] == 1 and row["blas_threads"] == 1
    assert row["fft_engine"].startswith("Vector API engine"), row
    # numspark.session set the recommended flags, so the doctor has nothing to say
    assert "MaxInlineLevel=40" in row["jvm_flags"] and "ThreadStackSize=16384k" in row["jvm_flags"]
    assert row["problems"] == [], row
