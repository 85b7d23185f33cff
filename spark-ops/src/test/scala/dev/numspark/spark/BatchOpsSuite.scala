package dev.numspark.spark

import dev.numspark.array.NdArray
import dev.numspark.fft.Fft
import dev.numspark.linalg.Linalg
import dev.numspark.optimize.{Bounds, DifferentialEvolution, Objective}
import dev.numspark.signal.{Signal, SpectralOptions}
import org.apache.spark.ml.linalg.{DenseMatrix, Matrix, Vector, Vectors}
import org.apache.spark.sql.Row
import org.apache.spark.sql.functions.col
import org.scalatest.funsuite.AnyFunSuite

/**
 * SignalOps, LinalgOps and OptimizeOps on local[2] with spark.task.cpus=2, so every task runs its
 * blocks on two worker threads: results equal the local kernels exactly.
 */
class BatchOpsSuite extends AnyFunSuite with LocalSpark {
  override protected def sparkConf: Map[String, String] = Map("spark.task.cpus" -> "2")

  private def signals(rows: Int, length: Int) = {
    val session = spark
    import session.implicits._
    val rnd = new scala.util.Random(7)
    val data = (0 until rows).map(i => (i, if (i == 3) null else Array.fill(length)(rnd.nextGaussian())))
    data.toDF("id", "signal").repartition(3)
  }

  private def parts(r: Row): Array[Double] = {
    val re = r.getSeq[Double](0)
    val im = r.getSeq[Double](1)
    re.indices.flatMap(i => Seq(re(i), im(i))).toArray
  }

  test("SignalOps.rfft equals Fft.rfft for every row; NULL rows stay NULL; columns are kept") {
    val out = SignalOps.rfft(signals(700, 128), "signal", "spectrum", 100, "ortho").collect()
    assert(out.length == 700)
    out.foreach { r =>
      if (r.getInt(0) == 3) assert(r.isNullAt(2))
      else {
        val x = r.getSeq[Double](1).toArray
        val expected = Fft.rfft(NdArray.real(x, x.length), 100, -1, "ortho", 1).data()
        assert(parts(r.getStruct(2)).sameElements(expected))
      }
    }
  }

  test("SignalOps.welch and powerSpectrum equal the kernels") {
    val out = SignalOps.powerSpectrum(
      SignalOps.welch(signals(40, 512), "signal", "psd", 250.0, 128, null, "hamming", null),
      "signal", "power").where(col("id") =!= 3).collect()
    out.foreach { r =>
      val x = NdArray.real(r.getSeq[Double](1).toArray, 512)
      val w = Signal.welch(x, SpectralOptions.defaults().fs(250.0).nperseg(128).window("hamming").workers(1))
      assert(r.getStruct(2).getSeq[Double](0).toArray.sameElements(w.freqs()))
      assert(r.getStruct(2).getSeq[Double](1).toArray.sameElements(w.values().data()))
      val spectrum = Fft.rfft(x, null, -1, null, 1).data()
      val power = r.getSeq[Double](3)
      power.indices.foreach { k =>
        val h = math.hypot(spectrum(2 * k), spectrum(2 * k + 1))
        assert(power(k) == h * h)
      }
    }
  }

  test("RDD variants equal the kernels: rfft, welch, solve") {
    val rnd = new scala.util.Random(5)
    val xs = Seq.fill(50)(Array.fill(200)(rnd.nextGaussian()))
    val rdd = spark.sparkContext.parallelize(xs, 3)
    val spectra = SignalOps.rfft(rdd, 256, null).collect()
    val psds = SignalOps.welch(rdd, 10.0, 64, null, "hann", "spectrum").collect()
    xs.indices.foreach { i =>
      val x = NdArray.real(xs(i), 200)
      assert(spectra(i).sameElements(Fft.rfft(x, 256, -1, null, 1).data()))
      val w = Signal.welch(x, SpectralOptions.defaults().fs(10.0).nperseg(64).scaling("spectrum").workers(1))
      assert(psds(i).sameElements(w.values().data()))
    }
    val pairs = (0 until 20).map { k =>
      (new DenseMatrix(4, 4, Array.fill(16)(rnd.nextGaussian()), true): Matrix,
        Vectors.dense(Array.fill(4)(rnd.nextGaussian())))
    }
    val solved = LinalgOps.solve(spark.sparkContext.parallelize(pairs, 2), null).collect()
    pairs.indices.foreach { k =>
      val (a, b) = pairs(k)
      val expected = Linalg.solve(NdArray.real(a.transpose.toArray, 4, 4), NdArray.real(b.toArray, 4),
        null, false, true, 1).data()
      assert(solved(k).toArray.sameElements(expected))
    }
  }

