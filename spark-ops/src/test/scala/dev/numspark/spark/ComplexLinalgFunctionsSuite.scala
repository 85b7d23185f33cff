package dev.numspark.spark

import com.fasterxml.jackson.databind.{JsonNode, ObjectMapper}
import dev.numspark.array.NdArray
import dev.numspark.linalg.Linalg
import org.apache.spark.sql.{AnalysisException, DataFrame, Row}
import org.apache.spark.sql.functions._
import org.apache.spark.sql.types._
import org.scalatest.funsuite.AnyFunSuite

import scala.jdk.CollectionConverters._

/**
 * The complex linear algebra SQL functions equal the local kernels exactly, satisfy their
 * defining equations, give NULL for NULL and fail with SciPy's words naming the function.
 */
class ComplexLinalgFunctionsSuite extends AnyFunSuite with LocalSpark {
  import ComplexLinalgFunctionsSuite._

  override def beforeAll(): Unit = {
    super.beforeAll()
    Numspark.register(spark)
  }

  private val n = 5

  /** Rows (id, A, b): A Hermitian (positive definite) or general, b complex. */
  private def frame(hermitian: Boolean): DataFrame = {
    val rows = (1 to 12).map { s =>
      val rnd = new scala.util.Random(s)
      val g = Array.fill(2 * n * n)(rnd.nextGaussian())
      val a = if (hermitian) hermitianOf(g, n) else g
      Row(s, complexValue(a), complexValue(Array.fill(2 * n)(rnd.nextGaussian())))
    }
    spark.createDataFrame(rows.asJava, StructType(Seq(StructField("id", IntegerType),
      StructField("A", ComplexArrays.ComplexType), StructField("b", ComplexArrays.ComplexType))))
  }

  test("numspark_zsolve and numspark_zinv equal Linalg; A x = b and A inv(A) = I hold") {
    NativeRequired.openblas()
    frame(hermitian = false).select(col("A"), col("b"), expr("numspark_zsolve(A, b)"),
      expr("numspark_zinv(A)"), expr("numspark_zsolve(A, b.re)")).collect().foreach { r =>
        val a = interleavedOf(r.getStruct(0))
        val b = interleavedOf(r.getStruct(1))
        val x = interleavedOf(r.getStruct(2))
        val inv = interleavedOf(r.getStruct(3))
        val na = NdArray.complex(a, n, n)
        assert(x.sameElements(Linalg.solve(na, NdArray.complex(b, n), null, false, true, 1).data()))
        assert(inv.sameElements(Linalg.inv(na, true, 1).data()))
        assertClose(matmul(a, x, n, 1), b, 1e-10)
        assertClose(matmul(a, inv, n, n), identity(n), 1e-10)
        // a real b is promoted, as numpy does
        val realB = NdArray.real(b.indices.collect { case i if i % 2 == 0 => b(i) }.toArray, n)
        assert(interleavedOf(r.getStruct(4)).sameElements(
          Linalg.solve(na, realB, null, false, true, 1).data()))
      }
  }

  test("numspark_zeigh equals Linalg; A V = V diag(w) and V^H V = I hold; assume_a 'her'") {
    NativeRequired.openblas()
    frame(hermitian = true).select(col("A"), col("b"), expr("numspark_zeigh(A)").as("e"),
      expr("numspark_zsolve(A, b, 'her')"), expr("numspark_zsolve(A, b, 'pos')")).collect()
      .foreach { r =>
        val a = interleavedOf(r.getStruct(0))
        val e = r.getStruct(2)
        val w = e.getSeq[Double](0).toArray
        val v = interleavedOf(e.getStruct(1))
        val expected = Linalg.eigh(NdArray.complex(a, n, n), true, false, null, true, 1)
        assert(w.sameElements(expected.w().data()))
        assert(v.sameElements(expected.v().data()))
        assert(w.sorted.sameElements(w))
        val vw = Array.tabulate(2 * n * n)(k => v(k) * w((k / 2) % n))
        assertClose(matmul(a, v, n, n), vw, 1e-10)
        assertClose(matmul(conjugateTranspose(v, n), v, n, n), identity(n), 1e-12)
        val b = interleavedOf(r.getStruct(1))
        assertClose(matmul(a, interleavedOf(r.getStruct(3)), n, 1), b, 1e-10)
        assertClose(matmul(a, interleavedOf(r.getStruct(4)), n, 1), b, 1e-10)
      }
  }

