package dev.numspark.tools.bench;

import dev.numspark.parallel.NativeBlas;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The machine line of a report. */
class MachineInfoTest {

  @Test
  void cpuModelIsTheFirstModelName(@TempDir Path dir) throws Exception {
    Path cpuinfo = Files.writeString(dir.resolve("cpuinfo"),
        "processor\t: 0\nmodel name\t: Test CPU @ 2.0GHz\n\nprocessor\t: 1\nmodel name\t: Other\n");
    assertEquals("Test CPU @ 2.0GHz", MachineInfo.cpuModel(cpuinfo));
    assertEquals("unknown", MachineInfo.cpuModel(dir.resolve("missing")));
  }

  @Test
  void currentHasCoresJavaAndBlas() {
    MachineInfo m = MachineInfo.current("2.4.6", "1.17.1");
    assertEquals(Runtime.getRuntime().availableProcessors(), m.cores());
    assertTrue(m.java().contains(System.getProperty("java.runtime.version")), m.java());
    assertTrue(m.blas().startsWith(dev.numspark.parallel.NativeBlas.implementation()), m.blas());
    assertEquals("1.17.1", m.scipy());
  }
}
