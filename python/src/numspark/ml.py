"""numspark's Spark ML stages in Python: wrappers of the JVM's ``dev.numspark.spark.ml`` stages.

They are ``JavaTransformer``s with Params, usable in a ``Pipeline`` and saved or loaded with
Spark's ML persistence, alone or inside a ``PipelineModel``. A stage saved from Scala or Java loads
here and the other way round: the saved metadata names the JVM class, and PySpark finds the Python
class of a loaded JVM stage by that name, which the module ``dev.numspark.spark.ml`` (shipped in
this wheel) re-exports. On Spark Connect (pyspark 4.0 on), transform, Pipelines and save/load
work too: the jar registers both stages with the server; there getters answer only for the params
you set (the server's JVM applies the defaults) and ``frequencies`` needs a classic session.

Only the params you set are sent to the JVM; the defaults are the JVM stage's (SciPy's).
"""
from __future__ import annotations

from pyspark import keyword_only
from pyspark.ml.param import Param, Params, TypeConverters
from pyspark.ml.param.shared import HasInputCol, HasOutputCol
from pyspark.ml.util import JavaMLReadable, JavaMLReader, JavaMLWritable
from pyspark.ml.wrapper import JavaTransformer
from pyspark.sql.utils import is_remote

_JVM_PACKAGE = "dev.numspark.spark.ml"


class _NumsparkReader(JavaMLReader):
    """Loads with the JVM class of the same simple name in dev.numspark.spark.ml (PySpark's own
    reader would derive the JVM class from this Python module's name)."""

    @classmethod
    def _java_loader_class(cls, clazz) -> str:
        return f"{_JVM_PACKAGE}.{clazz.__name__}"


def _connect_supported():
    """PySpark's ML support on Spark Connect starts with 4.0."""
    import pyspark
    if is_remote() and int(pyspark.__version__.split(".")[0]) < 4:
        raise NotImplementedError(
            f"numspark.ml on Spark Connect needs pyspark 4.0 or later (this is "
            f"{pyspark.__version__}); use a classic SparkSession")


class _NumsparkStage(JavaTransformer, HasInputCol, HasOutputCol, JavaMLReadable, JavaMLWritable):
    def _create_java(self):
        _connect_supported()
        # On Spark Connect this is the JVM class's name, which the server looks up among the
        # stages its jars register (the jar's META-INF/services/org.apache.spark.ml.Transformer).
        self._java_obj = self._new_java_obj(f"{_JVM_PACKAGE}.{type(self).__name__}", self.uid)
        if not is_remote():
            # The defaults live on the JVM side (SciPy's); copy them so getOrDefault answers
            # here too. A Connect client has no JVM stage to ask: the server applies them.
            self._transfer_params_from_java()

    def _classic_stage(self, what: str):
        if is_remote():
            raise NotImplementedError(
                f"numspark.ml.{type(self).__name__}.{what} needs a classic SparkSession (it asks "
                "the JVM stage); on Spark Connect, transform, Pipelines and save/load work")
        self._transfer_params_to_java()
        return self._java_obj

    @classmethod
    def read(cls):
        _connect_supported()
        if is_remote():
            from pyspark.ml.connect.readwrite import RemoteMLReader
            # PySpark's Connect reader names the server's class after the Python class's module
            # (pyspark.ml.x -> org.apache.spark.ml.x). A subclass placed in the module that mirrors
            # the JVM package (dev.numspark.spark.ml, in this wheel) gives the JVM class's name,
            # and importing that module gives this class back for the loaded instance.
            return RemoteMLReader(type(cls.__name__, (cls,), {"__module__": _JVM_PACKAGE}))
        return _NumsparkReader(cls)

    def setInputCol(self, value: str):
        return self._set(inputCol=value)

    def setOutputCol(self, value: str):
        return self._set(outputCol=value)