  test("bad columns are clear errors naming the operation") {
    val df = signals(5, 8)
    val missing = intercept[IllegalArgumentException](SignalOps.rfft(df, "sig", "out"))
    assert(missing.getMessage == "SignalOps.rfft: no column 'sig' (columns: id, signal)")
    val exists = intercept[IllegalArgumentException](SignalOps.rfft(df, "signal", "id"))
    assert(exists.getMessage == "SignalOps.rfft: output column 'id' already exists")
    val wrongType = intercept[IllegalArgumentException](SignalOps.rfft(df, "id", "out"))
    assert(wrongType.getMessage.startsWith("SignalOps.rfft: x must be array<double>, got int"))
  }

  private def systems(count: Int, n: Int) = {
    val session = spark
    import session.implicits._
    val rnd = new scala.util.Random(11)
    (0 until count).map { i =>
      val a: Matrix = new DenseMatrix(n, n, Array.fill(n * n)(rnd.nextGaussian()) , true)
      val b: Vector = Vectors.dense(Array.fill(n)(rnd.nextGaussian()))
      (i, a, b)
    }.toDF("id", "A", "b").repartition(2)
  }

  test("LinalgOps.solve and det equal Linalg for small and larger matrices") {
    for (n <- Seq(6, 40)) {
      val out = LinalgOps.det(LinalgOps.solve(systems(30, n), "A", "b", "x"), "A", "d").collect()
      out.foreach { r =>
        val m = r.getAs[Matrix](1)
        val a = NdArray.real(m.transpose.toArray, n, n)
        val b = NdArray.real(r.getAs[Vector](2).toArray, n)
        val x = r.getAs[Vector](3).toArray
        if (n < 32) {
          assert(x.sameElements(Linalg.solve(a, b, null, false, true, 1).data()))
          assert(r.getDouble(4) == Linalg.det(a, true, 1).data()(0))
        } else { // native OpenBLAS rounds with memory alignment: compare the residual instead
          val residual = (0 until n).map { i =>
            math.abs((0 until n).map(j => a.data()(i * n + j) * x(j)).sum - b.data()(i))
          }.max
          assert(residual < 1e-8, s"|Ax - b| = $residual")
        }
      }
    }
  }

  test("a singular matrix fails the job with SciPy's message") {
    val session = spark
    import session.implicits._
    val df = Seq((new DenseMatrix(2, 2, Array(1.0, 1.0, 1.0, 1.0)): Matrix,
      Vectors.dense(1.0, 1.0))).toDF("A", "b")
    val e = intercept[Exception](LinalgOps.solve(df, "A", "b", "x").collect())
    val message = Iterator.iterate[Throwable](e)(_.getCause).takeWhile(_ != null)
      .map(_.getMessage).mkString(" | ")
    assert(message.contains("numspark_solve: A singular matrix detected"), message)
  }

  test("OptimizeOps fits one problem per group, the same for any partitioning") {
    val session = spark
    import session.implicits._
    val truth = Map("s1" -> (2.0, -1.0), "s2" -> (0.5, 3.0), "s3" -> (-1.5, 0.25))
    val rnd = new scala.util.Random(3)
    val samples = for ((sensor, (gain, offset)) <- truth.toSeq; i <- 0 until 40)
      yield (sensor, i / 10.0, gain * i / 10.0 + offset + 0.01 * rnd.nextGaussian())
    val df = samples.toDF("sensor", "t", "y")
    val problem: GroupProblem = (key: Any, rows: java.util.List[Row]) => {
      val t = rows.toArray(Array.empty[Row]).map(_.getDouble(1))
      val y = rows.toArray(Array.empty[Row]).map(_.getDouble(2))
      val order = t.indices.sortBy(t(_)) // rows arrive in any order: sort for a stable sum
      val objective: Objective = (p: Array[Double]) =>
        order.map(i => math.pow(p(0) * t(i) + p(1) - y(i), 2)).sum
      DifferentialEvolution.minimize(objective, Bounds.of(Array(-5.0, 5.0), Array(-5.0, 5.0)))
        .seed(42).polish(false).tol(1e-8)
    }
    val fits = OptimizeOps.minimizePerGroup(df, "sensor", problem).collect()
      .map(r => r.getString(0) -> r).toMap
    val repartitioned = OptimizeOps.minimizePerGroup(df.repartition(5), "sensor", problem).collect()
      .map(r => r.getString(0) -> r).toMap
    for ((sensor, (gain, offset)) <- truth) {
      val x = fits(sensor).getSeq[Double](1)
      assert(math.abs(x(0) - gain) < 0.02 && math.abs(x(1) - offset) < 0.05, s"$sensor: $x")
      assert(fits(sensor).getBoolean(5))
      assert(repartitioned(sensor).getSeq[Double](1) == x, "same fit whatever the partitioning")
    }
  }
}
