package dev.numspark.spark.ml

import dev.numspark.array.NdArray
import dev.numspark.fft.Fft
import dev.numspark.signal.{Signal, SpectralOptions}
import dev.numspark.spark.{FunctionSpec, NumsparkExpression, OptionArg, OptionChecks, OptionValues}
import dev.numspark.spark.ArgTypes.{DoubleOption, IntOption, StringOption, isSignal, isVector}
import dev.numspark.spark.ComplexArrays.doubles
import dev.numspark.spark.SignalFunctions.guarded
import org.apache.spark.ml.linalg.{DenseVector, SQLDataTypes, Vector}
import org.apache.spark.sql.Column
import org.apache.spark.sql.catalyst.InternalRow
import org.apache.spark.sql.catalyst.util.ArrayData
import org.apache.spark.sql.numspark.SparkInternals
import org.apache.spark.sql.types._

/**
 * The SQL functions behind [[FFTTransformer]] and [[WelchTransformer]]: spectra as Spark ML
 * `Vector`s (features), from `array<double>` (any numeric array) or ML `Vector` columns. They are
 * native Catalyst expressions like every numspark function: a row's samples go from Catalyst's
 * array straight into a `double[]`, through the local kernel, and back as a `DenseVector` over that
 * `double[]`, serialized by Spark's own VectorUDT (no boxing per sample).
 */
object MlFunctions {
  val FftFeatures = "numspark_fft_features"
  val WelchFeatures = "numspark_welch_features"

  /** Spark ML's vector column type; its UDT turns a Vector into Catalyst's value and back. */
  private[ml] val vectorUdt: UserDefinedType[Vector] =
    SQLDataTypes.VectorType.asInstanceOf[UserDefinedType[Vector]]

  /** A row's signal as `double[]`, from a numeric array or an ML Vector value. */
  private def samples(fn: String, value: AnyRef, t: DataType): Array[Double] = t match {
    case at: ArrayType => doubles(fn, "the signal", value.asInstanceOf[ArrayData], at)
    case _ => vectorUdt.deserialize(value.asInstanceOf[InternalRow]).toArray
  }

  private def vector(values: Array[Double]): Any = vectorUdt.serialize(new DenseVector(values))

  private def signalTypeError(t: DataType): Option[String] =
    if (isSignal(t) || isVector(t)) None
    else Some(s"x must be array<double> (any numeric array) or an ML Vector, got ${t.simpleString}")

  /** The FFT output modes of [[FFTTransformer]]. */
  val OutputModes: Array[String] = Array("magnitude", "power", "complex")

  /**
   * `|rfft(x)|`, `|rfft(x)|^2` or the interleaved `re, im` pairs of `rfft(x)`: the spectrum of a
   * real signal as features. Power is computed as `hypot(re, im)^2`, as numspark_power_spectrum.
   */
  def fftFeatures(x: Array[Double], mode: String, n: Integer, norm: String): Array[Double] = {
    val spectrum = Fft.rfft(NdArray.real(x, x.length), n, -1, norm, 1).data()
    mode match {
      case "complex" => spectrum
      case "magnitude" | "power" =>
        val power = mode == "power"
        val out = new Array[Double](spectrum.length / 2)
        var i = 0
        while (i < out.length) {
          val h = Math.hypot(spectrum(2 * i), spectrum(2 * i + 1))
          out(i) = if (power) h * h else h
          i += 1
        }
        out
      case other => throw new IllegalArgumentException(
        s"mode must be one of ${OutputModes.mkString("'", "', '", "'")}, got '$other'")
    }
  }

  private[ml] object FftFeaturesSpec extends FunctionSpec(
      FftFeatures,
      s"$FftFeatures(x [, mode [, n [, norm]]]) - the spectrum of the real signal x " +
        "(array<double> or an ML Vector) at the n/2 + 1 non-negative frequencies of " +
        "scipy.fft.rfft(x, n, norm=norm), as an ML Vector: mode 'magnitude' (default) gives " +
        "|X|, 'power' |X|^2 and 'complex' the interleaved re, im pairs. n pads or truncates, " +
        "norm is 'backward' (default), 'ortho' or 'forward'.",
      s"\n    Examples:\n      > SELECT $FftFeatures(array(1.0, 2.0, 3.0, 4.0));\n" +
        "       [10.0,2.8284271247461903,2.0]\n" +
        s"      > SELECT $FftFeatures(array(1.0, 2.0, 3.0, 4.0), 'complex');\n" +
        "       [10.0,0.0,-2.0,2.0,-2.0,0.0]\n",
      dataArgs = 1, options = IndexedSeq(OptionArg("mode", StringOption),
        OptionArg("n", IntOption), OptionArg("norm", StringOption))) {
    override def checkTypes(types: Seq[DataType]): Option[String] = signalTypeError(types.head)

    private def mode(o: OptionValues): String = Option(o.string(0)).getOrElse("magnitude")

    override def checkOptions(o: OptionValues): Unit = {
      fftFeatures(new Array[Double](1), mode(o), null, null)
      OptionChecks.rfft(o.int(1), o.string(2))
    }

    override def dataType(types: Seq[DataType]): DataType = SQLDataTypes.VectorType

    override def eval(data: Array[AnyRef], types: IndexedSeq[DataType], o: OptionValues): Any = {
      val x = samples(name, data(0), types.head)
      vector(guarded(name)(fftFeatures(x, mode(o), o.int(1), o.string(2))))
    }
  }

