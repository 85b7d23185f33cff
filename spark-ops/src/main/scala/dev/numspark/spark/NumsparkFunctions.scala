package dev.numspark.spark

import org.apache.spark.sql.SparkSession
import org.apache.spark.sql.catalyst.FunctionIdentifier
import org.apache.spark.sql.catalyst.expressions.{Expression, ExpressionInfo}
import org.apache.spark.sql.numspark.FunctionNames

/** Every numspark SQL function, and the two ways to register them. */
object NumsparkFunctions {
  type Builder = Seq[Expression] => Expression

  /** The specs of all functions, by concern (singletons, built once). */
  val specs: Seq[FunctionSpec] = SignalFunctions.all ++ LinalgFunctions.all ++
    ComplexLinalgFunctions.all ++ ml.MlFunctions.all

  private lazy val byName: Map[String, FunctionSpec] = specs.map(s => s.name -> s).toMap

  /** The spec of one function, by its SQL name. */
  def spec(name: String): FunctionSpec = byName.getOrElse(name,
    throw new IllegalArgumentException(s"no numspark function $name"))

  def entries: Seq[(FunctionIdentifier, ExpressionInfo, Builder)] = specs.map { spec =>
    (FunctionIdentifier(spec.name), spec.info, (args: Seq[Expression]) => NumsparkExpression(spec, args))
  }

  /**
   * Registers the functions in a session's function registry (temporary, like a UDF), under the
   * name the running line's registry keys them by (the extension's injected names are bare:
   * Spark qualifies those itself).
   */
  def register(spark: SparkSession): Unit = entries.foreach { case (id, info, builder) =>
    spark.sessionState.functionRegistry.registerFunction(
      FunctionNames.identifier(id.funcName), info, builder)
  }
}

/**
 * `--conf spark.sql.extensions=dev.numspark.spark.NumsparkExtensions`: every session gets the
 * numspark SQL functions, so PySpark, SQL and notebook users need only the jar and this setting.
 */
class NumsparkExtensions extends (org.apache.spark.sql.SparkSessionExtensions => Unit) {
  override def apply(extensions: org.apache.spark.sql.SparkSessionExtensions): Unit = {
    SparkLine.check() // first: a jar for another Spark line fails here with one clear message
    NumsparkFunctions.entries.foreach(extensions.injectFunction)
  }
}
