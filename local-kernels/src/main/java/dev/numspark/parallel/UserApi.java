package dev.numspark.parallel;

/** The kind of thread pool a native library runs, as threadpoolctl's {@code user_api}. */
public enum UserApi {
  BLAS("blas"),
  OPENMP("openmp");

  private final String jsonName;

  UserApi(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The name threadpoolctl prints: {@code blas} or {@code openmp}. */
  public String jsonName() {
    return jsonName;
  }

  /** Parses {@code blas} or {@code openmp}, in any case. */
  public static UserApi parse(String name) {
    for (UserApi api : values()) {
      if (api.jsonName.equalsIgnoreCase(name)) {
        return api;
      }
    }
    throw new IllegalArgumentException("unknown user_api '" + name + "'; expected blas or openmp");
  }
}