class FFTTransformer(_NumsparkStage):
    """The rfft spectrum of a signal column as a Spark ML ``Vector``
    (``dev.numspark.spark.ml.FFTTransformer``; docs/spark-ml.md).

    Parameters
    ----------
    inputCol : str
        ``array<double>`` (any numeric element type) or ``Vector`` column.
    outputCol : str, optional
        The vector column to add (default ``uid + "__output"``).
    outputMode : {"magnitude", "power", "complex"}, optional
        ``|X|`` (default), ``|X|**2``, or interleaved ``re, im`` of ``X = rfft(x, n, norm)``.
    n : int, optional
        FFT length (default: each signal's length).
    norm : {"backward", "ortho", "forward"}, optional
        SciPy's normalization (default "backward").

    Examples
    --------
    >>> from numspark.ml import FFTTransformer
    >>> fft = FFTTransformer(inputCol="signal", outputCol="spectrum", outputMode="power", n=1024)
    >>> fft.transform(df).select("spectrum")
    """

    outputMode = Param(Params._dummy(), "outputMode", "magnitude, power or complex",
                       TypeConverters.toString)
    n = Param(Params._dummy(), "n", "the FFT length (unset: each signal's length)",
              TypeConverters.toInt)
    norm = Param(Params._dummy(), "norm", "backward, ortho or forward", TypeConverters.toString)

    @keyword_only
    def __init__(self, *, inputCol=None, outputCol=None, outputMode=None, n=None, norm=None):
        super().__init__()
        self._create_java()
        self._set(**self._input_kwargs)


    def frequencies(self, signal_length: int, fs: float = 1.0):
        """``rfftfreq(n, 1/fs)``: the frequency of each bin for signals of that length."""
        return list(self._classic_stage("frequencies").frequencies(signal_length, float(fs)))


class WelchTransformer(_NumsparkStage):
    """Welch's PSD of a signal column as a Spark ML ``Vector``
    (``dev.numspark.spark.ml.WelchTransformer``; docs/spark-ml.md). Defaults are
    ``scipy.signal.welch``'s.

    Parameters
    ----------
    inputCol, outputCol : str
        As :class:`FFTTransformer`.
    fs : float, optional
        Sampling frequency (default 1.0).
    window : str, optional
        A window name, or ``name:param`` (``"tukey:0.25"``, ``"kaiser:8.6"``); default "hann".
    nperseg, noverlap, nfft : int, optional
        Segment length (256, at most the signal's), overlap (nperseg // 2), FFT length (nperseg).
    detrend : {"constant", "linear", "false"}, optional
    scaling : {"density", "spectrum"}, optional
    average : {"mean", "median"}, optional

    Examples
    --------
    >>> from numspark.ml import WelchTransformer
    >>> psd = WelchTransformer(inputCol="signal", outputCol="psd", fs=1000.0, nperseg=256)
    >>> Pipeline(stages=[psd, VectorAssembler(inputCols=["psd"], outputCol="features")]).fit(df)
    """

    fs = Param(Params._dummy(), "fs", "the sampling frequency", TypeConverters.toFloat)
    window = Param(Params._dummy(), "window", "a window name, or name:param",
                   TypeConverters.toString)
    nperseg = Param(Params._dummy(), "nperseg", "the segment length", TypeConverters.toInt)
    noverlap = Param(Params._dummy(), "noverlap", "the overlap of segments", TypeConverters.toInt)
    nfft = Param(Params._dummy(), "nfft", "the FFT length of a segment", TypeConverters.toInt)
    detrend = Param(Params._dummy(), "detrend", "constant, linear or false",
                    TypeConverters.toString)
    scaling = Param(Params._dummy(), "scaling", "density or spectrum", TypeConverters.toString)
    average = Param(Params._dummy(), "average", "mean or median", TypeConverters.toString)

    @keyword_only
    def __init__(self, *, inputCol=None, outputCol=None, fs=None, window=None, nperseg=None,
                 noverlap=None, nfft=None, detrend=None, scaling=None, average=None):
        super().__init__()
        self._create_java()
        self._set(**self._input_kwargs)

    def frequencies(self, signal_length: int):
        """The ``f`` of ``scipy.signal.welch`` for signals of that length (the JVM stage's)."""
        return list(self._classic_stage("frequencies").frequencies(signal_length))


def _add_accessors(cls, names):
    """setX/getX for each param, as PySpark's own stages have them."""
    for name in names:
        cap = name[0].upper() + name[1:]

        def setter(self, value, _n=name):
            return self._set(**{_n: value})

        def getter(self, _n=name):
            return self.getOrDefault(getattr(self, _n))

        setter.__name__, getter.__name__ = f"set{cap}", f"get{cap}"
        setattr(cls, setter.__name__, setter)
        setattr(cls, getter.__name__, getter)


_add_accessors(FFTTransformer, ("outputMode", "n", "norm"))
_add_accessors(WelchTransformer, ("fs", "window", "nperseg", "noverlap", "nfft", "detrend",
                                  "scaling", "average"))
