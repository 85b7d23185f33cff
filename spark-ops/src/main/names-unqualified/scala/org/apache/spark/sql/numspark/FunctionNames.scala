package org.apache.spark.sql.numspark

import org.apache.spark.sql.catalyst.FunctionIdentifier

/** How a numspark SQL function is named in a session's function registry: Spark 3.5 to 4.1. */
object FunctionNames {
  def identifier(name: String): FunctionIdentifier = FunctionIdentifier(name)
}
