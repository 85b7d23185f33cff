package dev.numspark.parallel;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A thread limit in force; {@link #close()} gives each library back the count it had before,
 * also when the guarded code threw. Limits nest: close them in reverse order of opening.
 */
public final class ThreadLimit implements AutoCloseable {
  private final Map<LibController, Integer> previous;
  private boolean closed;

  private ThreadLimit(Map<LibController, Integer> previous) {
    this.previous = previous;
  }

  static ThreadLimit apply(Map<LibController, Integer> targets) {
    Map<LibController, Integer> previous = new LinkedHashMap<>();
    for (Map.Entry<LibController, Integer> target : targets.entrySet()) {
      LibController controller = target.getKey();
      int current = controller.getNumThreads();
      // Leave a library that already has the count alone: then concurrent callers asking for
      // the same count (tasks of one executor) never undo each other's setting on close.
      if (current != target.getValue()) {
        previous.put(controller, current);
        controller.setNumThreads(target.getValue());
      }
    }
    return new ThreadLimit(previous);
  }

  /** How many libraries this limit changed (those already at the limit are left alone). */
  public int librariesLimited() {
    return previous.size();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    previous.forEach(LibController::setNumThreads);
  }
}
