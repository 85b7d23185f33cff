package dev.numspark.spark

import org.apache.spark.sql.catalyst.InternalRow
import org.apache.spark.sql.catalyst.analysis.TypeCheckResult
import org.apache.spark.sql.catalyst.expressions.{Expression, ExpressionInfo}
import org.apache.spark.sql.catalyst.expressions.codegen.{CodeGenerator, CodegenContext, ExprCode}
import org.apache.spark.sql.catalyst.expressions.codegen.Block._
import org.apache.spark.sql.types.DataType

/**
 * What one numspark SQL function is: its name and documentation, how many arguments it takes
 * (the first `dataArgs` are columns, the rest constant options), its type checks and result type,
 * and the kernel call. One [[NumsparkExpression]] class serves every function.
 */
abstract class FunctionSpec(
    val name: String,
    val usage: String,
    val examples: String,
    val dataArgs: Int,
    val maxArgs: Int,
    val minArgs: Int = -1,
    val columnOptions: Set[Int] = Set.empty) extends Serializable {

  /** The fewest arguments a call may give (the data columns plus any required option). */
  final def requiredArgs: Int = if (minArgs < 0) dataArgs else minArgs

  /** An error message when the argument types do not fit, else None. */
  def checkTypes(types: Seq[DataType]): Option[String]

  def dataType(types: Seq[DataType]): DataType

  /** Computes the result from non-NULL column values and the options (NULL where not given). */
  def eval(values: Seq[Any], types: Seq[DataType], options: Seq[Any]): Any

  final def info: ExpressionInfo = new ExpressionInfo(classOf[NumsparkExpression].getName, null,
    name, usage, "", examples, "", "math_funcs", "0.1.0", "", "scala_udf")
}

/**
 * A numspark SQL function call: a native Catalyst expression that reads Catalyst arrays as
 * primitive `double[]` and writes `UnsafeArrayData` (no boxing per sample). NULL in gives NULL
 * out; options must be constants, except those a spec lets vary by row (`columnOptions`, e.g. n).
 *
 * It generates code (rather than being a `CodegenFallback`) so that a query stays in one
 * whole-stage-codegen stage: with a fallback expression Spark ends the stage before the
 * projection, so every input row is first copied into an `UnsafeRow` and every result is copied
 * again into the projection's row, two copies of each signal-sized value per row. The generated
 * code only evaluates the children and calls [[evalArgs]], as [[eval]] does.
 */
case class NumsparkExpression(spec: FunctionSpec, children: Seq[Expression])
  extends Expression {

  override def prettyName: String = spec.name
  override def nullable: Boolean = true
  override def foldable: Boolean = children.forall(_.foldable)
  override def dataType: DataType = spec.dataType(children.map(_.dataType))

  override def checkInputDataTypes(): TypeCheckResult = {
    val options = children.drop(spec.dataArgs)
    if (children.length < spec.requiredArgs || children.length > spec.maxArgs) {
      TypeCheckResult.TypeCheckFailure(s"${spec.name} takes ${arity}; got ${children.length} " +
        s"argument(s). Usage: ${spec.usage}")
    } else if (options.zipWithIndex.exists { case (o, i) => !o.foldable && !spec.columnOptions(i) }) {
      TypeCheckResult.TypeCheckFailure(
        s"${spec.name}: option arguments (after the first ${spec.dataArgs}) must be constants")
    } else {
      spec.checkTypes(children.map(_.dataType)) match {
        case Some(message) => TypeCheckResult.TypeCheckFailure(s"${spec.name}: $message")
        case None => TypeCheckResult.TypeCheckSuccess
      }
    }
  }

  private def arity: String =
    if (spec.requiredArgs == spec.maxArgs) s"${spec.maxArgs} argument(s)"
    else s"${spec.requiredArgs} to ${spec.maxArgs} arguments"

  @transient private lazy val constantOptions: Boolean = children.drop(spec.dataArgs).forall(_.foldable)

  /** The options as given, then NULL for each one not given. */
  private def padded(given: Seq[Any]): Seq[Any] =
    given ++ Seq.fill(spec.maxArgs - spec.dataArgs - given.length)(null)

  @transient private lazy val optionValues: Seq[Any] =
    padded(children.drop(spec.dataArgs).map(_.eval(null)))

  @transient private lazy val types: Seq[DataType] = children.map(_.dataType)

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
    val opts = if (constantOptions) optionValues else padded(args.toSeq.drop(spec.dataArgs))
    spec.eval(args.toSeq.take(spec.dataArgs), types, opts)
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
