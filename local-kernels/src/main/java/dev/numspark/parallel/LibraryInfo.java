package dev.numspark.parallel;

import dev.numspark.io.JsonText;

/**
 * One native thread-pool library loaded in this process, with threadpoolctl's fields.
 *
 * @param filepath the loaded file, as mapped in this process
 * @param prefix the file-name prefix that identified it, e.g. {@code libopenblas}
 * @param userApi {@code blas} or {@code openmp}
 * @param internalApi the implementation: openblas, blis, mkl, flexiblas or openmp
 * @param version its version, or null where the library does not say
 * @param numThreads the number of threads it will use now
 * @param threadingLayer how it threads (OpenBLAS: pthreads, openmp or disabled), or null
 * @param architecture the kernel it selected (OpenBLAS core name), or null
 */
public record LibraryInfo(
    String filepath,
    String prefix,
    UserApi userApi,
    String internalApi,
    String version,
    int numThreads,
    String threadingLayer,
    String architecture) {

  /** This record as a JSON object with threadpoolctl's field names. */
  public String toJson() {
    StringBuilder json = new StringBuilder("{");
    field(json, "user_api", userApi.jsonName()).append(", ");
    field(json, "internal_api", internalApi).append(", ");
    json.append("\"num_threads\": ").append(numThreads).append(", ");
    field(json, "prefix", prefix).append(", ");
    field(json, "filepath", filepath).append(", ");
    field(json, "version", version);
    if (threadingLayer != null) {
      field(json.append(", "), "threading_layer", threadingLayer);
    }
    if (architecture != null) {
      field(json.append(", "), "architecture", architecture);
    }
    return json.append('}').toString();
  }

  private static StringBuilder field(StringBuilder json, String name, String value) {
    json.append('"').append(name).append("\": ");
    return json.append(JsonText.quote(value));
  }
}
