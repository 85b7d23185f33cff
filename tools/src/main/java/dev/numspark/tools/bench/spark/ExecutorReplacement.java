package dev.numspark.tools.bench.spark;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorAdded;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Replaces a running application's executors by new ones: a fresh executor joining a warm
 * application (its driver has planned and compiled the query before), as when a cluster scales
 * up or replaces a lost executor. Uses {@link SparkContext#killExecutors} and
 * {@link SparkContext#requestExecutors} (cluster managers that grant executors on request, e.g.
 * standalone; not local mode, and not with dynamic allocation on).
 */
final class ExecutorReplacement extends SparkListener {
  /** Executors seen alive: registered, or running a task, since this listener was added. */
  private final Set<String> alive = new LinkedHashSet<>();
  private final Set<String> removed = new LinkedHashSet<>();

  @Override
  public synchronized void onExecutorAdded(SparkListenerExecutorAdded added) {
    alive.add(added.executorId());
    notifyAll();
  }

  @Override
  public synchronized void onExecutorRemoved(SparkListenerExecutorRemoved gone) {
    alive.remove(gone.executorId());
    removed.add(gone.executorId());
    notifyAll();
  }

  @Override
  public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
    String id = end.taskInfo().executorId();
    if (!removed.contains(id)) {
      alive.add(id);
    }
  }

  /**
   * Kills the executors that have run a task or registered since this listener was added, asks
   * for as many new ones and returns once they have registered (the old ones removed).
   */
  void replace(SparkContext sc, long timeoutMillis) throws InterruptedException {
    List<String> old;
    synchronized (this) {
      old = new ArrayList<>(alive);
    }
    if (old.isEmpty()) {
      throw new IllegalStateException("no executor has run a task yet: nothing to replace");
    }
    if (!sc.killExecutors(CollectionConverters.asScala(old).toSeq())) {
      throw new IllegalStateException("the cluster manager did not kill executors " + old);
    }
    if (!sc.requestExecutors(old.size())) {
      throw new IllegalStateException("the cluster manager refused new executors");
    }
    long deadline = System.currentTimeMillis() + timeoutMillis;
    synchronized (this) {
      while (!(removed.containsAll(old) && alive.size() >= old.size())) {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) {
          throw new IllegalStateException("no new executor registered within " + timeoutMillis
              + " ms (alive: " + alive + ", replaced: " + old + ")");
        }
        wait(left);
      }
    }
  }
}
