package dev.numspark.spark

import org.apache.spark.ml.linalg.{Matrix, Vector}
import org.apache.spark.sql.numspark.{DeclaredType, SparkInternals}
import org.apache.spark.sql.types._

/**
 * The argument types of numspark's SQL functions and ML stages: one set of predicates for both,
 * so that a column a stage accepts is one its function accepts.
 */
object ArgTypes {

  /** A real signal: an array of any numeric type (read as `double[]`). */
  def isSignal(t: DataType): Boolean = t match {
    case ArrayType(_: NumericType, _) => true
    case _ => false
  }

  /** A complex array: `struct<re, im>` of two signals. */
  def isComplex(t: DataType): Boolean = t match {
    case s: StructType =>
      s.fields.length == 2 && s.fields(0).name == "re" && s.fields(1).name == "im" &&
        s.fields.forall(f => isSignal(f.dataType))
    case _ => false
  }

  /** A Spark ML `Vector` column. */
  def isVector(t: DataType): Boolean = isUdtOf(t, classOf[Vector])

  /** A Spark ML `Matrix` column. */
  def isMatrix(t: DataType): Boolean = isUdtOf(t, classOf[Matrix])

  private def isUdtOf(t: DataType, c: Class[_]): Boolean = t match {
    case u: UserDefinedType[_] => u.userClass == c
    case _ => false
  }

  def isIntegral(t: DataType): Boolean = t match {
    case ByteType | ShortType | IntegerType | LongType => true
    case _ => false
  }

  def isNumber(t: DataType): Boolean = t.isInstanceOf[NumericType]

  def isString(t: DataType): Boolean = t.isInstanceOf[StringType]

  /**
   * The kind of an option argument: the types it takes and the type it is declared as, which
   * Spark's implicit casts convert it to (Spark's `ImplicitCastInputTypes`).
   */
  sealed abstract class OptionKind(val accepts: DataType => Boolean)
      extends Serializable { // shipped with the expressions (Scala 2.12 needs it said)
    /**
     * The type Spark casts the argument to. A method, not a field: Spark 3.5's abstract types
     * (e.g. `IntegralType`) are not serializable, and the kind travels with the expression.
     */
    protected def declared: DeclaredType

    /**
     * What to declare for an argument of type t: the kind's type when t fits it (or is NULL),
     * else a type that casts nothing, so that e.g. a string fs is reported in numspark's words
     * instead of being cast to double (Spark's ANSI coercion would cast it).
     */
    final def inputType(t: DataType): DeclaredType =
      if (t == NullType || accepts(t)) declared else SparkInternals.anyType
  }

  /** An integer (byte to long; a fractional value is refused, not truncated). */
  case object IntOption extends OptionKind(isIntegral) {
    override protected def declared: DeclaredType = SparkInternals.integralType
  }

  /** A float: any number, cast to double as SciPy accepts `fs=250`. */
  case object DoubleOption extends OptionKind(isNumber) {
    override protected def declared: DeclaredType = SparkInternals.doubleType
  }

  case object StringOption extends OptionKind(isString) {
    override protected def declared: DeclaredType = SparkInternals.stringType
  }
}
