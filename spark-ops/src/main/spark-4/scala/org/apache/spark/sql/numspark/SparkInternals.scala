package org.apache.spark.sql.numspark

import org.apache.spark.sql.Column
import org.apache.spark.sql.catalyst.expressions.{Expression, ImplicitCastInputTypes}
import org.apache.spark.sql.classic.ExpressionUtils
import org.apache.spark.sql.internal.types.StringTypeWithCollation
import org.apache.spark.sql.types.{AbstractDataType, AnyDataType, DoubleType, IntegralType}

/**
 * The Spark internals (`private[sql]`) that numspark's SQL functions use, in one place so that
 * each Spark line has its own copy of this file (this one: Spark 4): the abstract input types of Spark's
 * type coercion, and the conversion between a Catalyst expression and a `Column`.
 */
object SparkInternals {

  /** Accepts any type and never casts: the argument's type is checked by numspark itself. */
  val anyType: DeclaredType = new DeclaredType(AnyDataType)

  /** Byte, short, int or long as given (a long is range-checked by numspark, not wrapped). */
  val integralType: DeclaredType = new DeclaredType(IntegralType)

  val doubleType: DeclaredType = new DeclaredType(DoubleType)

  /** A string of any collation (as Spark's own string functions declare). */
  val stringType: DeclaredType = new DeclaredType(
    StringTypeWithCollation(supportsTrimCollation = true))

  /** A `Column` of a Catalyst expression, as Spark 4's classic API makes one. */
  def column(e: Expression): Column = ExpressionUtils.column(e)

  /** The Catalyst expression of a `Column` (e.g. `col(name)`, `lit(v)`). */
  def expression(c: Column): Expression = ExpressionUtils.expression(c)
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
