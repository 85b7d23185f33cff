package dev.numspark.parallel;

/** BLIS. */
final class BlisController extends LibController {
  static final String[] PREFIXES = {"libblis"};

  BlisController(String filepath, String prefix) {
    super(filepath, prefix);
  }

  @Override
  public boolean isValid() {
    return symbol("bli_thread_get_num_threads") != null;
  }

  @Override
  public UserApi userApi() {
    return UserApi.BLAS;
  }

  @Override
  public String internalApi() {
    return "blis";
  }

  @Override
  public int getNumThreads() {
    int n = callInt("bli_thread_get_num_threads");
    // BLIS answers -1 until a count is set; it then runs on one thread.
    return n == -1 ? 1 : n;
  }

  @Override
  public void setNumThreads(int numThreads) {
    callVoid("bli_thread_set_num_threads", (long) numThreads);
  }

  @Override
  public String version() {
    return callString("bli_info_get_version_str");
  }

  @Override
  public String threadingLayer() {
    if (symbol("bli_info_get_enable_openmp") != null && callInt("bli_info_get_enable_openmp") != 0) {
      return "openmp";
    }
    if (symbol("bli_info_get_enable_pthreads") != null
        && callInt("bli_info_get_enable_pthreads") != 0) {
      return "pthreads";
    }
    return "disabled";
  }
}
