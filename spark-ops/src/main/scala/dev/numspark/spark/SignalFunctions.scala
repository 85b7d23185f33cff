package dev.numspark.spark

import dev.numspark.array.NdArray
import dev.numspark.fft.Fft
import dev.numspark.signal.{Signal, SpectralOptions, Window}
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow
import org.apache.spark.sql.catalyst.util.ArrayData
import org.apache.spark.sql.types._
import org.apache.spark.unsafe.types.UTF8String

import ComplexArrays._

/**
 * The FFT and spectral SQL functions. Each row is one 1-d transform on one task thread (tasks
 * give the parallelism); the kernels are numspark's local ones, so results equal them exactly.
 */
object SignalFunctions {

  private[spark] def int(fn: String, what: String, v: Any): Integer = v match {
    case null => null
    case i: Int => i
    case l: Long if l.isValidInt => l.toInt
    case s: Short => s.toInt
    case b: Byte => b.toInt
    case other => throw new NumsparkFunctionException(fn, s"$what must be an integer, got $other")
  }

  private[spark] def string(v: Any): String = v match {
    case null => null
    case s: UTF8String => s.toString
    case s: String => s
    case other => other.toString
  }

  private[spark] def double(fn: String, what: String, v: Any): java.lang.Double = v match {
    case null => null
    case d: Double => d
    case f: Float => f.toDouble
    case i: Int => i.toDouble
    case l: Long => l.toDouble
    case d: Decimal => d.toDouble
    case other => throw new NumsparkFunctionException(fn, s"$what must be a number, got $other")
  }

  /** The real signal at argument `i` as `double[]`. */
  private def signalAt(fn: String, values: Seq[Any], types: Seq[DataType], i: Int,
      what: String = "the signal"): Array[Double] =
    doubles(fn, what, values(i).asInstanceOf[ArrayData], types(i).asInstanceOf[ArrayType])

  /** The type check of a function of one real signal x and options of the given kinds. */
  private def checkRealSignal(types: Seq[DataType], options: Seq[Seq[DataType] => Boolean],
      optionsMessage: String): Option[String] =
    if (!isSignal(types.head)) Some(s"x must be array<double>, got ${types.head.simpleString}")
    else if (!optionTypesOk(types.drop(1), options)) Some(optionsMessage)
    else None

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

  private def optionTypesOk(types: Seq[DataType], expected: Seq[Seq[DataType] => Boolean]) =
    types.zip(expected).forall { case (t, ok) => t == NullType || ok(Seq(t)) }

  private val isInt: Seq[DataType] => Boolean = ts => ts.head match {
    case ByteType | ShortType | IntegerType | LongType => true
    case _ => false
  }
  private val isString: Seq[DataType] => Boolean = ts => ts.head == StringType ||
    ts.head.isInstanceOf[StringType]
  private val isNumber: Seq[DataType] => Boolean = ts => ts.head.isInstanceOf[NumericType]

  /** fft / ifft: signal or complex in, complex out; options n, norm. */
  private class ComplexTransform(name: String, inverse: Boolean) extends FunctionSpec(
      name,
      s"$name(x [, n [, norm]]) - the ${if (inverse) "inverse " else ""}discrete Fourier transform " +
        "of x (array<double>, or struct<re, im> for complex input) as struct<re, im>, as " +
        s"scipy.fft.${name.stripPrefix("numspark_")}; n pads or truncates, norm is 'backward' " +
        "(default), 'ortho' or 'forward'.",
      s"\n    Examples:\n      > SELECT $name(array(1.0, 2.0, 3.0, 4.0));\n" +
        (if (inverse) "       {\"re\":[2.5,-0.5,-0.5,-0.5],\"im\":[-0.0,-0.5,-0.0,0.5]}\n"
         else "       {\"re\":[10.0,-2.0,-2.0,-2.0],\"im\":[0.0,2.0,0.0,-2.0]}\n"),
      dataArgs = 1, maxArgs = 3, columnOptions = Set(0)) {
    override def checkTypes(types: Seq[DataType]): Option[String] =
      if (!isSignal(types.head) && !isComplex(types.head))
        Some(s"x must be array<double> or struct<re: array<double>, im: array<double>>, got " +
          types.head.simpleString)
      else if (!optionTypesOk(types.drop(1), Seq(isInt, isString)))
        Some("n must be an integer and norm a string")
      else None

    override def dataType(types: Seq[DataType]): DataType = ComplexType

    override def eval(values: Seq[Any], types: Seq[DataType], options: Seq[Any]): Any = {
      val x = interleaved(name, values.head, types.head)
      val n = int(name, "n", options(0))
      val norm = string(options(1))
      val input = NdArray.complex(x, x.length / 2)
      val out = guarded(name) {
        if (inverse) Fft.ifft(input, n, -1, norm, 1) else Fft.fft(input, n, -1, norm, 1)
      }
      complexRow(out.data())
    }
  }

  private object RfftSpec extends FunctionSpec(
      "numspark_rfft",
      "numspark_rfft(x [, n [, norm]]) - the DFT of the real signal x for non-negative " +
        "frequencies (n/2 + 1 values) as struct<re, im>, as scipy.fft.rfft.",
      "\n    Examples:\n      > SELECT numspark_rfft(array(1.0, 2.0, 3.0, 4.0));\n" +
        "       {\"re\":[10.0,-2.0,-2.0],\"im\":[0.0,2.0,0.0]}\n",
      dataArgs = 1, maxArgs = 3, columnOptions = Set(0)) {
    override def checkTypes(types: Seq[DataType]): Option[String] =
      checkRealSignal(types, Seq(isInt, isString), "n must be an integer and norm a string")

    override def dataType(types: Seq[DataType]): DataType = ComplexType

    override def eval(values: Seq[Any], types: Seq[DataType], options: Seq[Any]): Any = {
      RowRfft.struct(name, values.head.asInstanceOf[ArrayData],
        types.head.asInstanceOf[ArrayType], int(name, "n", options(0)), string(options(1)))
    }
  }

