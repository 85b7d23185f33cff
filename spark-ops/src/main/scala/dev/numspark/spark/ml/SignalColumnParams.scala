package dev.numspark.spark.ml

import dev.numspark.spark.ArgTypes
import org.apache.spark.ml.attribute.AttributeGroup
import org.apache.spark.ml.linalg.SQLDataTypes
import org.apache.spark.ml.param.{Param, Params}
import org.apache.spark.sql.types.{StructField, StructType}

/**
 * The input and output columns of numspark's signal transformers and their schema checks. (Spark's
 * own HasInputCol / HasOutputCol are private to Spark, so the two params are declared here, with
 * the same names and the same default output column, `uid + "__output"`.)
 */
private[ml] trait SignalColumnParams extends Params {

  final val inputCol: Param[String] = new Param[String](this, "inputCol",
    "the signal column: array<double> (any numeric element type) or an ML Vector")

  final val outputCol: Param[String] = new Param[String](this, "outputCol",
    "the column to add: the features as an ML Vector")

  setDefault(outputCol -> (uid + "__output"))

  final def getInputCol: String = $(inputCol)

  final def getOutputCol: String = $(outputCol)

  /** How error messages name this stage, e.g. `FFTTransformer numsparkFFT_1a2b3c`. */
  protected final def stageName: String = s"${getClass.getSimpleName} $uid"

  /**
   * The schema plus the output vector column (with its size in the ML attribute metadata when the
   * params fix it). Fails with an IllegalArgumentException naming the stage and the column when
   * inputCol is unset or missing, has the wrong type, or the output column exists already.
   */
  protected final def withOutputColumn(schema: StructType, size: Option[Int]): StructType = {
    if (!isDefined(inputCol)) {
      throw new IllegalArgumentException(s"$stageName: inputCol is not set; call setInputCol")
    }
    val in = $(inputCol)
    val out = $(outputCol)
    val field = schema.fields.find(_.name == in).getOrElse(throw new IllegalArgumentException(
      s"$stageName: input column '$in' does not exist; the columns are " +
        schema.fieldNames.mkString("[", ", ", "]")))
    if (!ArgTypes.isSignal(field.dataType) && !ArgTypes.isVector(field.dataType)) {
      throw new IllegalArgumentException(s"$stageName: input column '$in' must be " +
        s"array<double> (any numeric element type) or an ML Vector, but is " +
        field.dataType.simpleString)
    }
    if (schema.fieldNames.contains(out)) {
      throw new IllegalArgumentException(s"$stageName: output column '$out' already exists")
    }
    val outField = size match {
      case Some(n) => new AttributeGroup(out, n).toStructField()
      case None => StructField(out, SQLDataTypes.VectorType, nullable = true)
    }
    StructType(schema.fields :+ outField.copy(nullable = true))
  }
}
