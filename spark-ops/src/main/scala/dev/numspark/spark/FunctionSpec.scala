package dev.numspark.spark

import dev.numspark.spark.ArgTypes.{DoubleOption, IntOption, OptionKind, StringOption}
import org.apache.spark.sql.catalyst.expressions.ExpressionInfo
import org.apache.spark.sql.catalyst.util.ArrayData
import org.apache.spark.sql.types.{ArrayType, DataType, Decimal}
import org.apache.spark.unsafe.types.UTF8String

/** An option argument of a SQL function: its SciPy name, its kind, and whether it may vary by row. */
final case class OptionArg(name: String, kind: OptionKind, column: Boolean = false) {
  def describe: String = kind match {
    case IntOption => "an integer"
    case DoubleOption => "a number"
    case StringOption => "a string"
  }
}

/**
 * What one numspark SQL function is: its name and documentation, its arguments (the first
 * `dataArgs` are columns, then the options), its type checks and result type, and the kernel
 * call. Specs are singletons; one [[NumsparkExpression]] class serves every function.
 */
abstract class FunctionSpec(
    val name: String,
    val usage: String,
    val examples: String,
    val dataArgs: Int,
    val options: IndexedSeq[OptionArg] = IndexedSeq.empty,
    val minArgs: Int = -1) extends Serializable {

  final def maxArgs: Int = dataArgs + options.length

  /** The fewest arguments a call may give (the data columns plus any required option). */
  final def requiredArgs: Int = if (minArgs < 0) dataArgs else minArgs

  /** An error message when the data columns' types do not fit, else None. */
  def checkTypes(dataTypes: Seq[DataType]): Option[String]

  /**
   * Throws the kernel's `IllegalArgumentException` when an option value fails every row: called
   * at analysis with the constant options (NULL for those that vary by row), so that SciPy's
   * words fail the query before any task runs. Errors that depend on a row stay run-time errors.
   */
  def checkOptions(o: OptionValues): Unit = ()

  def dataType(types: Seq[DataType]): DataType

  /** The result for non-NULL data values (`data(0 until dataArgs)`) and the options. */
  def eval(data: Array[AnyRef], types: IndexedSeq[DataType], o: OptionValues): Any

  /** The real signal at data argument i as `double[]`. */
  protected final def signalAt(data: Array[AnyRef], types: IndexedSeq[DataType], i: Int,
      what: String = "the signal"): Array[Double] =
    ComplexArrays.doubles(name, what, data(i).asInstanceOf[ArrayData],
      types(i).asInstanceOf[ArrayType])

  final def info: ExpressionInfo = new ExpressionInfo(classOf[NumsparkExpression].getName, null,
    name, usage, "", examples, "", "math_funcs", "0.1.0", "", "scala_udf")
}

/**
 * A call's option values converted to their kinds once (`Integer`, `java.lang.Double`, `String`;
 * NULL where not given): for constant options once per query, not per row.
 */
final class OptionValues private (values: Array[AnyRef]) extends Serializable {
  def int(i: Int): Integer = values(i).asInstanceOf[Integer]
  def double(i: Int): java.lang.Double = values(i).asInstanceOf[java.lang.Double]
  def string(i: Int): String = values(i).asInstanceOf[String]
}

object OptionValues {

  /** The options of `spec` from Catalyst values (fewer than declared: the rest are NULL). */
  def apply(spec: FunctionSpec, given: Seq[Any]): OptionValues =
    new OptionValues(spec.options.indices.map { i =>
      val v = if (i < given.length) given(i) else null
      val o = spec.options(i)
      o.kind match {
        case IntOption => int(spec.name, o.name, v)
        case DoubleOption => double(spec.name, o.name, v)
        case StringOption => string(v)
      }
    }.toArray[AnyRef])

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
    case s: Short => s.toDouble
    case b: Byte => b.toDouble
    case d: Decimal => d.toDouble
    case other => throw new NumsparkFunctionException(fn, s"$what must be a number, got $other")
  }
}
