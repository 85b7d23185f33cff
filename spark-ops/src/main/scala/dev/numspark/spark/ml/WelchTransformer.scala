package dev.numspark.spark.ml

import dev.numspark.array.NdArray
import dev.numspark.signal.Signal
import dev.numspark.spark.OptionChecks
import org.apache.spark.ml.Transformer
import org.apache.spark.ml.param.{DoubleParam, IntParam, Param, ParamMap, ParamValidators}
import org.apache.spark.ml.util.{DefaultParamsReadable, DefaultParamsWritable, Identifiable}
import org.apache.spark.sql.{Column, DataFrame, Dataset}
import org.apache.spark.sql.functions.{col, lit}
import org.apache.spark.sql.types.{IntegerType, StructType}

/**
 * The power spectral density of a real signal by Welch's method as ML features: for each row, the
 * `Pxx` of `scipy.signal.welch(x, fs, window, nperseg, noverlap, nfft, detrend, scaling=scaling,
 * average=average)` as an ML `Vector`, with SciPy's defaults (fs 1.0, window "hann", nperseg 256
 * but at most the signal length, noverlap nperseg/2, nfft nperseg, detrend "constant", scaling
 * "density", average "mean"). [[frequencies]] gives the matching frequencies. The input column is
 * `array<double>` (any numeric array) or an ML `Vector`; NULL rows give NULL.
 *
 * {{{
 * val welch = new WelchTransformer().setInputCol("signal").setOutputCol("psd")
 *   .setFs(1000).setNperseg(256)
 * }}}
 *
 * It runs as a native Catalyst expression (that of the SQL function `numspark_welch_features`,
 * built directly, never looked up in the session) with numspark's local kernel, so every row
 * equals `Signal.welch`.
 */
class WelchTransformer(override val uid: String) extends Transformer with SignalColumnParams
    with DefaultParamsWritable {

  def this() = this(Identifiable.randomUID("numsparkWelch"))

  final val fs: DoubleParam = new DoubleParam(this, "fs",
    "the sampling frequency of the signals (default 1.0)",
    (v: Double) => v > 0 && !v.isInfinite)

  final val window: Param[String] = new Param[String](this, "window",
    "the window: a scipy.signal.get_window name (default hann), or name:param such as tukey:0.25 " +
      "or kaiser:8.6")

  final val nperseg: IntParam = new IntParam(this, "nperseg",
    "the segment length (unset: 256, at most the signal length)", ParamValidators.gtEq(1))

  final val noverlap: IntParam = new IntParam(this, "noverlap",
    "the samples shared by consecutive segments (unset: nperseg / 2)", ParamValidators.gtEq(0))

  final val nfft: IntParam = new IntParam(this, "nfft",
    "the FFT length of a segment, at least nperseg (unset: nperseg)", ParamValidators.gtEq(1))

  final val detrend: Param[String] = new Param[String](this, "detrend",
    "how each segment is detrended: constant (default), linear or false",
    ParamValidators.inArray[String](Array("constant", "linear", "false")))

  final val scaling: Param[String] = new Param[String](this, "scaling",
    "density (default, V**2/Hz) or spectrum (V**2)",
    ParamValidators.inArray[String](Array("density", "spectrum")))

  final val average: Param[String] = new Param[String](this, "average",
    "how segment periodograms are averaged: mean (default) or median",
    ParamValidators.inArray[String](Array("mean", "median")))

  setDefault(fs -> 1.0, window -> "hann", detrend -> "constant", scaling -> "density",
    average -> "mean")

  def setInputCol(value: String): this.type = set(inputCol, value)

  def setOutputCol(value: String): this.type = set(outputCol, value)

  def setFs(value: Double): this.type = set(fs, value)

  def setWindow(value: String): this.type = set(window, value)

  def setNperseg(value: Int): this.type = set(nperseg, value)

  def setNoverlap(value: Int): this.type = set(noverlap, value)

  def setNfft(value: Int): this.type = set(nfft, value)

  def setDetrend(value: String): this.type = set(detrend, value)

  def setScaling(value: String): this.type = set(scaling, value)

  def setAverage(value: String): this.type = set(average, value)

  def getFs: Double = $(fs)

  def getWindow: String = $(window)

  /** Fails when unset (SciPy's None): see `isSet(nperseg)`. */
  def getNperseg: Int = $(nperseg)

  /** Fails when unset (SciPy's None): see `isSet(noverlap)`. */
  def getNoverlap: Int = $(noverlap)

  /** Fails when unset (SciPy's None): see `isSet(nfft)`. */
  def getNfft: Int = $(nfft)

  def getDetrend: String = $(detrend)

  def getScaling: String = $(scaling)

  def getAverage: String = $(average)

  private def optional(p: IntParam): Integer = if (isDefined(p)) Integer.valueOf($(p)) else null

  /**
   * The frequencies of the PSD bins for signals of this length (the `f` of scipy.signal.welch;
   * they depend on the length when nperseg is larger than the signal). Empty for length 0.
   */
  def frequencies(signalLength: Int): Array[Double] = {
    require(signalLength >= 0, s"$stageName: signalLength must be >= 0, got $signalLength")
    val options = MlFunctions.welchOptions($(fs), $(window), optional(nperseg),
      optional(noverlap), optional(nfft), $(detrend), $(scaling), $(average))
    Signal.welch(NdArray.real(new Array[Double](signalLength), signalLength), options).freqs()
  }

  /** Checks what can be checked before seeing a signal, in SciPy's words where it has them. */
  private def checkOptions(): Unit = {
    try OptionChecks.window($(window))
    catch {
      case e: IllegalArgumentException =>
        throw new IllegalArgumentException(s"$stageName: window '${$(window)}': ${e.getMessage}", e)
    }
    if (isDefined(nperseg) && isDefined(noverlap) && $(noverlap) >= $(nperseg)) {
      throw new IllegalArgumentException(s"$stageName: noverlap=${$(noverlap)} must be less " +
        s"than nperseg=${$(nperseg)}!")
    }
    if (isDefined(nperseg) && isDefined(nfft) && $(nfft) < $(nperseg)) {
      throw new IllegalArgumentException(s"$stageName: nfft=${$(nfft)} must be greater than " +
        s"or equal to nperseg=${$(nperseg)}!")
    }
  }

  override def transformSchema(schema: StructType): StructType = {
    checkOptions()
    // nfft fixes the length (nfft / 2 + 1) of every non-empty signal's PSD
    withOutputColumn(schema, if (isDefined(nfft)) Some($(nfft) / 2 + 1) else None)
  }

  private def intOrNull(p: IntParam): Column =
    if (isDefined(p)) lit($(p)) else lit(null).cast(IntegerType)

  override def transform(dataset: Dataset[_]): DataFrame = {
    val schema = transformSchema(dataset.schema, logging = true)
    val psd = MlFunctions.call(MlFunctions.WelchFeaturesSpec, col($(inputCol)), lit($(fs)),
      lit($(window)), intOrNull(nperseg), intOrNull(noverlap), intOrNull(nfft), lit($(detrend)),
      lit($(scaling)), lit($(average)))
    dataset.withColumn($(outputCol), psd.as($(outputCol), schema($(outputCol)).metadata))
  }

  override def copy(extra: ParamMap): WelchTransformer = defaultCopy(extra)
}

object WelchTransformer extends DefaultParamsReadable[WelchTransformer] {
  override def load(path: String): WelchTransformer = super.load(path)
}
