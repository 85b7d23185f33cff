package dev.numspark.spark.ml

import dev.numspark.fft.Fft
import org.apache.spark.ml.Transformer
import org.apache.spark.ml.param.{IntParam, Param, ParamMap, ParamValidators}
import org.apache.spark.ml.util.{DefaultParamsReadable, DefaultParamsWritable, Identifiable}
import org.apache.spark.sql.{DataFrame, Dataset}
import org.apache.spark.sql.functions.{col, lit}
import org.apache.spark.sql.types.{IntegerType, StructType}

/**
 * The spectrum of a real signal as ML features, like Spark's `DCT` for the FFT: for each row,
 * `X = scipy.fft.rfft(x, n, norm=norm)` at the n/2 + 1 non-negative frequencies, written as an
 * ML `Vector` of `|X|` (outputMode "magnitude", the default), `|X|^2` ("power") or the interleaved
 * `re, im` pairs of X ("complex", 2 (n/2 + 1) values). The input column is `array<double>` (any
 * numeric array) or an ML `Vector`; NULL rows give NULL.
 *
 * {{{
 * val fft = new FFTTransformer().setInputCol("signal").setOutputCol("features")
 *   .setOutputMode("power").setN(1024)
 * }}}
 *
 * It runs as a native Catalyst expression (that of the SQL function `numspark_fft_features`, built
 * directly, never looked up in the session) with numspark's local kernel, so every row equals
 * `Fft.rfft` exactly.
 */
class FFTTransformer(override val uid: String) extends Transformer with SignalColumnParams
    with DefaultParamsWritable {

  def this() = this(Identifiable.randomUID("numsparkFFT"))

  /** "magnitude" (|X|, default), "power" (|X|^2) or "complex" (interleaved re, im of X). */
  final val outputMode: Param[String] = new Param[String](this, "outputMode",
    "what of X = rfft(x) to output: magnitude (|X|), power (|X|^2) or complex (interleaved re, im)",
    ParamValidators.inArray[String](MlFunctions.OutputModes))

  /** The FFT length: the signal is zero-padded or truncated to n samples; unset = its length. */
  final val n: IntParam = new IntParam(this, "n",
    "the FFT length: each signal is zero-padded or truncated to n samples (unset: its own length)",
    ParamValidators.gtEq(1))

  /** scipy.fft's norm: "backward" (default), "ortho" or "forward". */
  final val norm: Param[String] = new Param[String](this, "norm",
    "the normalization: backward (default, no scaling), ortho (1/sqrt(n)) or forward (1/n)",
    ParamValidators.inArray[String](Array("backward", "ortho", "forward")))

  setDefault(outputMode -> "magnitude", norm -> "backward")

  def setInputCol(value: String): this.type = set(inputCol, value)

  def setOutputCol(value: String): this.type = set(outputCol, value)

  def setOutputMode(value: String): this.type = set(outputMode, value)

  def setN(value: Int): this.type = set(n, value)

  def setNorm(value: String): this.type = set(norm, value)

  def getOutputMode: String = $(outputMode)

  /** The FFT length; fails when unset (then each signal's own length is used): see `isSet(n)`. */
  def getN: Int = $(n)

  def getNorm: String = $(norm)

  /** The frequency (in cycles per unit of fs) of each spectrum bin for signals of this length. */
  def frequencies(signalLength: Int, fs: Double): Array[Double] = {
    val length = if (isDefined(n)) $(n) else signalLength
    Fft.rfftfreq(length, 1.0 / fs).data()
  }

  /** The bin frequencies with fs = 1 (cycles per sample). */
  def frequencies(signalLength: Int): Array[Double] = frequencies(signalLength, 1.0)

  /** The vector length when n fixes it. */
  private def outputSize: Option[Int] =
    if (!isDefined(n)) None
    else {
      val bins = $(n) / 2 + 1
      Some(if ($(outputMode) == "complex") 2 * bins else bins)
    }

  override def transformSchema(schema: StructType): StructType =
    withOutputColumn(schema, outputSize)

  override def transform(dataset: Dataset[_]): DataFrame = {
    val schema = transformSchema(dataset.schema, logging = true)
    val length = if (isDefined(n)) lit($(n)) else lit(null).cast(IntegerType)
    val features = MlFunctions.call(MlFunctions.FftFeaturesSpec, col($(inputCol)),
      lit($(outputMode)), length, lit($(norm)))
    dataset.withColumn($(outputCol), features.as($(outputCol), schema($(outputCol)).metadata))
  }

  override def copy(extra: ParamMap): FFTTransformer = defaultCopy(extra)
}

object FFTTransformer extends DefaultParamsReadable[FFTTransformer] {
  override def load(path: String): FFTTransformer = super.load(path)
}
