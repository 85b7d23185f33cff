package dev.numspark.parallel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * threadpoolctl for the JVM: finds the native BLAS and OpenMP libraries loaded in this process,
 * reports and sets their thread counts, and restores them when a limit is closed.
 *
 * <pre>{@code
 * try (ThreadLimit limit = ThreadLimits.limit(1, UserApi.BLAS)) {
 *   // every BLAS call in this process runs on one thread here
 * }
 * }</pre>
 *
 * <p>Native thread counts are process-wide, as in threadpoolctl: a limit affects every thread of
 * the JVM while it is open. The numspark BLAS ({@link NativeBlas}) is loaded before the scan, so the
 * library numspark calls is always among those reported when it is native.
 */
public final class ThreadLimits {

  private ThreadLimits() {}

  private static volatile List<LibController> cached;

  /**
   * Controllers for the supported libraries loaded now (after loading numspark's BLAS): a fresh
   * scan of this process's mapped files, which also refreshes the list {@code limit} uses.
   */
  public static List<LibController> controllers() {
    NativeBlas.blas();
    NativeBlas.lapack();
    List<LibController> scanned = LibControllers.loaded();
    cached = scanned;
    return scanned;
  }

  /**
   * The controllers of the last scan (one scan on first use): limits sit on hot paths (a batch
   * of matrices, a Spark task), where reading /proc/self/maps each time would cost more than the
   * work. {@link #info()} and {@link #controllers()} rescan.
   */
  static List<LibController> knownControllers() {
    List<LibController> known = cached;
    return known != null ? known : controllers();
  }

  /** One record per loaded library, as {@code threadpoolctl.threadpool_info()}. */
  public static List<LibraryInfo> info() {
    List<LibraryInfo> infos = new ArrayList<>();
    for (LibController controller : controllers()) {
      infos.add(controller.info());
    }
    return infos;
  }

  /** {@link #info()} as a JSON array, formatted as {@code python -m threadpoolctl -i} prints it. */
  public static String infoJson() {
    return toJson(info());
  }

  /** A JSON array of the given records, one object per line. */
  public static String toJson(List<LibraryInfo> infos) {
    if (infos.isEmpty()) {
      return "[]";
    }
    StringBuilder json = new StringBuilder("[\n");
    for (int i = 0; i < infos.size(); i++) {
      json.append("  ").append(infos.get(i).toJson()).append(i + 1 < infos.size() ? ",\n" : "\n");
    }
    return json.append(']').toString();
  }

  /** Limits every loaded library to {@code limit} threads until the result is closed. */
  public static ThreadLimit limit(int limit) {
    return apply(limit, null);
  }

  /** Limits the libraries of one kind (BLAS or OpenMP) to {@code limit} threads. */
  public static ThreadLimit limit(int limit, UserApi userApi) {
    return apply(limit, userApi);
  }

  /**
   * Per-library limits, as threadpoolctl's dict form: each key is a {@code user_api} (blas, openmp),
   * an {@code internal_api} (openblas, mkl, ...) or a file-name prefix (libopenblas, libgomp, ...).
   */
  public static ThreadLimit limit(Map<String, Integer> limits) {
    Map<LibController, Integer> targets = new LinkedHashMap<>();
    for (LibController controller : knownControllers()) {
      Integer n = firstNonNull(limits.get(controller.prefix()),
          limits.get(controller.internalApi()), limits.get(controller.userApi().jsonName()));
      if (n != null) {
        targets.put(controller, checkLimit(n));
      }
    }
    return ThreadLimit.apply(targets);
  }

  private static ThreadLimit apply(int limit, UserApi userApi) {
    checkLimit(limit);
    Map<LibController, Integer> targets = new LinkedHashMap<>();
    for (LibController controller : knownControllers()) {
      if (userApi == null || controller.userApi() == userApi) {
        targets.put(controller, limit);
      }
    }
    return ThreadLimit.apply(targets);
  }

  private static int checkLimit(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("thread limit must be at least 1, got " + limit);
    }
    return limit;
  }

  private static Integer firstNonNull(Integer a, Integer b, Integer c) {
    return a != null ? a : b != null ? b : c;
  }
}