  private object IrfftSpec extends FunctionSpec(
      "numspark_irfft",
      "numspark_irfft(X [, n [, norm]]) - the inverse of numspark_rfft: a real signal of length n " +
        "(default 2*(m-1) for m input values) from struct<re, im>, as scipy.fft.irfft.",
      "\n    Examples:\n      > SELECT numspark_irfft(numspark_rfft(array(1.0, 2.0, 3.0, 4.0)));\n" +
        "       [1.0,2.0,3.0,4.0]\n",
      dataArgs = 1, maxArgs = 3, columnOptions = Set(0)) {
    override def checkTypes(types: Seq[DataType]): Option[String] =
      if (!isComplex(types.head) && !isSignal(types.head))
        Some(s"X must be struct<re: array<double>, im: array<double>>, got ${types.head.simpleString}")
      else if (!optionTypesOk(types.drop(1), Seq(isInt, isString)))
        Some("n must be an integer and norm a string")
      else None

    override def dataType(types: Seq[DataType]): DataType = SignalType

    override def eval(values: Seq[Any], types: Seq[DataType], options: Seq[Any]): Any = {
      val x = interleaved(name, values.head, types.head)
      val n = int(name, "n", options(0))
      val out = guarded(name) {
        Fft.irfft(NdArray.complex(x, x.length / 2), n, -1, string(options(1)), 1)
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
      dataArgs = 1, maxArgs = 1) {
    override def checkTypes(types: Seq[DataType]): Option[String] =
      if (!isComplex(types.head) && !isSignal(types.head))
        Some(s"z must be struct<re, im> or array<double>, got ${types.head.simpleString}")
      else None

    override def dataType(types: Seq[DataType]): DataType = SignalType

    override def eval(values: Seq[Any], types: Seq[DataType], options: Seq[Any]): Any = {
      val z = interleaved(name, values.head, types.head)
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
      dataArgs = 1, maxArgs = 3, columnOptions = Set(0)) {
    override def checkTypes(types: Seq[DataType]): Option[String] = RfftSpec.checkTypes(types)

    override def dataType(types: Seq[DataType]): DataType = SignalType

    override def eval(values: Seq[Any], types: Seq[DataType], options: Seq[Any]): Any = {
      val (re, im) = RowRfft.parts(name, values.head.asInstanceOf[ArrayData],
        types.head.asInstanceOf[ArrayType], int(name, "n", options(0)), string(options(1)))
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
      dataArgs = 1, maxArgs = 3, columnOptions = Set(0)) {
    override def checkTypes(types: Seq[DataType]): Option[String] =
      checkRealSignal(types, Seq(isInt, isString), "type must be an integer and norm a string")

    override def dataType(types: Seq[DataType]): DataType = SignalType

    override def eval(values: Seq[Any], types: Seq[DataType], options: Seq[Any]): Any = {
      val x = signalAt(name, values, types, 0)
      val dctType: Int = Option(int(name, "type", options(0))).map(_.intValue).getOrElse(2)
      val out = guarded(name) {
        Fft.dct(NdArray.real(x, x.length), dctType, null, -1, string(options(1)), 1, null)
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
      dataArgs = 1, maxArgs = 6, minArgs = 2) {
    override def checkTypes(types: Seq[DataType]): Option[String] =
      checkRealSignal(types, Seq(isNumber, isInt, isInt, isString, isString),
        "fs must be a number, nperseg and noverlap integers, window and scaling strings")

    override def dataType(types: Seq[DataType]): DataType = WelchType

    override def eval(values: Seq[Any], types: Seq[DataType], options: Seq[Any]): Any = {
      val x = signalAt(name, values, types, 0)
      val fs = double(name, "fs", options(0))
      if (fs == null) throw new NumsparkFunctionException(name, "fs must not be NULL")
      val spectrum = guarded(name) {
        val opts = SpectralOptions.defaults().fs(fs).workers(1)
          .nperseg(int(name, "nperseg", options(1))).noverlap(int(name, "noverlap", options(2)))
        Option(string(options(3))).foreach(w => opts.window(Window.parse(w)))
        Option(string(options(4))).foreach(sc => opts.scaling(sc))
        Signal.welch(NdArray.real(x, x.length), opts)
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
      dataArgs = 2, maxArgs = 3) {
    override def checkTypes(types: Seq[DataType]): Option[String] =
      if (!isSignal(types(0)) || !isSignal(types(1)))
        Some(s"a and b must be array<double>, got ${types(0).simpleString} and ${types(1).simpleString}")
      else if (!optionTypesOk(types.drop(2), Seq(isString))) Some("mode must be a string")
      else None

    override def dataType(types: Seq[DataType]): DataType = SignalType

    override def eval(values: Seq[Any], types: Seq[DataType], options: Seq[Any]): Any = {
      val a = signalAt(name, values, types, 0, "a")
      val b = signalAt(name, values, types, 1, "b")
      val mode = Option(string(options(0))).getOrElse("full")
      val out = guarded(name) {
        Signal.fftconvolve(NdArray.real(a, a.length), NdArray.real(b, b.length), mode, null, 1)
      }
      array(out.data())
    }
  }

  def all: Seq[FunctionSpec] = Seq(new ComplexTransform("numspark_fft", inverse = false),
    new ComplexTransform("numspark_ifft", inverse = true), RfftSpec, IrfftSpec, AbsSpec,
    PowerSpectrumSpec, DctSpec, WelchSpec, FftconvolveSpec)
}
