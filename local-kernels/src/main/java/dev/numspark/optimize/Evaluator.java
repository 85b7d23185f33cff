package dev.numspark.optimize;

import dev.numspark.parallel.Mapper;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Evaluates the objective on many points through a {@link Mapper} (SciPy's {@code MapWrapper}) or
 * one call of a vectorized objective. Points go to the mapper in contiguous chunks, a few per
 * worker, so a Spark mapper ships few tasks and nothing is boxed per point; the values come back
 * in order, so results never depend on the mapper.
 */
final class Evaluator implements AutoCloseable {
  private static final int CHUNKS_PER_WORKER = 4;

  private final Objective objective;
  private final VectorizedObjective vectorized;
  private final Mapper mapper;
  private final boolean ownsMapper;

  private Evaluator(Objective objective, VectorizedObjective vectorized, Mapper mapper,
      boolean ownsMapper) {
    this.objective = objective;
    this.vectorized = vectorized;
    this.mapper = mapper;
    this.ownsMapper = ownsMapper;
  }

  static Evaluator of(Objective objective, Mapper mapper, boolean ownsMapper) {
    return new Evaluator(objective, null, mapper, ownsMapper);
  }

  static Evaluator vectorized(VectorizedObjective objective) {
    return new Evaluator(null, objective, Mapper.sequential(), false);
  }

  boolean isVectorized() {
    return vectorized != null;
  }

  /** The objective at every row of {@code points}, in order. */
  double[] evaluate(double[][] points) {
    int n = points.length;
    if (n == 0) {
      return new double[0];
    }
    if (vectorized != null) {
      return evaluateVectorized(points);
    }
    int chunks = Math.min(n, CHUNKS_PER_WORKER * Math.max(1, mapper.parallelism()));
    if (mapper.parallelism() <= 1) {
      chunks = 1;
    }
    List<double[][]> items = new ArrayList<>(chunks);
    for (int c = 0; c < chunks; c++) {
      int from = (int) ((long) n * c / chunks);
      int to = (int) ((long) n * (c + 1) / chunks);
      double[][] chunk = new double[to - from][];
      System.arraycopy(points, from, chunk, 0, to - from);
      items.add(chunk);
    }
    List<double[]> results = mapper.map(new ChunkFunction(objective), items);
    if (results.size() != chunks) {
      throw new IllegalStateException("the mapper returned " + results.size()
          + " results for " + chunks + " items; a map-like callable must return one per item");
    }
    double[] values = new double[n];
    int at = 0;
    for (double[] r : results) {
      if (r == null) {
        throw new IllegalStateException("the mapper returned no result for an item");
      }
      System.arraycopy(r, 0, values, at, r.length);
      at += r.length;
    }
    return values;
  }

  private double[] evaluateVectorized(double[][] points) {
    double[] values;
    try {
      values = vectorized.values(points);
    } catch (ObjectiveException e) {
      throw e;
    } catch (RuntimeException | Error e) {
      throw new ObjectiveException("the vectorized objective function raised " + e, e);
    }
    if (values == null || values.length != points.length) {
      throw new ObjectiveException("The vectorized function must return an array of shape (S,) "
          + "when given an array of shape (len(x), S)", null);
    }
    for (int i = 0; i < values.length; i++) {
      if (Double.isNaN(values[i])) {
        throw ObjectiveException.nan(points[i]);
      }
    }
    return values;
  }

  /** Objective values of a chunk of points; serializable for mappers that ship work. */
  private static final class ChunkFunction implements Function<double[][], double[]>,
      Serializable {
    private static final long serialVersionUID = 1L;
    private final Objective objective;

    ChunkFunction(Objective objective) {
      this.objective = objective;
    }

    @Override
    public double[] apply(double[][] chunk) {
      double[] values = new double[chunk.length];
      for (int i = 0; i < chunk.length; i++) {
        values[i] = ObjectiveException.evaluate(objective, chunk[i]);
      }
      return values;
    }
  }

  @Override
  public void close() {
    if (ownsMapper) {
      mapper.close();
    }
  }
}
