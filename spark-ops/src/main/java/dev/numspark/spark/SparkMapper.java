package dev.numspark.spark;

import dev.numspark.parallel.Mapper;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

/**
 * A {@link Mapper} that evaluates items across the cluster: one Spark job per {@code map} call, the
 * items sliced into {@code slices} partitions (default: the default parallelism) and the function
 * shipped once per job as a broadcast. Pass it as {@code workers} of differential evolution to
 * evaluate each generation's population on the executors; results come back in order, so a seeded
 * optimization gives the same result as a local run.
 *
 * <p>The function and the items must be serializable. A failure in any item fails the job and is
 * rethrown with the item's original exception where Spark returns it.
 */
public final class SparkMapper implements Mapper, Serializable {
  private static final long serialVersionUID = 1L;
  private final transient JavaSparkContext jsc;
  private final int slices;

  public SparkMapper(SparkSession spark) {
    this(spark, spark.sparkContext().defaultParallelism());
  }

  public SparkMapper(SparkSession spark, int slices) {
    if (slices < 1) {
      throw new IllegalArgumentException("slices must be at least 1, got " + slices);
    }
    this.jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    this.slices = slices;
  }

  @Override
  public <T, R> List<R> map(Function<? super T, ? extends R> fn, List<? extends T> items) {
    if (items.isEmpty()) {
      return new ArrayList<>();
    }
    if (!(fn instanceof Serializable)) {
      throw new IllegalArgumentException("SparkMapper needs a Serializable function; got "
          + fn.getClass().getName());
    }
    Broadcast<Function<? super T, ? extends R>> shipped = jsc.broadcast(fn);
    try {
      List<T> data = new ArrayList<>(items);
      return jsc.parallelize(data, Math.min(slices, data.size()))
          .mapPartitions((Iterator<T> it) -> {
            Function<? super T, ? extends R> f = shipped.value();
            List<R> out = new ArrayList<>();
            while (it.hasNext()) {
              out.add(f.apply(it.next()));
            }
            return out.iterator();
          })
          .collect();
    } catch (Exception e) { // Scala throws SparkException without declaring it
      if (e instanceof SparkException se) {
        throw unwrap(se);
      }
      throw e;
    } finally {
      shipped.destroy();
    }
  }

  private static RuntimeException unwrap(SparkException e) {
    Throwable cause = e.getCause();
    if (cause instanceof RuntimeException r) {
      return r;
    }
    return new IllegalStateException("a mapped function failed on the cluster: " + e.getMessage(),
        e);
  }

  @Override
  public int parallelism() {
    return slices;
  }

  @Override
  public String toString() {
    return "SparkMapper(slices=" + slices + ")";
  }
}
