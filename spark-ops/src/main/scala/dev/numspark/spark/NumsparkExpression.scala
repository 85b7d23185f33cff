package dev.numspark.spark

import org.apache.spark.sql.catalyst.InternalRow
import org.apache.spark.sql.catalyst.analysis.TypeCheckResult
import org.apache.spark.sql.catalyst.expressions.Expression
import org.apache.spark.sql.catalyst.expressions.codegen.{CodeGenerator, CodegenContext, ExprCode}
import org.apache.spark.sql.catalyst.expressions.codegen.Block._
import org.apache.spark.sql.numspark.{DeclaredInputTypes, DeclaredType, SparkInternals}
import org.apache.spark.sql.types.{DataType, NullType}

/**
 * A numspark SQL function call: a native Catalyst expression that reads Catalyst arrays as
 * primitive `double[]` and writes `UnsafeArrayData` (no boxing per sample). NULL in gives NULL
 * out; options must be constants, except those a spec lets vary by row (e.g. n). Options are
 * declared with their types as in Spark's own functions (`ImplicitCastInputTypes`), so Spark
 * casts e.g. an integer fs to double.
 *
 * It generates code (rather than being a `CodegenFallback`) so that a query stays in one
 * whole-stage-codegen stage: with a fallback expression Spark ends the stage before the
 * projection, so every input row is first copied into an `UnsafeRow` and every result is copied
 * again into the projection's row, two copies of each signal-sized value per row. The generated
 * code only evaluates the children and calls [[evalArgs]], as [[eval]] does.
 */
case class NumsparkExpression(spec: FunctionSpec, children: Seq[Expression])
  extends Expression with DeclaredInputTypes {

  override def prettyName: String = spec.name
  override def nullable: Boolean = true
  override def foldable: Boolean = children.forall(_.foldable)
  override def dataType: DataType = spec.dataType(children.map(_.dataType))

  private def optionChildren: Seq[Expression] = children.drop(spec.dataArgs)

  /**
   * What Spark's implicit casts convert each argument to: options to their kind's type (e.g. an
   * integer fs to double); data columns never (numspark reads any numeric array as it is).
   */
  override def declaredInputTypes: Seq[DeclaredType] = children.indices.map { i =>
    val o = i - spec.dataArgs
    if (o < 0 || o >= spec.options.length) SparkInternals.anyType
    else spec.options(o).kind.inputType(children(i).dataType)
  }

  /**
   * Arity, constant options, the data columns' and options' types, then the values of the
   * constant options as the kernel checks them: a failure is an `AnalysisException` naming the
   * function, raised when the query is analyzed (before any job runs).
   */
  override def checkInputDataTypes(): TypeCheckResult = {
    val failure =
      if (children.length < spec.requiredArgs || children.length > spec.maxArgs) {
        Some(s"${spec.name} takes ${arity}; got ${children.length} argument(s). Usage: ${spec.usage}")
      } else if (optionChildren.zipWithIndex.exists { case (o, i) =>
          !o.foldable && !spec.options(i).column }) {
        Some(s"${spec.name}: option arguments (after the first ${spec.dataArgs}) must be constants")
      } else {
        spec.checkTypes(children.take(spec.dataArgs).map(_.dataType))
          .orElse(optionTypeError).orElse(optionValueError).map(m => s"${spec.name}: $m")
      }
    failure.map(TypeCheckResult.TypeCheckFailure).getOrElse(TypeCheckResult.TypeCheckSuccess)
  }

  private def optionTypeError: Option[String] =
    optionChildren.zip(spec.options).collectFirst {
      case (c, o) if c.dataType != NullType && !o.kind.accepts(c.dataType) =>
        s"${o.name} must be ${o.describe}, got ${c.dataType.simpleString}"
    }

  /** The kernel's words for a constant option that no row can take. */
  private def optionValueError: Option[String] = {
    val constants = optionChildren.map(c => if (c.foldable) c.eval(null) else null)
    try {
      spec.checkOptions(OptionValues(spec, constants))
      None
    } catch {
      case e: NumsparkFunctionException => Some(e.problem)
      case e: IllegalArgumentException => Some(e.getMessage)
    }
  }

  private def arity: String =
    if (spec.requiredArgs == spec.maxArgs) s"${spec.maxArgs} argument(s)"
    else s"${spec.requiredArgs} to ${spec.maxArgs} arguments"

  @transient private lazy val constantOptions: Boolean = optionChildren.forall(_.foldable)

  /** The constant options, converted once (not per row). */
  @transient private lazy val optionValues: OptionValues =
    OptionValues(spec, optionChildren.map(_.eval(null)))

  @transient private lazy val types: IndexedSeq[DataType] = children.map(_.dataType).toIndexedSeq

  /**
   * The children whose values [[evalArgs]] takes: the data columns, then the options unless all
   * are constants ([[optionValues]] then).
   */
  @transient private lazy val passedChildren: IndexedSeq[Expression] =
    (if (constantOptions) children.take(spec.dataArgs) else children).toIndexedSeq

  override def eval(input: InternalRow): Any = {
    val args = new Array[AnyRef](passedChildren.length)
    var i = 0
    while (i < args.length) {
      val v = passedChildren(i).eval(input).asInstanceOf[AnyRef]
      if (v == null && i < spec.dataArgs) return null
      args(i) = v
      i += 1
    }
    evalArgs(args)
  }

  /**
   * The result from the values of [[passedChildren]]: NULL if a data column is NULL. What both
   * [[eval]] and the generated code (once per row) call.
   */
  def evalArgs(args: Array[AnyRef]): Any = {
    var i = 0
    while (i < spec.dataArgs) {
      if (args(i) == null) return null
      i += 1
    }
    val opts =
      if (constantOptions) optionValues
      else OptionValues(spec, args.toIndexedSeq.drop(spec.dataArgs))
    spec.eval(args, types, opts)
  }

  override protected def doGenCode(ctx: CodegenContext, ev: ExprCode): ExprCode = {
    val self = ctx.addReferenceObj("numsparkFunction", this, classOf[NumsparkExpression].getName)
    val passed = passedChildren
    val args = ctx.freshName("args")
    val result = ctx.freshName("result")
    val fill = passed.zipWithIndex.map { case (child, i) =>
      val c = child.genCode(ctx)
      s"""${c.code}
         |$args[$i] = ${c.isNull} ? null : (Object) ${c.value};""".stripMargin
    }.mkString("\n")
    val javaType = CodeGenerator.javaType(dataType)
    val boxedType = CodeGenerator.boxedType(dataType)
    ev.copy(code = code"""
      |Object[] $args = new Object[${passed.length}];
      |$fill
      |Object $result = $self.evalArgs($args);
      |boolean ${ev.isNull} = $result == null;
      |$javaType ${ev.value} = ${CodeGenerator.defaultValue(dataType)};
      |if (!${ev.isNull}) {
      |  ${ev.value} = ($boxedType) $result;
      |}""".stripMargin)
  }

  override protected def withNewChildrenInternal(
      newChildren: IndexedSeq[Expression]): Expression = copy(children = newChildren)
}
