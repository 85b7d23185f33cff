package dev.numspark.spark

import dev.numspark.parallel.{WorkerPool, Workers}
import org.apache.spark.sql.DataFrame
import org.apache.spark.sql.catalyst.InternalRow
import org.apache.spark.sql.catalyst.expressions.{GenericInternalRow, JoinedRow}
import org.apache.spark.sql.numspark.InternalFrames
import org.apache.spark.sql.types.{DataType, StructField, StructType}

/**
 * The engine of the batch operations: a partition is read in blocks of rows as Catalyst rows
 * (primitive arrays, no boxing), each block's rows are computed by a kernel on the task's CPU
 * budget (`Workers.resolve(null)` = `spark.task.cpus` in a task) and appended as a new column.
 */
private[spark] object RowBlocks {
  val DefaultBlockRows = 256

  /**
   * `kernel` applied to every element of a block, the elements split across the calling task's
   * CPU budget (`Workers.resolve(null)`); results in the block's order.
   */
  def computeBlock[T](block: Seq[T])(kernel: T => Any): Array[Any] = {
    val out = new Array[Any](block.size)
    val items = block.toIndexedSeq
    WorkerPool.parallelFor(Workers.resolve(null), items.size, 1, (from: Int, to: Int) => {
      var i = from
      while (i < to) {
        out(i) = kernel(items(i))
        i += 1
      }
    })
    out
  }

  /** An RDD's elements mapped by `kernel` in blocks, each block on the task's CPU budget. */
  def mapBlocks[T, R: scala.reflect.ClassTag](rdd: org.apache.spark.rdd.RDD[T],
      blockRows: Int = DefaultBlockRows)(kernel: T => R): org.apache.spark.rdd.RDD[R] =
    rdd.mapPartitions { partition =>
      partition.grouped(blockRows).flatMap(block => computeBlock(block)(kernel).iterator)
        .map(_.asInstanceOf[R])
    }

  /** Checks the input column and that the output column is new; returns the input's index. */
  def inputIndex(df: DataFrame, op: String, inputCol: String, outputCol: String,
      accepts: DataType => Boolean, expected: String): Int = {
    val schema = df.schema
    if (!schema.fieldNames.contains(inputCol)) {
      throw new IllegalArgumentException(s"$op: no column '$inputCol' (columns: " +
        schema.fieldNames.mkString(", ") + ")")
    }
    if (schema.fieldNames.contains(outputCol)) {
      throw new IllegalArgumentException(s"$op: output column '$outputCol' already exists")
    }
    val field = schema(inputCol)
    if (!accepts(field.dataType)) {
      throw new IllegalArgumentException(
        s"$op: column '$inputCol' must be $expected, got ${field.dataType.simpleString}")
    }
    schema.fieldIndex(inputCol)
  }

  /**
   * Appends `outputCol` = the SQL function `name` applied to `inputCols` with constant `options`
   * (NULL for "not given"), computed in blocks of rows on the task's CPU budget; results equal the
   * SQL function's and the local kernel's. Errors name the operation.
   */
  def applyFunction(df: DataFrame, op: String, name: String, inputCols: Seq[String],
      outputCol: String, options: Seq[Any]): DataFrame = {
    val spec = NumsparkFunctions.spec(name)
    val schema = df.schema
    inputCols.foreach { c =>
      if (!schema.fieldNames.contains(c)) {
        throw new IllegalArgumentException(s"$op: no column '$c' (columns: " +
          schema.fieldNames.mkString(", ") + ")")
      }
    }
    if (schema.fieldNames.contains(outputCol)) {
      throw new IllegalArgumentException(s"$op: output column '$outputCol' already exists")
    }
    val types = inputCols.map(schema(_).dataType).toIndexedSeq
    spec.checkTypes(types).foreach { message =>
      throw new IllegalArgumentException(s"$op: $message")
    }
    val optionValues = try OptionValues(spec, options.map(toCatalyst)) catch {
      case e: NumsparkFunctionException => throw new IllegalArgumentException(s"$op: ${e.problem}")
    }
    appendColumn(df, outputCol, spec.dataType(types), inputCols.map(schema.fieldIndex)) { values =>
      spec.eval(values.asInstanceOf[Array[AnyRef]], types, optionValues)
    }
  }

  private def toCatalyst(v: Any): Any = v match {
    case s: String => org.apache.spark.unsafe.types.UTF8String.fromString(s)
    case i: java.lang.Integer => i.intValue
    case d: java.lang.Double => d.doubleValue
    case other => other
  }

  /**
   * Appends `outputCol` computed from the values at `inputIndexes` (NULL when any is NULL) by
   * `kernel`, which receives the row's values and returns the Catalyst value of the new column.
   */
  def appendColumn(df: DataFrame, outputCol: String, outputType: DataType,
      inputIndexes: Seq[Int], blockRows: Int = DefaultBlockRows)
      (kernel: Array[Any] => Any): DataFrame = {
    val inputTypes = inputIndexes.map(df.schema(_).dataType)
    val indexes = inputIndexes.toArray
    val rows = InternalFrames.rows(df).mapPartitions { partition =>
      partition.map(_.copy()).grouped(blockRows).flatMap { block =>
        val out = computeBlock(block) { row =>
          if (indexes.exists(row.isNullAt)) null
          else kernel(indexes.zip(inputTypes).map { case (j, t) => row.get(j, t) })
        }
        block.indices.iterator.map(i =>
          new JoinedRow(block(i), new GenericInternalRow(Array[Any](out(i)))): InternalRow)
      }
    }
    val schema = StructType(df.schema.fields :+ StructField(outputCol, outputType, nullable = true))
    InternalFrames.frame(df.sparkSession, rows, schema)
  }
}
