package dev.numspark.spark.ml

import java.util.ServiceLoader

import org.apache.spark.ml.Transformer
import org.scalatest.funsuite.AnyFunSuite

/**
 * A Spark Connect server finds the third-party stages a client names among the
 * `org.apache.spark.ml.Transformer` services of its class path, and makes them with the
 * `(uid: String)` constructor: both numspark stages must be listed and have one.
 */
class ConnectRegistrationSuite extends AnyFunSuite {

  test("both stages are registered Transformer services with a uid constructor") {
    val registered = ServiceLoader.load(classOf[Transformer]).stream().toArray
      .map(_.asInstanceOf[ServiceLoader.Provider[Transformer]].`type`())
    for (stage <- Seq(classOf[FFTTransformer], classOf[WelchTransformer])) {
      assert(registered.contains(stage), s"${stage.getName} is not a registered Transformer")
      val made = stage.getConstructor(classOf[String]).newInstance("fromConnect")
      assert(made.uid == "fromConnect")
    }
  }
}
