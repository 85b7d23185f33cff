package dev.numspark.spark

import dev.numspark.array.NdArray
import dev.numspark.linalg.Linalg
import org.apache.spark.sql.{DataFrame, Row}
import org.apache.spark.sql.functions._
import org.apache.spark.sql.types._
import org.scalatest.funsuite.AnyFunSuite

import scala.jdk.CollectionConverters._

/**
 * Per-group covariance and its eigendecomposition from complex snapshots, and the per-row complex
 * batch operations, against direct computation and the local kernel.
 */
class ComplexLinalgOpsSuite extends AnyFunSuite with LocalSpark {
  import ComplexLinalgFunctionsSuite._

  override def beforeAll(): Unit = {
    super.beforeAll()
    Numspark.register(spark)
  }

  private val sensors = 4

  /** A unit-modulus steering vector of a uniform linear array at half-wavelength spacing. */
  private def steering(theta: Double): Array[Double] =
    (0 until sensors).flatMap { k =>
      val phase = math.Pi * k * math.sin(theta)
      Seq(math.cos(phase), math.sin(phase))
    }.toArray

  /**
   * Snapshots (bin, x) of one source per bin at angle 0.3 * bin plus weak noise; bin 3 has only
   * NULL snapshots; one NULL snapshot in bin 1. Spread over 3 partitions.
   */
  private def snapshots(): (DataFrame, Map[Int, Seq[Array[Double]]]) = {
    val rnd = new scala.util.Random(7)
    val data = for (bin <- 0 until 3; t <- 0 until 40 + 10 * bin) yield {
      val a = steering(0.3 * bin)
      val (sr, si) = (rnd.nextGaussian(), rnd.nextGaussian())
      val x = Array.tabulate(2 * sensors) { k =>
        val (ar, ai) = (a(k - k % 2), a(k - k % 2 + 1))
        (if (k % 2 == 0) sr * ar - si * ai else sr * ai + si * ar) + 0.01 * rnd.nextGaussian()
      }
      bin -> x
    }
    val rows = data.map { case (bin, x) => Row(bin, complexValue(x)) } ++
      Seq(Row(1, null), Row(3, null), Row(3, null))
    val df = spark.createDataFrame(rows.asJava, StructType(Seq(StructField("bin", IntegerType),
      StructField("x", ComplexArrays.ComplexType)))).repartition(3)
    (df, data.groupBy(_._1).map { case (bin, xs) => bin -> xs.map(_._2) })
  }

  /** (1/N) Σ x xᴴ, written out as its definition. */
  private def covarianceOf(xs: Seq[Array[Double]]): Array[Double] = {
    val r = new Array[Double](2 * sensors * sensors)
    for (x <- xs; i <- 0 until sensors; j <- 0 until sensors) {
      r(2 * (i * sensors + j)) += (x(2 * i) * x(2 * j) + x(2 * i + 1) * x(2 * j + 1)) / xs.size
      r(2 * (i * sensors + j) + 1) += (x(2 * i + 1) * x(2 * j) - x(2 * i) * x(2 * j + 1)) / xs.size
    }
    r
  }

  test("covariance is (1/N) sum x x^H per group over non-NULL snapshots; NULL without any") {
    val (df, byBin) = snapshots()
    val out = ComplexLinalgOps.covariance(df, Seq("bin"), "x", "R")
    assert(out.schema.fieldNames.toSeq == Seq("bin", "R"))
    val rows = out.collect().map(r => r.getInt(0) -> r).toMap
    assert(rows.keySet == Set(0, 1, 2, 3))
    assert(rows(3).isNullAt(1))
    for (bin <- 0 until 3) {
      assertClose(interleavedOf(rows(bin).getStruct(1)), covarianceOf(byBin(bin)), 1e-13)
    }
    // no group columns: one covariance of every snapshot
    val all = ComplexLinalgOps.covariance(df, Seq.empty, "x", "R").collect()
    assert(all.length == 1)
    assertClose(interleavedOf(all.head.getStruct(0)), covarianceOf(byBin.values.flatten.toSeq),
      1e-13)
  }

