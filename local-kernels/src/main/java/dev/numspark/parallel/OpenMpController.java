package dev.numspark.parallel;

/**
 * An OpenMP runtime: GNU libgomp, Intel libiomp or LLVM libomp. {@code omp_set_num_threads} sets
 * the default of threads that start parallel regions from now on, as threadpoolctl uses it.
 */
final class OpenMpController extends LibController {
  static final String[] PREFIXES = {"libgomp", "libiomp", "libomp"};

  OpenMpController(String filepath, String prefix) {
    super(filepath, prefix);
  }

  @Override
  public boolean isValid() {
    return symbol("omp_get_max_threads") != null;
  }

  @Override
  public UserApi userApi() {
    return UserApi.OPENMP;
  }

  @Override
  public String internalApi() {
    return "openmp";
  }

  @Override
  public int getNumThreads() {
    return callInt("omp_get_max_threads");
  }

  @Override
  public void setNumThreads(int numThreads) {
    callVoid("omp_set_num_threads", numThreads);
  }

  @Override
  public String version() {
    return null;
  }
}
