package dev.numspark.tools.bench.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.sum;

import breeze.linalg.DenseVector;
import breeze.linalg.DenseVector$mcD$sp;
import breeze.math.Complex;
import breeze.signal.fourierTr$;
import dev.numspark.spark.Numspark;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One side of the batched-rfft case: N signals of n samples through {@code numspark_rfft}, or
 * through a UDF over {@code Seq[Double]} calling Breeze's {@code fourierTr} and returning the
 * same struct (re, im of the n/2 + 1 non-negative frequencies). The signals are 1000 distinct
 * random rows, generated on the executors and cached, each repeated N/1000 times by {@code explode}, so the job's time is the
 * transforms, not generating data. Summing one bin of every row makes Spark compute them all.
 */
final class RfftJob implements Runnable, AutoCloseable {
  private static final StructType SPECTRUM = new StructType()
      .add("re", DataTypes.createArrayType(DataTypes.DoubleType, false), false)
      .add("im", DataTypes.createArrayType(DataTypes.DoubleType, false), false);

  /** How many distinct signals the job generates and repeats. */
  static final int DISTINCT = 1000;

  private final SparkSession spark;
  private final Dataset<Row> base;
  private final Dataset<Row> batch;
  private final boolean breeze;

  RfftJob(int signals, int n, boolean breeze) {
    this(signals, n, breeze, Map.of());
  }

  /** With extra session settings (e.g. the plugin and its priming, for {@link PrimingBench}). */
  RfftJob(int signals, int n, boolean breeze, Map<String, String> conf) {
    this(signals, n, breeze, "local[2]", conf);
  }

  /** On {@code master}, local or a cluster's ({@link Sessions#start(String, String, Map)}). */
  RfftJob(int signals, int n, boolean breeze, String master, Map<String, String> conf) {
    this.breeze = breeze;
    spark = Sessions.start("numspark bench rfft", master, conf);
    Numspark.register(spark);
    int distinct = Math.min(signals, DISTINCT);
    List<Integer> seeds = new ArrayList<>();
    for (int i = 0; i < distinct; i++) {
      seeds.add(i);
    }
    StructType schema = new StructType()
        .add("x", DataTypes.createArrayType(DataTypes.DoubleType, false), false);
    JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .parallelize(seeds, 4).map(seed -> RowFactory.create((Object) signal(seed, n)));
    base = spark.createDataFrame(rows, schema).cache();
    base.count();
    batch = base.withColumn("copy",
        explode(sequence(lit(1), lit(Math.max(1, signals / distinct)))));
  }

  static double[] signal(long seed, int n) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] x = new double[n];
    for (int k = 0; k < n; k++) {
      x[k] = random.nextDouble() - 0.5;
    }
    return x;
  }

  /**
   * A new query each time: re-running one Dataset would let adaptive execution reuse the
   * shuffle output of the previous run and skip the transforms.
   */
  private Dataset<Row> query() {
    return query(breeze ? breezeUdf().apply(col("x")) : expr("numspark_rfft(x)"));
  }

  /** The job's query around any column of {@code struct<re, im>}. */
  private Dataset<Row> query(Column spectrum) {
    return batch.select(spectrum.as("X")).agg(sum(element_at(col("X.re"), 2)));
  }

  /** What users write today: Seq[Double] in, Breeze's fourierTr, the first n/2 + 1 bins out. */
  static UserDefinedFunction breezeUdf() {
    UDF1<scala.collection.Seq<Object>, Row> f = x -> {
      double[] a = new double[x.length()];
      scala.collection.Iterator<Object> it = x.iterator();
      for (int i = 0; it.hasNext(); i++) {
        a[i] = ((Number) it.next()).doubleValue();
      }
      DenseVector<Complex> spectrum =
          fourierTr$.MODULE$.dvDouble1DFFT().apply(new DenseVector$mcD$sp(a));
      int half = a.length / 2 + 1;
      double[] re = new double[half];
      double[] im = new double[half];
      for (int k = 0; k < half; k++) {
        Complex c = spectrum.apply(k);
        re[k] = c.real();
        im[k] = c.imag();
      }
      return RowFactory.create(re, im);
    };
    return functions.udf(f, SPECTRUM);
  }

  /** The number the query computes: the sum over all signals of Re X[1]. */
  double result() {
    return query().collectAsList().get(0).getDouble(0);
  }

  @Override
  public void run() {
    query().collectAsList();
  }

  /**
   * The same query with a Spark built-in of the same result type in place of the transform
   * ({@code named_struct('re', reverse(x), 'im', x)}): it warms Spark's own machinery (scan,
   * explode, aggregation, code generation) and none of numspark's.
   */
  void runWithoutNumspark() {
    query(expr("named_struct('re', reverse(x), 'im', x)")).collectAsList();
  }

  /**
   * The same query shape with another Spark built-in ({@code named_struct('re', x, 'im',
   * reverse(x))}), not run before by {@link #runWithoutNumspark}: a new query with its own
   * generated code, the baseline of what any first query costs Spark on a warm executor.
   */
  void runOtherBuiltin() {
    query(expr("named_struct('re', x, 'im', reverse(x))")).collectAsList();
  }

  /**
   * Caches the signals again where the cache lost them (executors replaced): regenerates the
   * missing partitions, no FFT.
   */
  void recache() {
    base.count();
  }

  /** The session the job runs in (for listeners). */
  SparkSession session() {
    return spark;
  }

  @Override
  public void close() {
    spark.stop();
  }
}
