package dev.numspark.spark

import dev.numspark.array.NdArray
import dev.numspark.linalg.Linalg
import org.apache.spark.ml.linalg.{DenseMatrix, Matrix, Vector, Vectors}
import org.apache.spark.sql.functions._
import org.scalatest.funsuite.AnyFunSuite

/** The linear algebra SQL functions equal the local kernels exactly on Spark ML types. */
class LinalgFunctionsSuite extends AnyFunSuite with LocalSpark {

  override def beforeAll(): Unit = {
    super.beforeAll()
    Numspark.register(spark)
  }

  private val n = 5

  /** Row-major random matrices, made symmetric positive definite when asked. */
  private def randomMatrix(seed: Int, spd: Boolean): Array[Double] = {
    val rnd = new scala.util.Random(seed)
    val a = Array.fill(n * n)(rnd.nextGaussian())
    if (!spd) a
    else Array.tabulate(n * n) { k =>
      val (i, j) = (k / n, k % n)
      (0 until n).map(l => a(i * n + l) * a(j * n + l)).sum + (if (i == j) n else 0)
    }
  }

  private def frame(spd: Boolean) = {
    val session = spark
    import session.implicits._
    (1 to 12).map { s =>
      val rm = randomMatrix(s, spd)
      val m: Matrix = new DenseMatrix(n, n, rm, true)
      val b: Vector = Vectors.dense(Array.tabulate(n)(i => s * 0.5 + i))
      (m, b)
    }.toDF("A", "b")
  }

  private def nd(m: Matrix) = NdArray.real(m.transpose.toArray, m.numRows, m.numCols)
  private def nd(v: Vector) = NdArray.real(v.toArray, v.size)

  test("numspark_solve, numspark_lstsq, numspark_det and numspark_inv equal Linalg") {
    frame(spd = false).select(col("A"), col("b"), expr("numspark_solve(A, b)"),
      expr("numspark_lstsq(A, b)"), expr("numspark_det(A)"), expr("numspark_inv(A)"))
      .collect().foreach { r =>
        val a = nd(r.getAs[Matrix](0))
        val b = nd(r.getAs[Vector](1))
        assert(r.getAs[Vector](2).toArray.sameElements(Linalg.solve(a, b, null, false, true, 1).data()))
        assert(r.getAs[Vector](3).toArray.sameElements(Linalg.lstsq(a, b, null, true, 1).x().data()))
        assert(r.getDouble(4) == Linalg.det(a, true, 1).data()(0))
        assert(nd(r.getAs[Matrix](5)).data().sameElements(Linalg.inv(a, true, 1).data()))
      }
  }

  test("numspark_eigh and numspark_svdvals equal Linalg; A v = w v holds") {
    frame(spd = true).select(col("A"), expr("numspark_eigh(A)").as("e"),
      expr("numspark_svdvals(A)"), expr("numspark_solve(A, b, 'pos')")).collect().foreach { r =>
        val a = nd(r.getAs[Matrix](0))
        val e = r.getStruct(1)
        val expected = Linalg.eigh(a, true, false, null, true, 1)
        assert(e.getAs[Vector](0).toArray.sameElements(expected.w().data()))
        val v = nd(e.getAs[Matrix](1))
        assert(v.data().sameElements(expected.v().data()))
        val w = e.getAs[Vector](0).toArray
        for (k <- 0 until n; i <- 0 until n) {
          val av = (0 until n).map(j => a.data()(i * n + j) * v.data()(j * n + k)).sum
          assert(math.abs(av - w(k) * v.data()(i * n + k)) < 1e-9)
        }
        assert(r.getAs[Vector](2).toArray.sameElements(Linalg.svdvals(a, true, 1).data()))
      }
  }

  test("a singular matrix fails the query with SciPy's message naming the function") {
    val session = spark
    import session.implicits._
    val df = Seq((new DenseMatrix(2, 2, Array(1.0, 2.0, 2.0, 4.0)): Matrix,
      Vectors.dense(1.0, 2.0))).toDF("A", "b")
    val e = intercept[Exception](df.select(expr("numspark_solve(A, b)")).collect())
    val message = Iterator.iterate[Throwable](e)(_.getCause).takeWhile(_ != null).map(_.getMessage)
      .mkString(" | ")
    assert(message.contains("numspark_solve: A singular matrix detected"), message)
  }

  test("type errors and NULLs") {
    val bad = intercept[org.apache.spark.sql.AnalysisException] {
      spark.sql("SELECT numspark_det(array(1.0, 2.0))").collect()
    }
    assert(bad.getMessage.contains("numspark_det: A must be a Spark ML matrix"), bad.getMessage)
    val nulls = frame(spd = false).select(expr("numspark_det(CASE WHEN false THEN A END)")).collect()
    assert(nulls.forall(_.isNullAt(0)))
  }
}