  test("numspark_zsolve, numspark_zinv and numspark_zeigh equal SciPy's golden values") {
    NativeRequired.openblas()
    import dev.numspark.linalg.Golden.load
    // local-kernels' golden files from scipy.linalg (golden/linalg/generate.py)
    val general = load("c_general.a").data()
    val g = spark.createDataFrame(Seq(Row(complexValue(general),
      complexValue(load("c_general.b").data()))).asJava, StructType(Seq(
      StructField("A", ComplexArrays.ComplexType), StructField("b", ComplexArrays.ComplexType))))
      .select(expr("numspark_zsolve(A, b)"), expr("numspark_zinv(A)")).head()
    assertClose(interleavedOf(g.getStruct(0)), load("c_general.solve").data(), 1e-10)
    assertClose(interleavedOf(g.getStruct(1)), load("c_general.inv").data(), 1e-10)
    // a batch of four 6 x 6 Hermitian matrices, one per row
    val hermitian = load("c_hermitian.a").data()
    val per = 2 * 36
    val rows = (0 until 4).map(i => Row(i, complexValue(hermitian.slice(i * per, (i + 1) * per))))
    val values = spark.createDataFrame(rows.asJava, StructType(Seq(StructField("i", IntegerType),
      StructField("A", ComplexArrays.ComplexType))))
      .select(col("i"), expr("numspark_zeigh(A).values")).orderBy("i").collect()
      .flatMap(_.getSeq[Double](1))
    assertClose(values, load("c_hermitian.eigh").data(), 1e-10)
  }

  test("DESCRIBE FUNCTION shows usage and an example, and every example is right") {
    NativeRequired.openblas()
    val json = new ObjectMapper()
    for (spec <- ComplexLinalgFunctions.all) {
      val described = spark.sql(s"DESCRIBE FUNCTION EXTENDED ${spec.name}").collect()
        .map(_.getString(0))
      assert(described.exists(_.contains(spec.name + "(")), described.mkString("\n"))
      val lines = spec.examples.linesIterator.map(_.trim).filter(_.nonEmpty).toSeq
      val query = lines.find(_.startsWith("> SELECT ")).get.stripPrefix("> SELECT ")
        .stripSuffix(";")
      val actual = json.readTree(spark.sql(s"SELECT to_json($query)").head().getString(0))
      val expected = json.readTree(lines.last)
      assert(leaves(actual).map(_._1) == leaves(expected).map(_._1), s"${spec.name}: $actual")
      leaves(actual).zip(leaves(expected)).foreach { case ((_, a), (_, e)) =>
        assert(math.abs(a - e) <= 1e-12, s"${spec.name}: $actual")
      }
    }
  }

  test("NULL in gives NULL out; a NULL part of a complex value is an error naming the function") {
    NativeRequired.openblas()
    val nulls = frame(hermitian = false).select(
      expr("numspark_zeigh(CASE WHEN false THEN A END)"),
      expr("numspark_zinv(CASE WHEN false THEN A END)"),
      expr("numspark_zsolve(A, CASE WHEN false THEN b END)")).collect()
    assert(nulls.forall(r => (0 until 3).forall(r.isNullAt)))
    val e = intercept[Exception] {
      spark.sql("SELECT numspark_zinv(named_struct('re', array(1.0), 'im', " +
        "CAST(NULL AS array<double>)))").collect()
    }
    assert(rootMessage(e).contains("numspark_zinv: a complex value needs both re and im"),
      rootMessage(e))
  }

  test("bad input: types and assume_a at analysis; shape, singular and NaN per row") {
    val notComplex = intercept[AnalysisException] {
      spark.sql("SELECT numspark_zeigh(array(1.0, 2.0, 3.0, 4.0))").collect()
    }
    assert(notComplex.getMessage.contains("numspark_zeigh: A must be a complex matrix"),
      notComplex.getMessage)
    val badB = intercept[AnalysisException] {
      spark.sql("SELECT numspark_zsolve(named_struct('re', array(1.0), 'im', array(0.0)), 'x')")
        .collect()
    }
    assert(badB.getMessage.contains("numspark_zsolve: b must be"), badB.getMessage)
    val assume = intercept[AnalysisException] {
      spark.sql("SELECT numspark_zsolve(named_struct('re', array(1.0), 'im', array(0.0)), " +
        "array(1.0), 'bogus')").collect()
    }
    assert(assume.getMessage.contains("numspark_zsolve: bogus is not a recognized matrix " +
      "structure"), assume.getMessage)

    NativeRequired.openblas()
    def failure(sql: String): String =
      rootMessage(intercept[Exception](spark.sql(sql).collect()))
    val notSquare = failure("SELECT numspark_zinv(named_struct('re', array(1.0, 2.0, 3.0), " +
      "'im', array(0.0, 0.0, 0.0)))")
    assert(notSquare.contains("numspark_zinv: A has 3 elements, which is no square n x n " +
      "matrix"), notSquare)
    val singular = "named_struct('re', array(1.0, 2.0, 2.0, 4.0), 'im', array(1.0, 2.0, 2.0, 4.0))"
    val solve = failure(s"SELECT numspark_zsolve($singular, array(1.0, 2.0))")
    assert(solve.contains("numspark_zsolve: A singular matrix detected"), solve)
    val inv = failure(s"SELECT numspark_zinv($singular)")
    assert(inv.contains("numspark_zinv: A singular matrix detected"), inv)
    val lengths = failure("SELECT numspark_zsolve(named_struct('re', array(1.0, 0.0, 0.0, 1.0), " +
      "'im', array(0.0, 0.0, 0.0, 0.0)), array(1.0, 2.0, 3.0))")
    assert(lengths.contains("numspark_zsolve: incompatible shapes"), lengths)
    val nan = failure("SELECT numspark_zeigh(named_struct('re', array(CAST('NaN' AS double)), " +
      "'im', array(0.0)))")
    assert(nan.contains("numspark_zeigh: array must not contain infs or NaNs"), nan)
  }
}

