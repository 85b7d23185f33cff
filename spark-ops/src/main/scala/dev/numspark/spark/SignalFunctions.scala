package dev.numspark.spark

import dev.numspark.array.NdArray
import dev.numspark.fft.Fft
import dev.numspark.signal.Signal
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow
import org.apache.spark.sql.catalyst.util.ArrayData
import org.apache.spark.sql.types._

import ArgTypes._
import ComplexArrays._

/**
 * The FFT and spectral SQL functions. Each row is one 1-d transform on one task thread (tasks
 * give the parallelism); the kernels are numspark's local ones, so results equal them exactly.
 */
object SignalFunctions {

  /** The type check of a function whose one data column is a real signal x. */
  private def checkRealSignal(types: Seq[DataType]): Option[String] =
    if (isSignal(types.head)) None
    else Some(s"x must be array<double>, got ${types.head.simpleString}")

  /** n (may vary by row) and norm: the options of the FFT functions. */
  private val NNorm = IndexedSeq(OptionArg("n", IntOption, column = true),
    OptionArg("norm", StringOption))

  /** Runs a kernel, turning its argument errors into errors that name the SQL function. */
  private[spark] def guarded[T](fn: String)(body: => T): T =
    try body catch { case e: RuntimeException => throw functionError(fn, e) }

  /**
   * What [[guarded]] throws for a kernel's error `e`: argument and linear-algebra errors as a
   * [[NumsparkFunctionException]] that names the SQL function, anything else as it is. For a
   * `try`/`catch` written out on a per-row path, where `guarded`'s closure would add three calls
   * to the chain that C2 inlines under Spark's generated code (docs/spark.md).
   */
  private[spark] def functionError(fn: String, e: RuntimeException): RuntimeException = e match {
    case f: NumsparkFunctionException => f
    case a: IllegalArgumentException => new NumsparkFunctionException(fn, a.getMessage)
    case l: dev.numspark.linalg.LinAlgError =>
      val wrapped = new NumsparkFunctionException(fn, l.getMessage)
      wrapped.initCause(l)
      wrapped
    case other => other
  }

  /** fft / ifft: signal or complex in, complex out; options n, norm. */
  private final class ComplexTransform(name: String, inverse: Boolean) extends FunctionSpec(
      name,
      s"$name(x [, n [, norm]]) - the ${if (inverse) "inverse " else ""}discrete Fourier transform " +
        "of x (array<double>, or struct<re, im> for complex input) as struct<re, im>, as " +
        s"scipy.fft.${name.stripPrefix("numspark_")}; n pads or truncates, norm is 'backward' " +
        "(default), 'ortho' or 'forward'.",
      s"\n    Examples:\n      > SELECT $name(array(1.0, 2.0, 3.0, 4.0));\n" +
        (if (inverse) "       {\"re\":[2.5,-0.5,-0.5,-0.5],\"im\":[-0.0,-0.5,-0.0,0.5]}\n"
         else "       {\"re\":[10.0,-2.0,-2.0,-2.0],\"im\":[0.0,2.0,0.0,-2.0]}\n"),
      dataArgs = 1, options = NNorm) {
    override def checkTypes(types: Seq[DataType]): Option[String] =
      if (!isSignal(types.head) && !isComplex(types.head))
        Some(s"x must be array<double> or struct<re: array<double>, im: array<double>>, got " +
          types.head.simpleString)
      else None

    override def checkOptions(o: OptionValues): Unit = OptionChecks.fft(o.int(0), o.string(1), inverse)

    override def dataType(types: Seq[DataType]): DataType = ComplexType

    override def eval(data: Array[AnyRef], types: IndexedSeq[DataType], o: OptionValues): Any = {
      val x = interleaved(name, data(0), types.head)
      val input = NdArray.complex(x, x.length / 2)
      val out = guarded(name) {
        if (inverse) Fft.ifft(input, o.int(0), -1, o.string(1), 1)
        else Fft.fft(input, o.int(0), -1, o.string(1), 1)
      }
      complexRow(out.data())
    }
  }

  private val FftSpec: FunctionSpec = new ComplexTransform("numspark_fft", inverse = false)
  private val IfftSpec: FunctionSpec = new ComplexTransform("numspark_ifft", inverse = true)

  private object RfftSpec extends FunctionSpec(
      "numspark_rfft",
      "numspark_rfft(x [, n [, norm]]) - the DFT of the real signal x for non-negative " +
        "frequencies (n/2 + 1 values) as struct<re, im>, as scipy.fft.rfft.",
      "\n    Examples:\n      > SELECT numspark_rfft(array(1.0, 2.0, 3.0, 4.0));\n" +
        "       {\"re\":[10.0,-2.0,-2.0],\"im\":[0.0,2.0,0.0]}\n",
      dataArgs = 1, options = NNorm) {
    override def checkTypes(types: Seq[DataType]): Option[String] = checkRealSignal(types)

    override def checkOptions(o: OptionValues): Unit = OptionChecks.rfft(o.int(0), o.string(1))

    override def dataType(types: Seq[DataType]): DataType = ComplexType

    override def eval(data: Array[AnyRef], types: IndexedSeq[DataType], o: OptionValues): Any =
      RowRfft.struct(name, data(0).asInstanceOf[ArrayData], types.head.asInstanceOf[ArrayType],
        o.int(0), o.string(1))
  }

