package dev.numspark.spark

/** The linear algebra SQL functions on Spark ML's Matrix and Vector columns. */
object LinalgFunctions {
  def all: Seq[FunctionSpec] = Seq.empty
}
