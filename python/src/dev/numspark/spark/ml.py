"""PySpark finds the Python class of a loaded JVM ML stage by the JVM class's name
(``dev.numspark.spark.ml.WelchTransformer``): this module (in a PEP 420 namespace package, so it
does not claim ``dev``) gives it numspark's wrappers. Import them from ``numspark.ml``."""
from numspark.ml import FFTTransformer, WelchTransformer

__all__ = ["FFTTransformer", "WelchTransformer"]