  private object IrfftSpec extends FunctionSpec(
      "numspark_irfft",
      "numspark_irfft(X [, n [, norm]]) - the inverse of numspark_rfft: a real signal of length n " +
        "(default 2*(m-1) for m input values) from struct<re, im>, as scipy.fft.irfft.",
      "\n    Examples:\n      > SELECT numspark_irfft(numspark_rfft(array(1.0, 2.0, 3.0, 4.0)));\n" +
        "       [1.0,2.0,3.0,4.0]\n",
      dataArgs = 1, options = NNorm) {
    override def checkTypes(types: Seq[DataType]): Option[String] =
      if (!isComplex(types.head) && !isSignal(types.head))
        Some(s"X must be struct<re: array<double>, im: array<double>>, got ${types.head.simpleString}")
      else None

    override def checkOptions(o: OptionValues): Unit = OptionChecks.irfft(o.int(0), o.string(1))

    override def dataType(types: Seq[DataType]): DataType = SignalType

    override def eval(data: Array[AnyRef], types: IndexedSeq[DataType], o: OptionValues): Any = {
      val x = interleaved(name, data(0), types.head)
      val out = guarded(name) {
        Fft.irfft(NdArray.complex(x, x.length / 2), o.int(0), -1, o.string(1), 1)
      }
      array(out.data())
    }
  }

  private object AbsSpec extends FunctionSpec(
      "numspark_abs",
      "numspark_abs(z) - the magnitude |z| of every element of a complex struct<re, im> (or of a " +
        "real array), as numpy.abs.",
      "\n    Examples:\n      > SELECT numspark_abs(numspark_rfft(array(1.0, 2.0, 3.0, 4.0)));\n" +
        "       [10.0,2.8284271247461903,2.0]\n",
      dataArgs = 1) {
    override def checkTypes(types: Seq[DataType]): Option[String] =
      if (!isComplex(types.head) && !isSignal(types.head))
        Some(s"z must be struct<re, im> or array<double>, got ${types.head.simpleString}")
      else None

    override def dataType(types: Seq[DataType]): DataType = SignalType

    override def eval(data: Array[AnyRef], types: IndexedSeq[DataType], o: OptionValues): Any = {
      val z = interleaved(name, data(0), types.head)
      val out = new Array[Double](z.length / 2)
      var i = 0
      while (i < out.length) { out(i) = Math.hypot(z(2 * i), z(2 * i + 1)); i += 1 }
      array(out)
    }
  }

  private object PowerSpectrumSpec extends FunctionSpec(
      "numspark_power_spectrum",
      "numspark_power_spectrum(x [, n [, norm]]) - |rfft(x)|^2 for every non-negative frequency, " +
        "as numpy.abs(scipy.fft.rfft(x, n, norm=norm))**2.",
      "\n    Examples:\n      > SELECT numspark_power_spectrum(array(1.0, 2.0, 3.0, 4.0));\n" +
        "       [100.0,8.000000000000002,4.0]\n",
      dataArgs = 1, options = NNorm) {
    override def checkTypes(types: Seq[DataType]): Option[String] = checkRealSignal(types)

    override def checkOptions(o: OptionValues): Unit = RfftSpec.checkOptions(o)

    override def dataType(types: Seq[DataType]): DataType = SignalType

    override def eval(data: Array[AnyRef], types: IndexedSeq[DataType], o: OptionValues): Any = {
      val (re, im) = RowRfft.parts(name, data(0).asInstanceOf[ArrayData],
        types.head.asInstanceOf[ArrayType], o.int(0), o.string(1))
      val out = new Array[Double](re.length)
      var i = 0
      while (i < out.length) {
        val h = Math.hypot(re(i), im(i))
        out(i) = h * h
        i += 1
      }
      array(out)
    }
  }

