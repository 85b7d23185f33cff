package dev.numspark.parallel;

/**
 * OpenBLAS, including builds whose symbols carry a {@code scipy_} prefix or a {@code 64_} suffix
 * (ILP64), as threadpoolctl handles them.
 */
final class OpenBlasController extends LibController {
  static final String[] PREFIXES = {"libopenblas", "libscipy_openblas"};
  private final String symbolPrefix;
  private final String symbolSuffix;

  OpenBlasController(String filepath, String prefix) {
    super(filepath, prefix);
    String foundPrefix = null;
    String foundSuffix = null;
    for (String p : new String[] {"", "scipy_"}) {
      for (String s : new String[] {"", "64_"}) {
        if (foundPrefix == null && symbol(p + "openblas_get_num_threads" + s) != null) {
          foundPrefix = p;
          foundSuffix = s;
        }
      }
    }
    this.symbolPrefix = foundPrefix;
    this.symbolSuffix = foundSuffix;
  }

  private String name(String base) {
    return symbolPrefix + base + symbolSuffix;
  }

  @Override
  public boolean isValid() {
    return symbolPrefix != null;
  }

  @Override
  public UserApi userApi() {
    return UserApi.BLAS;
  }

  @Override
  public String internalApi() {
    return "openblas";
  }

  @Override
  public int getNumThreads() {
    return callInt(name("openblas_get_num_threads"));
  }

  @Override
  public void setNumThreads(int numThreads) {
    callVoid(name("openblas_set_num_threads"), numThreads);
  }

  @Override
  public String version() {
    String config = callString(name("openblas_get_config"));
    if (config == null) {
      return null;
    }
    String[] words = config.trim().split("\\s+");
    return words.length > 1 && words[0].equalsIgnoreCase("OpenBLAS") ? words[1] : null;
  }

  @Override
  public String threadingLayer() {
    if (symbol(name("openblas_get_parallel")) == null) {
      return "unknown";
    }
    return switch (callInt(name("openblas_get_parallel"))) {
      case 0 -> "disabled";
      case 1 -> "pthreads";
      case 2 -> "openmp";
      default -> "unknown";
    };
  }

  @Override
  public String architecture() {
    String core = callString(name("openblas_get_corename"));
    return core == null ? null : core.trim();
  }
}
