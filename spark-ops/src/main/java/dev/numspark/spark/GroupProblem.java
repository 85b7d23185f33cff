package dev.numspark.spark;

import dev.numspark.optimize.DifferentialEvolution;
import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * Builds one group's optimization problem from its rows, on the executor: the objective (e.g. a
 * sensor's model error over its samples), the bounds and any option, as a configured
 * {@link DifferentialEvolution} (set a seed for reproducible fits).
 */
@FunctionalInterface
public interface GroupProblem extends Serializable {
  DifferentialEvolution problem(Object key, List<Row> rows);
}
