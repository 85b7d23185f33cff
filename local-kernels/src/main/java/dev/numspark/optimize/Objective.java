package dev.numspark.optimize;

import java.io.Serializable;
import java.util.function.ToDoubleFunction;

/**
 * A scalar objective {@code f(x)}, SciPy's {@code func(x, *args)}: bind extra arguments with a
 * closure. It is {@link Serializable} so that a Spark-backed {@link dev.numspark.parallel.Mapper}
 * can ship it to executors; capture only serializable state. It may be called from several
 * threads at once and must not modify {@code x}.
 */
@FunctionalInterface
public interface Objective extends ToDoubleFunction<double[]>, Serializable {}
