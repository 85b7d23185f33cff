package dev.numspark.spark

import dev.numspark.parallel.{LibraryInfo, NativeOpenBlas}
import org.opentest4j.TestAbortedException
import org.scalatest.Assertions

/**
 * [[NativeOpenBlas]] for ScalaTest: without native OpenBLAS a test that needs it is cancelled
 * (one notice for the run), or fails with `-Dnumspark.requireNative=true` (set by `.ci/run`).
 */
object NativeRequired {
  def openblas(): LibraryInfo =
    try NativeOpenBlas.require()
    catch { case e: TestAbortedException => Assertions.cancel(e.getMessage) }
}
