package dev.numspark.tools.bench.spark;

import dev.numspark.tools.bench.BenchCase;
import dev.numspark.tools.bench.BenchSuite;
import java.util.List;

/**
 * {@code bin/numspark bench --suite spark}: whole Spark jobs on {@code local[2]}, timed as wall
 * time (several repeats, median), each side in its own session.
 *
 * <ul>
 *   <li>batched rfft of N signals x 4096 samples (N = 100 000, quick 10 000) with the
 *       {@code numspark_rfft} SQL function, against what users write today: a UDF over
 *       {@code Seq[Double]} calling Breeze's {@code fourierTr} ({@link RfftJob}), and against the
 *       local kernel doing the same transforms with workers=2 ({@link LocalRfftJob}): that ratio
 *       is the share of the local kernel's throughput the SQL function reaches on Spark;
 *   <li>the oversubscription study: two concurrent tasks doing dgemm + dgesv on native BLAS, with
 *       the executor plugin (BLAS threads = spark.task.cpus = 1) against without it (OpenBLAS's
 *       default: every core, so 2 tasks x 2 threads on 2 cores) ({@link BlasJob}).
 * </ul>
 */
public final class SparkBenchSuite implements BenchSuite {

  @Override
  public String name() {
    return "spark";
  }

  @Override
  public boolean wallClock() {
    return true;
  }

  @Override
  public List<BenchCase> cases(boolean quick) {
    int signals = quick ? 10_000 : 100_000;
    int n = 4096;
    double fftWork = signals * 2.5 * n * (Math.log(n) / Math.log(2));
    int m = 256;
    int rounds = quick ? 30 : 120;
    // per round and task: dgemm (2 m^3) and dgesv (2/3 m^3 + 2 m^3 for m right-hand sides)
    double blasWork = 2.0 * rounds * (2.0 * m * m * m + (2.0 / 3 + 2) * m * m * m);
    return List.of(
        new BenchCase("rfft (SQL)", signals + "x" + n, 2, fftWork,
            () -> new RfftJob(signals, n, false),
            "breeze-udf", () -> new RfftJob(signals, n, true), null, null),
        new BenchCase("rfft (SQL)", signals + "x" + n, 2, fftWork,
            () -> new RfftJob(signals, n, false),
            "local kernel", () -> new LocalRfftJob(signals, n, 2), null, null),
        new BenchCase("dgemm+dgesv, 2 tasks", "2x" + rounds + " n=" + m, 2, blasWork,
            () -> new BlasJob(true, m, rounds),
            "no plugin", () -> new BlasJob(false, m, rounds), null, null));
  }
}