  private object DctSpec extends FunctionSpec(
      "numspark_dct",
      "numspark_dct(x [, type [, norm]]) - the discrete cosine transform of type 1, 2 (default), " +
        "3 or 4 of x, as scipy.fft.dct.",
      "\n    Examples:\n      > SELECT numspark_dct(array(1.0, 2.0, 3.0, 4.0), 2, 'ortho');\n" +
        "       [5.000000000000001,-2.2304424973876635,0.0,-0.15851266778110706]\n",
      dataArgs = 1, options = IndexedSeq(OptionArg("type", IntOption),
        OptionArg("norm", StringOption))) {
    override def checkTypes(types: Seq[DataType]): Option[String] = checkRealSignal(types)

    private def dctType(o: OptionValues): Int = Option(o.int(0)).map(_.intValue).getOrElse(2)

    override def checkOptions(o: OptionValues): Unit = OptionChecks.dct(dctType(o), o.string(1))

    override def dataType(types: Seq[DataType]): DataType = SignalType

    override def eval(data: Array[AnyRef], types: IndexedSeq[DataType], o: OptionValues): Any = {
      val x = signalAt(data, types, 0)
      val out = guarded(name) {
        Fft.dct(NdArray.real(x, x.length), dctType(o), null, -1, o.string(1), 1, null)
      }
      array(out.data())
    }
  }

  val WelchType: StructType = StructType(Seq(
    StructField("freqs", SignalType, nullable = false),
    StructField("psd", SignalType, nullable = false)))

  private object WelchSpec extends FunctionSpec(
      "numspark_welch",
      "numspark_welch(x, fs [, nperseg [, noverlap [, window [, scaling]]]]) - Welch's power " +
        "spectral density of the real signal x sampled at fs, as scipy.signal.welch: " +
        "struct<freqs, psd>. nperseg defaults to 256 (or the signal's length if shorter), noverlap " +
        "to nperseg / 2, window to 'hann' (also e.g. 'tukey:0.25', 'kaiser:8.6'), scaling to " +
        "'density' ('spectrum' for the power spectrum). Detrending is 'constant', averaging 'mean'.",
      "\n    Examples:\n      > SELECT numspark_welch(array(0.0, 1.0, 0.0, -1.0, 0.0, 1.0, 0.0, -1.0), 4.0, 4);\n" +
        "       {\"freqs\":[0.0,1.0,2.0],\"psd\":[0.0,0.3333333333333334,0.0]}\n",
      dataArgs = 1, options = IndexedSeq(OptionArg("fs", DoubleOption),
        OptionArg("nperseg", IntOption), OptionArg("noverlap", IntOption),
        OptionArg("window", StringOption), OptionArg("scaling", StringOption)), minArgs = 2) {
    override def checkTypes(types: Seq[DataType]): Option[String] = checkRealSignal(types)

    override def checkOptions(o: OptionValues): Unit = {
      if (o.double(0) == null) throw new NumsparkFunctionException(name, "fs must not be NULL")
      OptionChecks.welch(o.double(0), o.string(3), o.int(1), o.int(2), null, null, o.string(4),
        null)
    }

    override def dataType(types: Seq[DataType]): DataType = WelchType

    override def eval(data: Array[AnyRef], types: IndexedSeq[DataType], o: OptionValues): Any = {
      val x = signalAt(data, types, 0)
      val spectrum = guarded(name) {
        Signal.welch(NdArray.real(x, x.length), ml.MlFunctions.welchOptions(o.double(0),
          o.string(3), o.int(1), o.int(2), null, null, o.string(4), null))
      }
      new GenericInternalRow(Array[Any](array(spectrum.freqs()), array(spectrum.values().data())))
    }
  }

  private object FftconvolveSpec extends FunctionSpec(
      "numspark_fftconvolve",
      "numspark_fftconvolve(a, b [, mode]) - the convolution of two real signals through the " +
        "FFT, as scipy.signal.fftconvolve; mode 'full' (default), 'same' or 'valid'.",
      "\n    Examples:\n      > SELECT numspark_fftconvolve(array(1.0, 2.0, 3.0), array(0.0, 1.0, 0.5));\n" +
        "       [0.0,1.0,2.5,4.0,1.5]\n",
      dataArgs = 2, options = IndexedSeq(OptionArg("mode", StringOption))) {
    override def checkTypes(types: Seq[DataType]): Option[String] =
      if (!isSignal(types(0)) || !isSignal(types(1)))
        Some(s"a and b must be array<double>, got ${types(0).simpleString} and ${types(1).simpleString}")
      else None

    private def mode(o: OptionValues): String = Option(o.string(0)).getOrElse("full")

    override def checkOptions(o: OptionValues): Unit = OptionChecks.fftconvolve(mode(o))

    override def dataType(types: Seq[DataType]): DataType = SignalType

    override def eval(data: Array[AnyRef], types: IndexedSeq[DataType], o: OptionValues): Any = {
      val a = signalAt(data, types, 0, "a")
      val b = signalAt(data, types, 1, "b")
      val out = guarded(name) {
        Signal.fftconvolve(NdArray.real(a, a.length), NdArray.real(b, b.length), mode(o), null, 1)
      }
      array(out.data())
    }
  }

  /** Every signal function, built once. */
  val all: Seq[FunctionSpec] = Seq(FftSpec, IfftSpec, RfftSpec, IrfftSpec, AbsSpec,
    PowerSpectrumSpec, DctSpec, WelchSpec, FftconvolveSpec)
}