/** Complex matrices as interleaved re, im arrays (row-major), for the complex suites. */
object ComplexLinalgFunctionsSuite {

  def complexValue(z: Array[Double]): Row =
    Row(z.indices.collect { case i if i % 2 == 0 => z(i) }.toSeq,
      z.indices.collect { case i if i % 2 == 1 => z(i) }.toSeq)

  def interleavedOf(r: Row): Array[Double] = {
    val re = r.getSeq[Double](0)
    val im = r.getSeq[Double](1)
    re.indices.flatMap(i => Seq(re(i), im(i))).toArray
  }

  /** (G + G^H) / 2 + n I: Hermitian positive definite for a Gaussian G of order n. */
  def hermitianOf(g: Array[Double], n: Int): Array[Double] = {
    val h = new Array[Double](2 * n * n)
    for (i <- 0 until n; j <- 0 until n) {
      val (ij, ji) = (2 * (i * n + j), 2 * (j * n + i))
      h(ij) = (g(ij) + g(ji)) / 2 + (if (i == j) 2 * n else 0)
      h(ij + 1) = (g(ij + 1) - g(ji + 1)) / 2
    }
    h
  }

  /** The m x m times m x k complex product. */
  def matmul(a: Array[Double], b: Array[Double], m: Int, k: Int): Array[Double] = {
    val c = new Array[Double](2 * m * k)
    for (i <- 0 until m; j <- 0 until k; l <- 0 until m) {
      val (ar, ai) = (a(2 * (i * m + l)), a(2 * (i * m + l) + 1))
      val (br, bi) = (b(2 * (l * k + j)), b(2 * (l * k + j) + 1))
      c(2 * (i * k + j)) += ar * br - ai * bi
      c(2 * (i * k + j) + 1) += ar * bi + ai * br
    }
    c
  }

  def conjugateTranspose(a: Array[Double], n: Int): Array[Double] = {
    val t = new Array[Double](2 * n * n)
    for (i <- 0 until n; j <- 0 until n) {
      t(2 * (j * n + i)) = a(2 * (i * n + j))
      t(2 * (j * n + i) + 1) = -a(2 * (i * n + j) + 1)
    }
    t
  }

  def identity(n: Int): Array[Double] =
    Array.tabulate(2 * n * n)(k => if (k % 2 == 0 && (k / 2) / n == (k / 2) % n) 1.0 else 0.0)

  def assertClose(actual: Array[Double], expected: Array[Double], tol: Double): Unit = {
    assert(actual.length == expected.length)
    actual.indices.foreach { i =>
      assert(math.abs(actual(i) - expected(i)) <= tol * math.max(1, math.abs(expected(i))),
        s"index $i: ${actual(i)} vs ${expected(i)}")
    }
  }

  /** A JSON value's numbers in order, each with its path of field names and indexes. */
  def leaves(node: JsonNode, path: String = ""): Seq[(String, Double)] =
    if (node.isNumber) Seq(path -> node.asDouble)
    else if (node.isArray) (0 until node.size).flatMap(i => leaves(node.get(i), s"$path[$i]"))
    else node.fieldNames.asScala.toSeq.flatMap(f => leaves(node.get(f), s"$path.$f"))

  def rootMessage(e: Throwable): String =
    Iterator.iterate(e)(_.getCause).takeWhile(_ != null).map(_.getMessage).mkString(" | ")
}
