"""numspark for PySpark: SciPy's FFT, signal and linear algebra kernels as Spark column functions.

- ``numspark.session()`` / ``numspark.configure(builder)``: a session with the numspark jar (the
  wheel's jar for the running pyspark's Spark line and Scala version), its SQL extension, its
  executor plugin and the recommended JVM options.
- ``numspark.functions``: ``fft``, ``rfft``, ``welch``, ``solve``, ... with SciPy's names and defaults.
- ``numspark.ml``: ``FFTTransformer`` and ``WelchTransformer`` Spark ML stages.
- ``numspark.linalg``: ``covariance`` and ``covariance_eigh`` of complex snapshots per group.
- ``numspark.threadpool_info(spark)``: the native thread pools of every executor.
- ``numspark.doctor(spark)``: every executor's BLAS, FFT engine and JVM flags, with the problems found.
"""
from numspark._session import artifact, configure, jar_path, maven_coordinates, session
from numspark._threads import doctor, threadpool_info
from numspark._version import JAR_VERSION, __version__

__all__ = ["configure", "session", "jar_path", "maven_coordinates", "artifact", "threadpool_info",
           "doctor", "JAR_VERSION", "__version__"]
