package org.apache.spark.sql.numspark

import org.apache.spark.sql.Column
import org.apache.spark.sql.catalyst.expressions.{Expression, ImplicitCastInputTypes}
import org.apache.spark.sql.types.{AbstractDataType, AnyDataType, DoubleType, IntegralType, StringType}

/**
 * The Spark internals (`private[sql]`) that numspark's SQL functions use, in one place so that
 * each Spark line has its own copy of this file (this one: Spark 3.5): the abstract input types of Spark's
 * type coercion, and the conversion between a Catalyst expression and a `Column`.
 */
object SparkInternals {

  /** Accepts any type and never casts: the argument's type is checked by numspark itself. */
  val anyType: DeclaredType = new DeclaredType(AnyDataType)

  /** Byte, short, int or long as given (a long is range-checked by numspark, not wrapped). */
  val integralType: DeclaredType = new DeclaredType(IntegralType)

  val doubleType: DeclaredType = new DeclaredType(DoubleType)

  /** A string (Spark 3.5 has no collations). */
  val stringType: DeclaredType = new DeclaredType(StringType)

  /** A `Column` of a Catalyst expression (Spark 3.5: a Column wraps its expression). */
  def column(e: Expression): Column = new Column(e)

  /** The Catalyst expression of a `Column` (e.g. `col(name)`, `lit(v)`). */
  def expression(c: Column): Expression = c.expr
}

/** An argument type as Spark's type coercion takes it (`AbstractDataType` is `private[sql]`). */
final class DeclaredType private[numspark] (private[sql] val abstractType: AbstractDataType)
  extends Serializable

/**
 * Spark's `ImplicitCastInputTypes` for an expression outside Spark's packages: the analyzer casts
 * each argument to its declared type where Spark's coercion rules allow.
 */
trait DeclaredInputTypes extends ImplicitCastInputTypes {
  def declaredInputTypes: Seq[DeclaredType]

  override def inputTypes: Seq[AbstractDataType] = declaredInputTypes.map(_.abstractType)
}
