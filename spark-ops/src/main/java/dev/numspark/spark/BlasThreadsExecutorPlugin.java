package dev.numspark.spark;

import dev.numspark.parallel.ThreadLimit;
import dev.numspark.parallel.ThreadLimits;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;
import org.apache.spark.api.plugin.ExecutorPlugin;
import org.apache.spark.api.plugin.PluginContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets the executor's native BLAS and OpenMP threads to the task CPU budget.
 *
 * <p>An executor with C cores runs C / {@code spark.task.cpus} tasks at once; with each task's
 * BLAS on {@code spark.task.cpus} threads the executor runs exactly C threads. When a stage's
 * resource profile gives tasks another CPU count, the threads follow at task start. The setting
 * {@code spark.numspark.blasThreads} overrides the count; when that (or anything else) makes
 * concurrent tasks × BLAS threads exceed the executor's cores, one warning is logged.
 */
final class BlasThreadsExecutorPlugin implements ExecutorPlugin {
  static final String BLAS_THREADS_CONF = "spark.numspark.blasThreads";
  private static final Logger LOG = LoggerFactory.getLogger(BlasThreadsExecutorPlugin.class);

  private Integer override;
  private int executorCores;
  private volatile int appliedThreads;
  private ThreadLimit limit;
  private boolean warned;

  @Override
  public void init(PluginContext ctx, Map<String, String> extraConf) {
    SparkConf conf = ctx.conf();
    override = conf.contains(BLAS_THREADS_CONF) ? conf.getInt(BLAS_THREADS_CONF, 1) : null;
    executorCores = executorCores(conf);
    apply(conf.getInt("spark.task.cpus", 1));
  }

  @Override
  public void onTaskStart() {
    TaskContext task = TaskContext.get();
    if (task != null && override == null && task.cpus() != appliedThreads) {
      apply(task.cpus());
    }
  }

  @Override
  public void shutdown() {
    restore();
  }

  private synchronized void apply(int taskCpus) {
    int threads = override != null ? override : Math.max(1, taskCpus);
    if (threads == appliedThreads) {
      return;
    }
    restore();
    limit = ThreadLimits.limit(threads);
    appliedThreads = threads;
    int concurrentTasks = Math.max(1, executorCores / Math.max(1, taskCpus));
    if (!warned && concurrentTasks * threads > executorCores) {
      warned = true;
      LOG.warn("numspark: {} concurrent tasks x {} BLAS threads exceeds the executor's {} cores; "
          + "the executor will be oversubscribed ({}={})", concurrentTasks, threads,
          executorCores, BLAS_THREADS_CONF, override);
    }
    LOG.info("numspark: native BLAS/OpenMP threads set to {} (task CPUs {}, executor cores {}): {}",
        threads, taskCpus, executorCores, ThreadLimits.info());
  }

  private synchronized void restore() {
    if (limit != null) {
      limit.close();
      limit = null;
      appliedThreads = 0;
    }
  }

  /** spark.executor.cores, else every processor (standalone's and local mode's default). */
  private static int executorCores(SparkConf conf) {
    return conf.getInt("spark.executor.cores", Runtime.getRuntime().availableProcessors());
  }
}
