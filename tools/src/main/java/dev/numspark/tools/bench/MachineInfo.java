package dev.numspark.tools.bench;

import dev.numspark.parallel.LibraryInfo;
import dev.numspark.parallel.NativeBlas;
import dev.numspark.parallel.ThreadLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Where a report was measured: date, cores, CPU model, Java, the BLAS numspark calls (with
 * OpenBLAS's version from {@link ThreadLimits#info()}), and the Python peers' numpy and scipy.
 */
public record MachineInfo(
    String date,
    int cores,
    String cpu,
    String java,
    String os,
    String blas,
    String numpy,
    String scipy) {

  static MachineInfo current(String numpy, String scipy) {
    return new MachineInfo(
        ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME).replaceAll("\\.\\d+", ""),
        Runtime.getRuntime().availableProcessors(),
        cpuModel(Path.of("/proc/cpuinfo")),
        System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
            + System.getProperty("os.arch"),
        describeBlas(),
        numpy,
        scipy);
  }

  /** The first {@code model name} of /proc/cpuinfo, or {@code unknown}. */
  static String cpuModel(Path cpuinfo) {
    try {
      for (String line : Files.readAllLines(cpuinfo)) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException | RuntimeException ignored) {
      // not Linux, or not readable
    }
    return "unknown";
  }

  /** e.g. {@code JNIBLAS: openblas 0.3.21 (pthreads, Haswell, 2 threads)}. */
  private static String describeBlas() {
    String impl = NativeBlas.implementation();
    try {
      for (LibraryInfo info : ThreadLimits.info()) {
        if (info.userApi().jsonName().equals("blas")) {
          return impl + ": " + info.internalApi() + " " + info.version() + " ("
              + (info.threadingLayer() == null ? "" : info.threadingLayer() + ", ")
              + (info.architecture() == null ? "" : info.architecture() + ", ")
              + info.numThreads() + " threads)";
        }
      }
    } catch (RuntimeException | LinkageError ignored) {
      // no native library to inspect: the implementation name says enough
    }
    return impl;
  }
}
