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
    JsonText.Fields json = JsonText.object().string("user_api", userApi.jsonName())
        .string("internal_api", internalApi).integer("num_threads", numThreads)
        .string("prefix", prefix).string("filepath", filepath).string("version", version);
    if (threadingLayer != null) {
      json.string("threading_layer", threadingLayer);
    }
    if (architecture != null) {
      json.string("architecture", architecture);
    }
    return json.toString();
  }
}
