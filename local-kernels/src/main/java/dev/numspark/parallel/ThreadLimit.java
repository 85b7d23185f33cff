package dev.numspark.parallel;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A thread limit in force; {@link #close()} ends it, also when the guarded code threw.
 *
 * <p>BLAS libraries go through the arbiter ({@link BlasThreads}): the limit is their standing
 * setting while it is open, taking effect as soon as no call runs at another count, and closing
 * it gives back the standing setting of the limits still open (the library default when none
 * is). So overlapping limits of concurrent callers never restore each other's values. Other
 * libraries (OpenMP) get back the count they had before; close those limits in reverse order.
 */
public final class ThreadLimit implements AutoCloseable {
  private final Map<LibController, Integer> previous;
  private final BlasThreads.Standing blasStanding;
  private final int librariesLimited;
  private boolean closed;

  private ThreadLimit(Map<LibController, Integer> previous, BlasThreads.Standing blasStanding,
      int librariesLimited) {
    this.previous = previous;
    this.blasStanding = blasStanding;
    this.librariesLimited = librariesLimited;
  }

  static ThreadLimit apply(Map<LibController, Integer> targets) {
    Map<LibController, Integer> previous = new LinkedHashMap<>();
    BlasThreads.Standing standing = null;
    int limited = 0;
    for (Map.Entry<LibController, Integer> target : targets.entrySet()) {
      LibController controller = target.getKey();
      if (controller.userApi() == UserApi.BLAS) {
        // One standing setting for every BLAS (the arbiter gives them one count): the first's.
        if (standing == null) {
          standing = BlasThreads.stand(target.getValue());
        }
        limited += standing.changed() ? 1 : 0;
        continue;
      }
      int current = controller.getNumThreads();
      // Leave a library that already has the count alone: then concurrent callers asking for
      // the same count (tasks of one executor) never undo each other's setting on close.
      if (current != target.getValue()) {
        previous.put(controller, current);
        controller.setNumThreads(target.getValue());
        limited++;
      }
    }
    return new ThreadLimit(previous, standing, limited);
  }

  /** How many libraries this limit changed (those already at the limit are left alone). */
  public int librariesLimited() {
    return librariesLimited;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (blasStanding != null) {
      blasStanding.close();
    }
    previous.forEach(LibController::setNumThreads);
  }
}
