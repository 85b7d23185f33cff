package dev.numspark.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class WindowsTest {

  @TestFactory
  Stream<DynamicTest> everyWindowMatchesScipy() {
    return Golden.cases().stream().filter(c -> c.op().equals("get_window"))
        .map(c -> DynamicTest.dynamicTest(c.name(), () -> {
          double[] w = Windows.getWindow(c.opt("window"), Integer.parseInt(c.opt("nx")),
              Boolean.parseBoolean(c.opt("fftbins")));
          Golden.assertClose(Golden.read(c.name() + "_v.npy").data(), w, c.name());
        }));
  }

  @Test
  void goldenSetCoversEveryWindowBothWays() {
    long count = Golden.cases().stream().filter(c -> c.op().equals("get_window")).count();
    assertTrue(count >= 8 * 2 * 4, "window cases: " + count);
  }

  @Test
  void periodicWindowIsTheSymmetricOneOfLengthPlusOneTruncated() {
    double[] periodic = Windows.hann(8, false);
    double[] symmetric = Windows.hann(9, true);
    for (int i = 0; i < 8; i++) {
      assertEquals(symmetric[i], periodic[i], 0.0);
    }
  }

  @Test
  void hannIsSinSquared() {
    double[] w = Windows.hann(16, true);
    for (int i = 0; i < 16; i++) {
      double expected = Math.pow(Math.sin(Math.PI * i / 15), 2);
      assertEquals(expected, w[i], 1e-15);
    }
  }

  @Test
  void besselI0MatchesKnownValues() {
    assertEquals(1.0, Windows.besselI0(0), 0.0);
    assertEquals(1.2660658777520082, Windows.besselI0(1), 1e-15);
    assertEquals(2815.716628466254, Windows.besselI0(10), 1e-12 * 2815.7);
  }

  @Test
  void tukeyWithoutParameterUsesHalf() {
    assertArrayEquals(Windows.tukey(20, 0.5, false), Windows.getWindow("tukey", 20, true));
  }

  @Test
  void suffixOverridesFftbins() {
    assertArrayEquals(Windows.hann(10, true), Windows.getWindow("hann_symmetric", 10, true));
    assertArrayEquals(Windows.hann(10, false), Windows.getWindow("hann_periodic", 10, false));
  }

  @Test
  void errorsUseScipysWords() throws Exception {
    Map<String, String> e = Golden.errors();
    assertEquals(e.get("nx0"), assertThrows(SignalArgumentException.class,
        () -> Windows.getWindow("hann", 0, true)).getMessage());
    assertEquals(e.get("badwindow"), assertThrows(SignalArgumentException.class,
        () -> Windows.getWindow("foo", 8, true)).getMessage());
    assertEquals(e.get("kaiser_noparam"), assertThrows(SignalArgumentException.class,
        () -> Windows.getWindow("kaiser", 8, true)).getMessage());
    assertEquals(e.get("hann_param"), assertThrows(SignalArgumentException.class,
        () -> Windows.getWindow("hann:2", 8, true)).getMessage());
    String unsupported = assertThrows(SignalArgumentException.class,
        () -> Windows.getWindow("flattop", 8, true)).getMessage();
    assertTrue(unsupported.contains("not supported"), unsupported);
    assertFalse(unsupported.isBlank());
  }

  @Test
  void windowParsesNamesParametersAndBareBetas() {
    Window t = Window.parse("tukey:0.25");
    assertEquals("tukey", t.name());
    assertArrayEquals(new double[] {0.25}, t.params());
    Window k = Window.parse("8.6");
    assertEquals("kaiser", k.name());
    assertArrayEquals(new double[] {8.6}, k.params());
    assertThrows(SignalArgumentException.class, () -> Window.parse("tukey:abc"));
  }
}