  /**
   * The options of scipy.signal.welch for one real signal, workers = 1 (a task's thread; tasks
   * give the parallelism). NULL (Scala null) keeps SciPy's default.
   */
  def welchOptions(fs: java.lang.Double, window: String, nperseg: Integer, noverlap: Integer,
      nfft: Integer, detrend: String, scaling: String, average: String): SpectralOptions = {
    val o = SpectralOptions.defaults().workers(1)
    if (fs != null) o.fs(fs.doubleValue)
    if (window != null) o.window(window)
    o.nperseg(nperseg).noverlap(noverlap).nfft(nfft)
    if (detrend != null) o.detrend(detrend)
    if (scaling != null) o.scaling(scaling)
    if (average != null) o.average(average)
    o
  }

  private[ml] object WelchFeaturesSpec extends FunctionSpec(
      WelchFeatures,
      s"$WelchFeatures(x [, fs [, window [, nperseg [, noverlap [, nfft [, detrend [, scaling " +
        "[, average]]]]]]]]) - the power spectral density of the real signal x (array<double> or " +
        "an ML Vector) by Welch's method, as the Pxx of scipy.signal.welch, as an ML Vector. " +
        "Defaults as SciPy: fs 1.0, window 'hann' (a name, or 'name:param' such as " +
        "'tukey:0.25'), " +
        "nperseg 256 (at most the signal length), noverlap nperseg/2, nfft nperseg, detrend " +
        "'constant' ('linear' or 'false'), scaling 'density' ('spectrum'), average 'mean' " +
        "('median'). NULL keeps an option's default.",
      "\n    Examples:\n" +
        s"      > SELECT $WelchFeatures(array(0, 1, 0, -1, 0, 1, 0, -1), 4.0, 'boxcar', 4);\n" +
        "       [0.0,0.5,0.0]\n" +
        s"      > SELECT $WelchFeatures(array(1.0, 2.0, 3.0, 4.0), 2.0, 'boxcar', 2, 0);\n" +
        "       [0.0,0.25]\n",
      dataArgs = 1, options = IndexedSeq(OptionArg("fs", DoubleOption),
        OptionArg("window", StringOption), OptionArg("nperseg", IntOption),
        OptionArg("noverlap", IntOption), OptionArg("nfft", IntOption),
        OptionArg("detrend", StringOption), OptionArg("scaling", StringOption),
        OptionArg("average", StringOption))) {
    override def checkTypes(types: Seq[DataType]): Option[String] = signalTypeError(types.head)

    override def checkOptions(o: OptionValues): Unit = OptionChecks.welch(o.double(0),
      o.string(1), o.int(2), o.int(3), o.int(4), o.string(5), o.string(6), o.string(7))

    override def dataType(types: Seq[DataType]): DataType = SQLDataTypes.VectorType

    override def eval(data: Array[AnyRef], types: IndexedSeq[DataType], o: OptionValues): Any = {
      val x = samples(name, data(0), types.head)
      val psd = guarded(name) {
        val options = welchOptions(o.double(0), o.string(1), o.int(2), o.int(3), o.int(4),
          o.string(5), o.string(6), o.string(7))
        Signal.welch(NdArray.real(x, x.length), options).values().data()
      }
      vector(psd)
    }
  }

  /** Both feature functions, built once. */
  val all: Seq[FunctionSpec] = Seq(FftFeaturesSpec, WelchFeaturesSpec)

  /**
   * A call of one of these functions as a `Column`, built from the expression itself: never
   * looked up by name in the session, where a user's function of the same name could answer.
   */
  private[ml] def call(spec: FunctionSpec, args: Column*): Column =
    SparkInternals.column(NumsparkExpression(spec, args.map(SparkInternals.expression)))
}