  test("covarianceEigh is eigh of the covariance; the top eigenvector is the source's direction") {
    NativeRequired.openblas()
    val (df, _) = snapshots()
    val covariances = ComplexLinalgOps.covariance(df, Seq("bin"), "x", "R")
      .collect().map(r => r.getInt(0) -> r).toMap
    val out = ComplexLinalgOps.covarianceEigh(df, Seq("bin"), "x", "eig")
    assert(out.schema.fieldNames.toSeq == Seq("bin", "eig"))
    out.collect().foreach { r =>
      val bin = r.getInt(0)
      if (bin == 3) assert(r.isNullAt(1))
      else {
        val e = r.getStruct(1)
        val w = e.getSeq[Double](0).toArray
        val v = interleavedOf(e.getStruct(1))
        val rMatrix = interleavedOf(covariances(bin).getStruct(1))
        val expected = Linalg.eigh(NdArray.complex(rMatrix, sensors, sensors), true, false, null,
          true, 1)
        // the covariance sums in shuffle order, so its last bits may differ between the runs
        assertClose(w, expected.w().data(), 1e-12)
        assert(w.sorted.sameElements(w))
        // one source: one large eigenvalue (its power, about 2 * sensors), M - 1 noise ones
        assert(w.last > 4 && w.init.forall(_ < 1e-2), w.mkString(", "))
        // |a^H v_max| / |a| = 1: the signal subspace is the steering vector
        val a = steering(0.3 * bin)
        val top = sensors - 1
        val (dr, di) = (0 until sensors).foldLeft((0.0, 0.0)) { case ((re, im), k) =>
          val (vr, vi) = (v(2 * (k * sensors + top)), v(2 * (k * sensors + top) + 1))
          (re + a(2 * k) * vr + a(2 * k + 1) * vi, im + a(2 * k) * vi - a(2 * k + 1) * vr)
        }
        assert(math.abs(math.hypot(dr, di) / math.sqrt(sensors) - 1) < 1e-3)
      }
    }
  }

  test("per-row solve, inv and eigh equal the SQL functions") {
    NativeRequired.openblas()
    val (df, _) = snapshots()
    val systems = ComplexLinalgOps.covariance(df, Seq("bin"), "x", "R")
      .where(col("R").isNotNull)
      .withColumn("b", expr("named_struct('re', slice(R.re, 1, 4), 'im', slice(R.im, 1, 4))"))
      .cache()
    val ops = ComplexLinalgOps.eigh(ComplexLinalgOps.inv(
      ComplexLinalgOps.solve(systems, "R", "b", "x", "her"), "R", "inv"), "R", "e")
      .select("bin", "x", "inv", "e").orderBy("bin").collect()
    val sql = systems.select(col("bin"), expr("numspark_zsolve(R, b, 'her')"),
      expr("numspark_zinv(R)"), expr("numspark_zeigh(R)")).orderBy("bin").collect()
    assert(ops.length == 3)
    assert(ops.map(_.toSeq) sameElements sql.map(_.toSeq))
  }

  test("errors name the operation: columns, types, snapshot lengths") {
    val (df, _) = snapshots()
    val missing = intercept[IllegalArgumentException] {
      ComplexLinalgOps.covariance(df, Seq("sensor"), "x", "R")
    }
    assert(missing.getMessage == "ComplexLinalgOps.covariance: no column 'sensor' (columns: bin, x)")
    val output = intercept[IllegalArgumentException] {
      ComplexLinalgOps.covarianceEigh(df, Seq("bin"), "x", "bin")
    }
    assert(output.getMessage.contains("ComplexLinalgOps.covarianceEigh: output column 'bin'"))
    val badType = intercept[IllegalArgumentException] {
      ComplexLinalgOps.covariance(df, Seq("x"), "bin", "R")
    }
    assert(badType.getMessage.contains("ComplexLinalgOps.covariance: column 'bin' must be"),
      badType.getMessage)
    val uneven = spark.sql("SELECT 1 AS g, named_struct('re', array(1.0, 2.0), 'im', " +
      "array(0.0, 1.0)) AS x UNION ALL SELECT 1, named_struct('re', array(1.0), 'im', array(0.0))")
    val e = intercept[Exception](ComplexLinalgOps.covariance(uneven, Seq("g"), "x", "R").collect())
    assert(rootMessage(e).contains("ComplexLinalgOps.covariance: snapshots in one group have " +
      "different lengths"), rootMessage(e))
  }
}
