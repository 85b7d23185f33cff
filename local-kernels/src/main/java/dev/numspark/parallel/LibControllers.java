package dev.numspark.parallel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The registry of controllers, as threadpoolctl's: which file-name prefixes belong to which
 * controller, and the scan of this process's mapped files that finds the loaded libraries.
 */
final class LibControllers {

  private record Entry(String[] prefixes, BiFunction<String, String, LibController> factory) {}

  private static final List<Entry> REGISTRY = List.of(
      new Entry(OpenBlasController.PREFIXES, OpenBlasController::new),
      new Entry(BlisController.PREFIXES, BlisController::new),
      new Entry(MklController.PREFIXES, MklController::new),
      new Entry(FlexiBlasController.PREFIXES, FlexiBlasController::new),
      new Entry(OpenMpController.PREFIXES, OpenMpController::new));

  private static final Path MAPS = Path.of("/proc/self/maps");

  private LibControllers() {}

  /** A controller for every supported library mapped into this process, in load order. */
  static List<LibController> loaded() {
    List<LibController> controllers = new ArrayList<>();
    for (String path : mappedLibraries()) {
      String fileName = Path.of(path).getFileName().toString();
      for (Entry entry : REGISTRY) {
        String prefix = matchingPrefix(fileName, entry.prefixes());
        if (prefix != null) {
          LibController controller = entry.factory().apply(path, prefix);
          if (controller.isValid()) {
            controllers.add(controller);
          }
          break;
        }
      }
    }
    return controllers;
  }

  private static String matchingPrefix(String fileName, String[] prefixes) {
    for (String prefix : prefixes) {
      if (fileName.startsWith(prefix)) {
        return prefix;
      }
    }
    return null;
  }

  /** Paths of the shared objects mapped into this process; empty where /proc is not there. */
  static Set<String> mappedLibraries() {
    Set<String> paths = new LinkedHashSet<>();
    if (!Files.isReadable(MAPS)) {
      return paths;
    }
    try {
      for (String line : Files.readAllLines(MAPS)) {
        int slash = line.indexOf('/');
        if (slash < 0) {
          continue;
        }
        String path = line.substring(slash).trim();
        if (path.endsWith(" (deleted)")) {
          continue;
        }
        if (path.contains(".so")) {
          paths.add(path);
        }
      }
    } catch (IOException e) {
      return paths;
    }
    return paths;
  }
}
