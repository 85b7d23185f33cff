package dev.numspark.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SciPy's {@code workers} argument for the JVM: the one place that turns a user's {@code workers}
 * value into a thread count. Every kernel calls {@link #resolve(Integer)}; nothing repeats it.
 *
 * <ul>
 *   <li>{@code null}: the scoped default ({@link #setWorkers}), else the context's budget (the CPUs of
 *       the running Spark task, when spark-ops is on the class path), else 1 (SciPy's default).
 *   <li>{@code n > 0}: n threads.
 *   <li>{@code n < 0}: wraps from the available processors, -1 is all of them, -2 all but one.
 *   <li>0 and values below {@code -cpuCount()}: {@link IllegalArgumentException}, in SciPy's words.
 * </ul>
 */
public final class Workers {

  private static final ThreadLocal<Integer> SCOPED_DEFAULT = new ThreadLocal<>();
  private static final List<DefaultWorkersProvider> PROVIDERS = loadProviders();
  /** The (workers, budget) pairs already warned about: each misconfiguration is reported once. */
  private static final Set<Long> OVERSUBSCRIPTION_WARNED = ConcurrentHashMap.newKeySet();
  private static final System.Logger LOG = System.getLogger(Workers.class.getName());

  private Workers() {}

  /** The number of processors this JVM may use, as {@code os.cpu_count()} in SciPy. */
  public static int cpuCount() {
    return Runtime.getRuntime().availableProcessors();
  }

  /** Resolves a {@code workers} argument; {@code null} means the current default. */
  public static int resolve(Integer workers) {
    if (workers == null) {
      return getWorkers();
    }
    int resolved = wrap(workers);
    OptionalInt budget = contextBudget();
    if (budget.isPresent() && resolved > budget.getAsInt()
        && OVERSUBSCRIPTION_WARNED.add(((long) resolved << 32) | budget.getAsInt())) {
      LOG.log(System.Logger.Level.WARNING,
          "numspark: workers={0} exceeds the task''s CPU budget of {1}; the executor may be "
              + "oversubscribed (this warning is shown once per setting)", resolved,
          budget.getAsInt());
    }
    return resolved;
  }

  /** Resolves a {@code workers} argument given as a plain int (never the default). */
  public static int resolve(int workers) {
    return resolve(Integer.valueOf(workers));
  }

  private static int wrap(int workers) {
    int cpus = cpuCount();
    if (workers < 0) {
      if (workers >= -cpus) {
        return workers + 1 + cpus;
      }
      throw new IllegalArgumentException("workers value out of range; got " + workers
          + ", must not be less than " + (-cpus));
    }
    if (workers == 0) {
      throw new IllegalArgumentException("workers must not be zero");
    }
    return workers;
  }

  /**
   * The default number of workers for the calling thread, as {@code scipy.fft.get_workers()}: the
   * innermost {@link #setWorkers} scope, else the context budget (a Spark task's CPUs), else 1.
   */
  public static int getWorkers() {
    Integer scoped = SCOPED_DEFAULT.get();
    if (scoped != null) {
      return scoped;
    }
    return contextBudget().orElse(1);
  }

  /**
   * The thread budget of the calling thread: inside a Spark task its CPUs, elsewhere every
   * processor. Our worker threads times native BLAS threads should not exceed it.
   */
  public static int threadBudget() {
    return contextBudget().orElse(cpuCount());
  }

  /** The budget set by the context (a Spark task), if any. */
  public static OptionalInt contextBudget() {
    for (DefaultWorkersProvider provider : PROVIDERS) {
      OptionalInt budget = provider.threadBudget();
      if (budget.isPresent()) {
        return budget;
      }
    }
    return OptionalInt.empty();
  }

  /**
   * Sets the default number of workers for the calling thread until the returned scope is closed,
   * as {@code with scipy.fft.set_workers(n):}. Scopes nest; closing restores the previous default,
   * also when the body throws. Other threads, including worker threads, are not affected.
   */
  public static Scope setWorkers(int workers) {
    int resolved = resolve(workers);
    Integer previous = SCOPED_DEFAULT.get();
    SCOPED_DEFAULT.set(resolved);
    return new Scope(previous, Thread.currentThread());
  }

  private static List<DefaultWorkersProvider> loadProviders() {
    List<DefaultWorkersProvider> providers = new ArrayList<>();
    ServiceLoader.load(DefaultWorkersProvider.class, Workers.class.getClassLoader())
        .forEach(providers::add);
    return List.copyOf(providers);
  }

  /** A {@link #setWorkers} scope; close it on the thread that opened it. */
  public static final class Scope implements AutoCloseable {
    private final Integer previous;
    private final Thread owner;
    private boolean closed;

    private Scope(Integer previous, Thread owner) {
      this.previous = previous;
      this.owner = owner;
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      if (Thread.currentThread() != owner) {
        throw new IllegalStateException("a workers scope must be closed by the thread that opened it");
      }
      closed = true;
      if (previous == null) {
        SCOPED_DEFAULT.remove();
      } else {
        SCOPED_DEFAULT.set(previous);
      }
    }
  }
}
