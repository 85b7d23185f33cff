package dev.numspark.parallel;

import com.sun.jna.Function;

/** FlexiBLAS, the BLAS switcher of Fedora and others. */
final class FlexiBlasController extends LibController {
  static final String[] PREFIXES = {"libflexiblas"};

  FlexiBlasController(String filepath, String prefix) {
    super(filepath, prefix);
  }

  @Override
  public boolean isValid() {
    return symbol("flexiblas_get_num_threads") != null;
  }

  @Override
  public UserApi userApi() {
    return UserApi.BLAS;
  }

  @Override
  public String internalApi() {
    return "flexiblas";
  }

  @Override
  public int getNumThreads() {
    return callInt("flexiblas_get_num_threads");
  }

  @Override
  public void setNumThreads(int numThreads) {
    callVoid("flexiblas_set_num_threads", numThreads);
  }

  @Override
  public String version() {
    Function f = symbol("flexiblas_get_version");
    if (f == null) {
      return null;
    }
    int[] major = new int[1];
    int[] minor = new int[1];
    int[] patch = new int[1];
    f.invokeInt(new Object[] {major, minor, patch});
    return major[0] + "." + minor[0] + "." + patch[0];
  }
}
