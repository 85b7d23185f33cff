package org.apache.spark.sql.numspark

import org.apache.spark.sql.catalyst.FunctionIdentifier

/** How Numspark.register names a function in a session's registry: Spark 3.5 to 4.1. */
object FunctionNames {
  def identifier(name: String): FunctionIdentifier = FunctionIdentifier(name)
}
