package org.apache.spark.sql.numspark

import org.apache.spark.sql.catalyst.FunctionIdentifier

/**
 * How Numspark.register names a function in a session's registry: Spark 4.2 keys it by a
 * three-part name, and session functions (temporary ones, a UDF's) live in `system.session`;
 * SQL still calls them by the bare name.
 */
object FunctionNames {
  def identifier(name: String): FunctionIdentifier =
    FunctionIdentifier(name, Some("session"), Some("system"))
}
